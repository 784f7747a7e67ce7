"""The send page's hand-offs: an .eml draft, the mail program, a package folder, "Jag har skickat den nu".

A hand-off goes through the same send session as an SMTP send (the gate refuses a stale or blocked
verdict); it is recorded with the order, and counts as sent only when the user says it was sent.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from beställning.register import RegisterError
from beställning.send.handoff import open_file
from beställning.send.session import SendSession
from ui.save_dialog import suggested_path
from ui.workers import Report, run_in_background

if TYPE_CHECKING:
    from ui.send_page import SendPage




def os_detail(exc: BaseException) -> str:
    """The system's reason and the file it concerns, for a message the user can act on."""
    if isinstance(exc, OSError):
        detail = exc.strerror or str(exc)
        return f"{detail}: {exc.filename}" if exc.filename else detail
    return str(exc)


class HandOffs:
    """The ways out that end in the user's mail program or a folder, for one send page."""

    def __init__(self, page: SendPage) -> None:
        self.page = page

    def _handed_off(self, message: str) -> None:
        """A hand-off is recorded with the order; it counts as sent only when the user says so."""
        self.page.order_changed.emit()
        self.page.refresh_checklist()
        self.page.sent_now_button.setVisible(True)
        self.page.sent_now_button.setEnabled(True)
        self.page.status.setText(message + "\n" + self._not_sent_yet())

    def _not_sent_yet(self) -> str:
        return QCoreApplication.translate(
            "SendPage",
            "Beställningen räknas som skickad först när du har skickat den från ditt e-postprogram. "
            "Klicka då på ”Jag har skickat den nu”, eller ange ”Skickad till FK” med rätt datum på startsidan.",
        )

    def confirm_sent(self) -> None:
        """Record in the register that the user sent the order today (the 'sent' step of FK's process)."""
        try:
            self.page.repository.mark_sent(
                self.page.order, date.today(), QCoreApplication.translate("SendPage", "Skickad från e-postprogrammet")
            )
        except RegisterError as exc:
            text = QCoreApplication.translate(
                "SendPage", "Det gick inte att registrera att beställningen skickats ({0}). Ange det på startsidan."
            )
            self.page.status.setText(text.format(exc))
            return
        self.page.sent_now_button.setVisible(False)
        self.page.order_changed.emit()
        self.page.status.setText(
            QCoreApplication.translate(
                "SendPage",
                "Registrerat: skickad till Försäkringskassan {0}. FK bekräftar mottagandet inom två arbetsdagar.",
            ).format(date.today().isoformat())
        )

    def save_eml(self) -> None:
        if self.page.busy or (session := self.page.ready_session()) is None:
            return
        path = self.page.ask_save_path(suggested_path(self.page.order.title(), ".eml"))
        if path is None:
            return
        try:
            session.write_eml(path)
        except (OSError, RegisterError) as exc:
            self.page.status.setText(
                QCoreApplication.translate("SendPage", "Utkastet kunde inte sparas ({0}).").format(os_detail(exc))
            )
            return
        self._handed_off(open_file(path).message)

    def open_mailer(self) -> None:
        if self.page.busy or (session := self.page.ready_session()) is None:
            return
        try:
            outcome = session.open_mailer()
        except (OSError, RegisterError) as exc:
            self.page.status.setText(os_detail(exc))
            return
        if outcome.record is not None:
            self._handed_off(outcome.message)
        else:
            self.page.status.setText(outcome.message)

    def save_folder(self) -> None:
        """Copy the checked package into a new folder, in the background (attachments can be large)."""
        if self.page.busy or (session := self.page.ready_session(ask_resend=False)) is None:
            return
        parent = self.page.ask_folder()
        if parent is None:
            return
        saving = QCoreApplication.translate("SendPage", "Sparar paketet …")

        def work(report: Report) -> Path:
            report(0.1, saving)
            return session.save_folder(parent)

        self.page.status.clear()
        self.page.set_busy(True)
        self.page.task = run_in_background(
            work,
            on_success=lambda folder: self._folder_saved(session, folder),
            on_failure=lambda error: self._folder_failed(error),
            on_progress=self.page.show_progress,
            parent=self.page,
        )

    def _folder_saved(self, session: SendSession, folder: Path) -> None:
        self.page.set_busy(False)
        if self.page.is_open(session.order):  # the confirmation button records for the open order only
            self.page.sent_now_button.setVisible(True)
            self.page.sent_now_button.setEnabled(True)
        self.page.status.setText(
            QCoreApplication.translate("SendPage", "Paketet är sparat i {0}").format(folder)
            + "\n"
            + self._not_sent_yet()
        )

    def _folder_failed(self, error: BaseException) -> None:
        self.page.set_busy(False)
        self.page.status.setText(
            QCoreApplication.translate("SendPage", "Paketet kunde inte sparas ({0}).").format(os_detail(error))
        )
