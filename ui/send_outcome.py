"""What the send page says when an SMTP send ends: recorded on the order that was sent, or why not."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from beställning.register import RegisterError
from beställning.repository import storage_message
from beställning.send.session import GateRefused, SendSession
from beställning.send.smtp import SendCancelled, SendError, SendResult

if TYPE_CHECKING:
    from ui.send_page import SendPage


class SendOutcomes:
    """The end of one page's SMTP sends (success or failure), on the GUI thread."""

    def __init__(self, page: SendPage) -> None:
        self.page = page

    def sent(self, session: SendSession, result: SendResult) -> None:
        """The SMTP send succeeded: record it on the order that was sent, whichever is open now."""
        self.page.set_busy(False)
        self.page.token = self.page.sending = None
        files = len(session.verdict.package.files) if session.verdict and session.verdict.package else 0
        sent = QCoreApplication.translate(
            "SendPage",
            "Skickat till {0} med {1} bilagor (Message-ID {2}). "
            "Försäkringskassan bekräftar mottagandet inom två arbetsdagar.",
        ).format(", ".join(result.recipients), files, result.message_id)
        open_now = self.page.is_open(session.order)
        try:
            session.record("smtp", order=self.page.order if open_now else None)
        except (RegisterError, OSError, ValueError) as exc:
            self.page.status.setText(
                QCoreApplication.translate(
                    "SendPage",
                    "”{0}” skickades, men kvittot kunde inte sparas ({1}). Ange ”Skickad till FK” på startsidan.",
                ).format(session.order.title(), storage_message(exc))
                + "\n"
                + sent
            )
            return
        if not open_now:
            session.close()
            self.page.status.setText(
                QCoreApplication.translate(
                    "SendPage", "Sändningen av ”{0}” är registrerad med den beställningen."
                ).format(session.order.title())
                + "\n"
                + sent
            )
            return
        self.page.order_changed.emit()
        self.page.refresh_checklist()
        if session.verdict is not None and session.verdict.guard is not None:
            self.page.checklist.mark(session.verdict.guard)
        self.page.status.setText(sent)

    def failed(self, session: SendSession, error: BaseException) -> None:
        """Nothing was sent: say why, naming the order when another one is open."""
        self.page.set_busy(False)
        self.page.token = self.page.sending = None
        whose = "" if self.page.is_open(session.order) else f"”{session.order.title()}”: "
        if isinstance(error, SendCancelled | GateRefused):
            self.page.status.setText(whose + str(error))
            return
        if isinstance(error, SendError):
            if error.kind == "auth" and not self.page.secrets.status().available:
                self.page.secrets.delete(self.page.smtp.account())  # forget the wrong session password: ask again
            self.page.status.setText(
                whose + QCoreApplication.translate("SendPage", "Inget skickades. {0}").format(error)
            )
            return
        self.page.status.setText(
            whose + QCoreApplication.translate("SendPage", "Inget skickades: oväntat fel ({0}).").format(error)
        )
