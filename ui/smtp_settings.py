"""E-mail server settings (e-postserver): server, port, encryption, user; the password only in the keychain.

Plain fields are typed settings (`beställning.send.smtp`); the password goes to the OS keychain through
`beställning.secrets`, or, when there is none, is kept in memory for this session and the widget says so.
Reading the keychain may block on an unlock prompt, so whether a password is stored is asked once, in
the background, when the widget is first shown, and otherwise only on the user's explicit actions.
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
from ui.workers import run_in_background

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
        self._save_error = ""  # why the last change could not be written, '' when it was
        self._password_known: tuple[str, bool] | None = None  # (account, stored?) as last read
        self._keychain_checked = False
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
        self.password.setPlaceholderText(self.tr("sparas i nyckelringen"))
        # Short button texts leave the field room for its hint on the narrow send page.
        self.save_password = QPushButton(self.tr("Spara"))
        self.save_password.setToolTip(self.tr("Spara lösenordet i nyckelringen"))
        self.save_password.setAccessibleName(self.tr("Spara lösenordet"))
        self.forget_password = QPushButton(self.tr("Glöm"))
        self.forget_password.setToolTip(self.tr("Glöm det sparade lösenordet"))
        self.forget_password.setAccessibleName(self.tr("Glöm lösenordet"))
        password_row = QHBoxLayout()
        password_row.addWidget(self.password, 1)
        password_row.addWidget(self.save_password)
        password_row.addWidget(self.forget_password)
        self.keychain_status = QLabel()
        self.keychain_status.setObjectName("fieldHelp")
        self.keychain_status.setWordWrap(True)
        # Room for the longest status (three lines in a narrow column): a wrapped label's height is not
        # part of the form's minimum, so at 200 % it was cut off when the window was short.
        self.keychain_status.setMinimumHeight(3 * self.keychain_status.fontMetrics().lineSpacing())
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
        if not self._keychain_checked:
            self._keychain_checked = True
            self.check_keychain()

    def check_keychain(self) -> None:
        """Ask the keychain in the background whether a password is stored for the current account."""
        account = self.account()
        if not self.config().username or not self.secrets.status().available:
            return
        secrets = self.secrets

        def work(_report: object) -> bool:
            return secrets.get(account) is not None

        def done(stored: bool) -> None:
            self._password_known = (account, stored)
            self.refresh_status()

        def failed(_exc: BaseException) -> None:
            self._password_known = None
            self.refresh_status()

        run_in_background(work, on_success=done, on_failure=failed, parent=self)

    def _store_fields(self) -> None:
        config = self.config()
        store = self.store()
        self._save_error = ""
        try:
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
        except (OSError, SettingsError) as exc:
            self._save_error = self.tr(
                "E-postinställningarna kunde inte sparas ({reason}). Kontrollera att programmets "
                "inställningsmapp går att skriva till och att disken inte är full, och ändra sedan igen."
            ).format(reason=str(exc) or type(exc).__name__)
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
        self._password_known = (self.account(), True)
        self.password.clear()
        self.refresh_status()
        if saved:
            self.keychain_status.setText(self.tr("Lösenordet är sparat i datorns nyckelring."))

    def _forget_password(self) -> None:
        self.secrets.delete(self.account())
        self._password_known = (self.account(), False)
        self.password.clear()
        self.refresh_status()
        self.keychain_status.setText(self.tr("Lösenordet är borttaget."))

    def refresh_status(self) -> None:
        """Show the keychain's state as last known (never reads a password) and the settings' problems."""
        status = self.secrets.status()
        if not status.available:
            self.keychain_status.setText(status.message)
        elif self.config().username and self._password_known == (self.account(), True):
            self.keychain_status.setText(self.tr("Ett lösenord finns sparat i nyckelringen."))
        else:
            self.keychain_status.setText(self.tr("Lösenordet sparas i datorns nyckelring, aldrig i en fil."))
        problems = " ".join(self.config().problems()) if self.host.text().strip() else ""
        self.problem.setText(" ".join(p for p in (self._save_error, problems) if p))
