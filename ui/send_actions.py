"""The send page's right column: the message preview, the SMTP server, the ways out, progress and status.

Only layout: the send page connects the buttons to the send session.
"""

from __future__ import annotations

from email.message import EmailMessage

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from beställning.secrets import SecretStore
from beställning.send.handoff import xdg_email_available
from beställning.settings import SettingsStore
from ui.smtp_settings import SmtpSettingsWidget


class SendActionsPanel(QWidget):
    """Preview, server settings, the four ways out, "Jag har skickat den nu", progress and status."""

    def __init__(self, settings: SettingsStore | None, secrets: SecretStore, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.preview = QPlainTextEdit()
        self.preview.setReadOnly(True)
        self.preview.setPlaceholderText(self.tr("Förhandsvisning av e-postmeddelandet efter granskningen."))
        server_box = QGroupBox(self.tr("E-postserver (SMTP)"))
        self.smtp = SmtpSettingsWidget(settings, secrets)
        QVBoxLayout(server_box).addWidget(self.smtp)
        self.send_button = QPushButton(self.tr("Skicka med e-post"))
        self.eml_button = QPushButton(self.tr("Spara utkast (.eml) och öppna"))
        self.mailer_button = QPushButton(self.tr("Öppna i e-postprogrammet"))
        self.folder_button = QPushButton(self.tr("Spara paketet i mapp…"))
        self.mailer_button.setVisible(xdg_email_available())
        buttons = QGridLayout()  # two by two, so the page fits a small laptop screen
        for index, button in enumerate((self.send_button, self.eml_button, self.mailer_button, self.folder_button)):
            buttons.addWidget(button, index // 2, index % 2)
        # After a hand-off only the user knows when the message really left: one click records it.
        self.sent_now_button = QPushButton(self.tr("Jag har skickat den nu"))
        self.sent_now_button.setToolTip(
            self.tr("Registrerar steget ”Skickad till FK” med dagens datum. Mottagningsbekräftelsen väntas sedan.")
        )
        self.sent_now_button.setVisible(False)
        self.progress = QProgressBar()
        self.progress.setRange(0, 100)
        self.progress_text = QLabel()
        self.cancel_button = QPushButton(self.tr("Avbryt"))
        progress_row = QHBoxLayout()
        progress_row.addWidget(self.progress, 1)
        progress_row.addWidget(self.cancel_button)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setMinimumHeight(4 * self.status.fontMetrics().lineSpacing())
        self.status.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        right = QVBoxLayout(self)
        right.setContentsMargins(0, 0, 0, 0)
        right.addWidget(QLabel(self.tr("<b>E-postmeddelandet</b>")))
        right.addWidget(self.preview, 3)
        right.addWidget(server_box)
        right.addLayout(buttons)
        right.addWidget(self.sent_now_button, 0, Qt.AlignmentFlag.AlignLeft)
        right.addLayout(progress_row)
        right.addWidget(self.progress_text)
        right.addWidget(self.status)

    def show_preview(self, msg: EmailMessage | None) -> None:
        """The checked message as the user's mail program would show it (empty when none was made)."""
        if msg is None:
            self.preview.clear()
            return
        body = msg.get_body(preferencelist=("plain",))
        filled_by_mailer = self.tr("(ditt e-postprogram fyller i)")
        sender, to, subject = self.tr("Från"), self.tr("Till"), self.tr("Ämne")
        head = [f"{sender}: {msg.get('From', filled_by_mailer)}", f"{to}: {msg['To']}", f"{subject}: {msg['Subject']}"]
        self.preview.setPlainText("\n".join([*head, "", ""]) + (body.get_content() if body is not None else ""))
