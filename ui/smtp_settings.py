"""E-mail server settings (e-postserver): server, port, encryption, user; the password only in the keychain.

Plain fields are typed settings (`beställning.send.smtp`); the password goes to the OS keychain through
`beställning.secrets`, or, when there is none, is kept in memory for this session and the widget says so.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QWidget,
)

from beställning.secrets import SecretStore, default_store, smtp_account
from beställning.send.smtp import (
    SECURITY_CHOICES,
    SECURITY_LABELS,
    SMTP_FROM,
    SMTP_HOST,
    SMTP_PORT,
    SMTP_SECURITY,
    SMTP_USER,
    SmtpConfig,
)
from beställning.settings import SettingsError, SettingsStore

DEFAULT_PORTS = {"starttls": 587, "tls": 465, "none": 25}
# The domain's SECURITY_LABELS, exactly as written there, marked for lupdate (the domain imports no Qt).
SECURITY_MARKED = (
    QT_TRANSLATE_NOOP("SmtpSettingsWidget", "STARTTLS (vanligen port 587)"),
    QT_TRANSLATE_NOOP("SmtpSettingsWidget", "TLS direkt (vanligen port 465)"),
    QT_TRANSLATE_NOOP("SmtpSettingsWidget", "Ingen kryptering (endast utan inloggning)"),
)


class SmtpSettingsWidget(QWidget):
    """Edits the SMTP settings; `changed` fires after any stored change."""

    changed = Signal()

    def __init__(
        self, store: SettingsStore | None = None, secrets: SecretStore | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        # Without an injected store, read the settings file afresh each time: another page (and its own
        # SettingsStore) may have written it since, and a stale store would overwrite those values.
        self._injected = store
        self.settings_error = ""
        store = self.store()
        self.secrets = secrets or default_store()
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)

        self.host = QLineEdit(store.get(SMTP_HOST))
        self.host.setPlaceholderText(self.tr("t.ex. smtp.universitet.se"))
        self.port = QSpinBox()
        self.port.setRange(1, 65535)
        self.port.setValue(store.get(SMTP_PORT))
        self.security = QComboBox()
        for key in SECURITY_CHOICES:
            self.security.addItem(self.tr(SECURITY_LABELS[key]), key)  # marked in SECURITY_MARKED
        current = store.get(SMTP_SECURITY)
        self.security.setCurrentIndex(max(0, self.security.findData(current)))
        self.username = QLineEdit(store.get(SMTP_USER))
        self.username.setPlaceholderText(self.tr("oftast din e-postadress"))
        self.sender_field = QLineEdit(store.get(SMTP_FROM))
        self.sender_field.setPlaceholderText(self.tr("tomt: beställarens e-post i beställningen"))

        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(self.tr("sparas bara i nyckelringen"))
        self.save_password = QPushButton(self.tr("Spara lösenordet"))
        self.forget_password = QPushButton(self.tr("Glöm lösenordet"))
        password_row = QHBoxLayout()
        password_row.addWidget(self.password, 1)
        password_row.addWidget(self.save_password)
        password_row.addWidget(self.forget_password)
        self.keychain_status = QLabel()
        self.keychain_status.setObjectName("fieldHelp")
        self.keychain_status.setWordWrap(True)
        self.problem = QLabel()
        self.problem.setObjectName("fieldProblem")
        self.problem.setProperty("blocking", True)
        self.problem.setWordWrap(True)

        form.addRow(self.tr("SMTP-server"), self.host)
        form.addRow(self.tr("Kryptering"), self.security)
        form.addRow(self.tr("Port"), self.port)
        form.addRow(self.tr("Användarnamn"), self.username)
        form.addRow(self.tr("Avsändaradress"), self.sender_field)
        form.addRow(self.tr("Lösenord"), password_row)
        form.addRow("", self.keychain_status)
        form.addRow("", self.problem)

        for line in (self.host, self.username, self.sender_field):
            line.editingFinished.connect(self._store_fields)
        self.port.valueChanged.connect(self._store_fields)
        self.security.currentIndexChanged.connect(self._security_changed)
        self.save_password.clicked.connect(self._save_password)
        self.forget_password.clicked.connect(self._forget_password)
        self.refresh_status()

    # --- reading -----------------------------------------------------------------------------
    def config(self) -> SmtpConfig:
        security = self.security.currentData()
        return SmtpConfig(
            host=self.host.text().strip(),
            port=self.port.value(),
            security=security if security in SECURITY_CHOICES else "starttls",
            username=self.username.text().strip(),
            sender=self.sender_field.text().strip(),
            timeout=30.0,
        )

    def account(self) -> str:
        config = self.config()
        return smtp_account(config.host, config.username)

    def stored_password(self) -> str | None:
        """The password typed in the field, else the keychain's (or this session's)."""
        typed = self.password.text()
        if typed:
            return typed
        return self.secrets.get(self.account())

    # --- writing -----------------------------------------------------------------------------
    def store(self) -> SettingsStore:
        if self._injected is not None:
            return self._injected
        try:
            return SettingsStore()
        except SettingsError as exc:
            self.settings_error = str(exc)
            return SettingsStore(Path(tempfile.mkdtemp(prefix="bestallning-")) / "settings.json")

    def reload(self) -> None:
        """Show the stored values again (another page may have changed them)."""
        store = self.store()
        for widget in (self.host, self.port, self.security, self.username, self.sender_field):
            widget.blockSignals(True)
        self.host.setText(store.get(SMTP_HOST))
        self.port.setValue(store.get(SMTP_PORT))
        self.security.setCurrentIndex(max(0, self.security.findData(store.get(SMTP_SECURITY))))
        self.username.setText(store.get(SMTP_USER))
        self.sender_field.setText(store.get(SMTP_FROM))
        for widget in (self.host, self.port, self.security, self.username, self.sender_field):
            widget.blockSignals(False)
        self.refresh_status()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._injected is None:
            self.reload()

    def _store_fields(self) -> None:
        config = self.config()
        store = self.store()
        if store.get(SMTP_HOST) != config.host:
            store.set(SMTP_HOST, config.host)
        if store.get(SMTP_PORT) != config.port:
            store.set(SMTP_PORT, config.port)
        if store.get(SMTP_SECURITY) != config.security:
            store.set(SMTP_SECURITY, str(config.security))
        if store.get(SMTP_USER) != config.username:
            store.set(SMTP_USER, config.username)
        if store.get(SMTP_FROM) != config.sender:
            store.set(SMTP_FROM, config.sender)
        self.refresh_status()
        self.changed.emit()

    def _security_changed(self) -> None:
        if self.port.value() in DEFAULT_PORTS.values():
            self.port.setValue(DEFAULT_PORTS[str(self.security.currentData())])
        self._store_fields()

    def _save_password(self) -> None:
        if not self.password.text():
            self.keychain_status.setText(self.tr("Skriv lösenordet först."))
            return
        saved = self.secrets.set(self.account(), self.password.text())
        self.password.clear()
        self.refresh_status()
        if saved:
            self.keychain_status.setText(self.tr("Lösenordet är sparat i datorns nyckelring."))

    def _forget_password(self) -> None:
        self.secrets.delete(self.account())
        self.password.clear()
        self.refresh_status()
        self.keychain_status.setText(self.tr("Lösenordet är borttaget."))

    def refresh_status(self) -> None:
        status = self.secrets.status()
        if not status.available:
            self.keychain_status.setText(status.message)
        elif self.config().username and self.secrets.get(self.account()):
            self.keychain_status.setText(self.tr("Ett lösenord finns sparat i nyckelringen."))
        else:
            self.keychain_status.setText(self.tr("Lösenordet sparas i datorns nyckelring, aldrig i en fil."))
        self.problem.setText(" ".join(self.config().problems()) if self.host.text().strip() else "")
