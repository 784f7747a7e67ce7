"""The send page (skicka): the checklist, the gate's verdict, a preview, and the ways out.

A view of `beställning.send.session.SendSession`: "Granska" runs the gate off the GUI thread on a copy
of the order; only a sendable verdict for the order as it is now lets a way out run, and the session
(not this page) refuses anything else, sends or hands off exactly the checked message, and records it
through the order repository. A second send of the same order asks first.
"""

from __future__ import annotations

import copy
import html
import ssl
from pathlib import Path
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from beställning.form import load_form
from beställning.order import Order
from beställning.repository import OrderRepository
from beställning.secrets import SecretStore, default_store
from beställning.send.gate import GateOptions, Verdict, fingerprint
from beställning.send.message import MAX_MESSAGE_MB
from beställning.send.package import PackageError, Producer
from beställning.send.record import METHOD_TEXT, resend_question
from beställning.send.scan import clearances_from_json, clearances_to_json, reviewed_clearances
from beställning.send.session import GateRefused, SendSession
from beställning.send.smtp import CancelToken, SendResult
from beställning.settings import SettingsStore
from ui.ethics_panel import EthicsPanel
from ui.i18n import localized
from ui.layouts import VerticalScrollArea
from ui.save_dialog import ask_save_path
from ui.scan_findings_dialog import ScanFindingsDialog
from ui.send_actions import SendActionsPanel
from ui.send_checklist import GREEN, RED, ChecklistPanel
from ui.send_handoff import HandOffs, os_detail
from ui.send_outcome import SendOutcomes
from ui.workers import Report, Task, run_in_background


class SendPage(QWidget):
    """Check and send the order; emits `order_changed` when attachments or records change."""

    order_changed = Signal()

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        render_form: Producer | None = None,
        export_variables: Producer | None = None,
        settings: SettingsStore | None = None,
        secrets: SecretStore | None = None,
        ssl_context: ssl.SSLContext | None = None,
        repository: OrderRepository | None = None,
    ) -> None:
        super().__init__(parent)
        self.order = Order()
        self._producers = (render_form, export_variables)
        self._ssl_context = ssl_context
        self.secrets = secrets or default_store()
        self.repository = repository or OrderRepository()
        self.session: SendSession | None = None  # the checked session for the open order
        self.sending: SendSession | None = None  # a running SMTP send (may belong to another order)
        self._busy = False
        self.task: Task[Any] | None = None
        self.token: CancelToken | None = None
        self._build_ui(settings)
        self.destroyed.connect(lambda: self._close_session())

    # --- layout ------------------------------------------------------------------------------
    def _build_ui(self, settings: SettingsStore | None) -> None:
        title = QLabel(self.tr("Skicka beställningen"))
        title.setObjectName("pageTitle")
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.checklist = ChecklistPanel()
        self.tree, self.kind = self.checklist.tree, self.checklist.kind
        self.checklist.changed.connect(self._attachments_changed)
        self.checklist.message.connect(self._show_status)
        self.check_button = QPushButton(self.tr("Granska paketet"))
        self.check_button.clicked.connect(self.start_check)
        self.findings_button = QPushButton(self.tr("Visa fynden…"))
        self.findings_button.setToolTip(
            self.tr("Se var talen som liknar personnummer står, och markera falsklarm som ”inte ett personnummer”.")
        )
        self.findings_button.clicked.connect(self.review_findings)
        self.findings_button.hide()
        self.verdict = QLabel()
        self.verdict.setObjectName("summaryStatus")
        self.verdict.setWordWrap(True)
        self.guard_text = QPlainTextEdit()
        self.guard_text.setReadOnly(True)
        self.guard_text.setPlaceholderText(self.tr("Granskningens resultat visas här."))
        # The left column scrolls up and down when the ethics panel makes it taller than the window.
        left_body = QWidget()
        left = QVBoxLayout(left_body)
        left.setContentsMargins(0, 0, 4, 0)
        left.addWidget(self.checklist, 3)
        check_row = QHBoxLayout()
        check_row.addWidget(self.check_button, 1)
        check_row.addWidget(self.findings_button)
        left.addLayout(check_row)
        left.addWidget(self.verdict)
        left.addWidget(self.guard_text, 2)
        self.ethics = EthicsPanel()
        left.addWidget(self.ethics)
        self.checklist.tree.setMinimumHeight(self.checklist.tree.fontMetrics().height() * 7)
        self.guard_text.setMinimumHeight(self.guard_text.fontMetrics().height() * 4)

        self.outbox = outbox = SendActionsPanel(settings, self.secrets)
        self.preview, self.smtp, self.status = outbox.preview, outbox.smtp, outbox.status
        self.send_button, self.eml_button = outbox.send_button, outbox.eml_button
        self.mailer_button, self.folder_button = outbox.mailer_button, outbox.folder_button
        self.sent_now_button, self.cancel_button = outbox.sent_now_button, outbox.cancel_button
        self.progress, self.progress_text = outbox.progress, outbox.progress_text
        self.handoffs = HandOffs(self)
        self.outcomes = SendOutcomes(self)
        self.save_eml, self.open_mailer = self.handoffs.save_eml, self.handoffs.open_mailer
        self.save_folder, self.confirm_sent = self.handoffs.save_folder, self.handoffs.confirm_sent
        self.send_button.clicked.connect(self.start_send)
        self.eml_button.clicked.connect(lambda: self.save_eml())
        self.mailer_button.clicked.connect(lambda: self.open_mailer())
        self.folder_button.clicked.connect(lambda: self.save_folder())
        self.sent_now_button.clicked.connect(lambda: self.confirm_sent())
        self.cancel_button.clicked.connect(self.cancel)
        self._way_out = (self.send_button, self.eml_button, self.mailer_button, self.folder_button)
        columns = QHBoxLayout()
        columns.addWidget(VerticalScrollArea(left_body), 1)
        columns.addWidget(self.outbox, 1)
        outer = QVBoxLayout(self)
        outer.addWidget(title)
        outer.addWidget(self.summary)
        outer.addLayout(columns, 1)
        if self.smtp.settings_error:
            self.status.setText(self.smtp.settings_error)
        self.set_busy(False)

    def _show_status(self, text: str) -> None:
        self.status.setText(text)

    # --- the order ---------------------------------------------------------------------------
    @property
    def checked(self) -> Verdict | None:
        """The verdict of the last check of the open order (None before a check)."""
        return self.session.verdict if self.session is not None else None

    def set_order(self, order: Order) -> None:
        """Show `order`; a send still running for another order goes on and is recorded with that order."""
        self.order = order
        self.sent_now_button.setVisible(False)
        self.checklist.set_order(order)
        self.ethics.setVisible(order.route == "forskning")
        self.ethics.set_order(order if order.route == "forskning" else None)
        self._invalidate()
        if self.sending is not None:
            if self.is_open(self.sending.order):
                self.status.setText(self.tr("Skickar …"))
            else:
                self.status.setText(
                    self.tr(
                        "”{0}” skickas fortfarande. Sändningen registreras med den beställningen när den är klar."
                    ).format(self.sending.order.title())
                )

    def is_open(self, order: Order) -> bool:
        return order is self.order or order.id == self.order.id

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.checked is not None and self.checked.fingerprint != fingerprint(self.order):
            self._invalidate()
        else:
            self.refresh_checklist()

    def _attachments_changed(self) -> None:
        self.ethics.set_order(self.order if self.order.route == "forskning" else None)
        self.order_changed.emit()
        self._invalidate()

    def _close_session(self) -> None:
        if self.session is not None and self.session is not self.sending:
            self.session.close()
        self.session = None

    def review_findings(self) -> None:
        """Show the findings; what the user clears as "inte ett personnummer" is kept with the order."""
        verdict = self.checked
        if verdict is None or verdict.guard is None:
            return
        scan = verdict.guard.scan
        kept, reviewed = clearances_from_json(self.order.pnr_clearances), [*scan.findings, *scan.cleared]
        dialog = ScanFindingsDialog(reviewed, kept, self)
        if dialog.exec() != ScanFindingsDialog.DialogCode.Accepted:
            return
        self.order.pnr_clearances = clearances_to_json(reviewed_clearances(kept, reviewed, dialog.clearances()))
        self.order.touch()
        self.order_changed.emit()
        self._invalidate()
        self.start_check()  # the gate decides again, with the user's decisions

    def _invalidate(self) -> None:
        """The order changed: any earlier check no longer says anything about what would be sent."""
        self._close_session()
        self.findings_button.hide()
        self.preview.clear()
        self.guard_text.clear()
        self._show_verdict(self.tr("Granska paketet innan du skickar."), None)
        self.refresh_checklist()
        self._update_buttons()

    def _show_verdict(self, text: str, ok: bool | None) -> None:
        self.verdict.setText(text)
        self.verdict.setProperty("ok", bool(ok))
        colour = "" if ok is None else f"color: {(GREEN if ok else RED).name()}; font-weight: 600;"
        self.verdict.setStyleSheet(colour)

    def refresh_checklist(self) -> None:
        form = load_form()
        route = form.route(self.order.route)
        summary = (
            f"{localized(route.title, route.title_en)}: <b>{html.escape(self.order.title())}</b> → {form.recipient}"
        )
        if self.order.sent:
            last = self.order.sent[-1]
            how = METHOD_TEXT.get(last.method, "skickades")
            summary += "<br>" + self.tr("Senast: {0} {1}").format(how, last.date.replace("T", " ")[:16])
        self.summary.setText(summary)
        self.checklist.refresh()

    def add_files(self, paths: list[Path], kind: str = "") -> list[str]:
        return self.checklist.add_files(paths, kind)

    def _remove_selected(self) -> None:
        self.checklist.remove_selected()

    # --- checking ----------------------------------------------------------------------------
    def set_busy(self, busy: bool, cancellable: bool = False) -> None:
        self.progress.setVisible(busy)
        self.cancel_button.setVisible(busy and cancellable)
        self.cancel_button.setEnabled(True)
        self.progress_text.setVisible(busy)
        for widget in (self.check_button, self.checklist, self.smtp):
            widget.setEnabled(not busy)
        self._busy = busy
        self._update_buttons()

    @property
    def busy(self) -> bool:
        return self._busy

    def _update_buttons(self) -> None:
        ready = self.checked is not None and self.checked.sendable and not self._busy
        for button in self._way_out:
            button.setEnabled(ready)

    def show_progress(self, fraction: float, text: str) -> None:
        self.progress.setValue(int(fraction * 100))
        self.progress_text.setText(text)

    def start_check(self) -> None:
        """Run the gate in the background on a copy of the order as it is now."""
        if self.busy:
            return
        self._close_session()
        render, export = self._producers
        options = GateOptions(self.smtp.config().sender, float(self.smtp.store().get(MAX_MESSAGE_MB)), render, export)
        session = SendSession(self.order, options, self.repository)
        snapshot = copy.deepcopy(self.order)
        self.status.clear()
        self.set_busy(True)
        self.task = run_in_background(
            lambda report: session.check(report, snapshot=snapshot),
            on_success=lambda verdict: self._check_done(session, verdict),
            on_failure=self._check_failed,
            on_progress=self.show_progress,
            parent=self,
        )

    def _check_done(self, session: SendSession, verdict: Verdict) -> None:
        self.set_busy(False)
        if not self.is_open(session.order) or verdict.fingerprint != fingerprint(self.order):
            session.close()
            self._invalidate()
            if self.is_open(session.order):
                self.status.setText(self.tr("Beställningen ändrades under granskningen. Granska igen."))
            return
        self.session = session
        if verdict.sendable:
            size = verdict.guard.size.size if verdict.guard and verdict.guard.size else 0
            files = len(verdict.package.files) if verdict.package else 0
            text = self.tr("Klart att skicka: {0} bilagor, {1:.1f} MB, inga personnummer hittades.")
            cleared = len(verdict.guard.scan.cleared) if verdict.guard else 0
            if cleared:
                text = self.tr("Klart att skicka: {0} bilagor, {1:.1f} MB; {2} fynd markerade som inte personnummer.")
            self._show_verdict(text.format(files, size / 1e6, cleared), True)
        else:
            self._show_verdict(self.tr("Stoppad: beställningen kan inte skickas ännu."), False)
        if verdict.guard is not None:
            self.checklist.mark(verdict.guard)
        scan = verdict.guard.scan if verdict.guard is not None else None
        self.findings_button.setVisible(bool(scan and (scan.findings or scan.cleared)))
        lines = verdict.reasons() + [f"⚠ {p.message}" for p in verdict.warnings]
        lines += [self.tr("Obs: {0}").format(note) for note in (verdict.guard.scan.notes if verdict.guard else [])]
        self.guard_text.setPlainText("\n".join(lines) or self.tr("Inga problem hittades."))
        self.outbox.show_preview(verdict.message)
        self._update_buttons()

    def _check_failed(self, error: BaseException) -> None:
        self.set_busy(False)
        self._show_verdict(self.tr("Paketet kunde inte skapas."), False)
        if isinstance(error, PackageError):
            self.status.setText(str(error))
            return
        self.status.setText(
            self.tr("En fil kunde inte läsas eller skrivas ({0}). Kontrollera filen och granska igen.").format(
                os_detail(error)
            )
        )

    # --- asking the user (methods, so tests can answer) ---------------------------------------
    def ask_yes_no(self, question: str) -> bool:
        answer = QMessageBox.question(
            self, self.tr("Skicka igen?"), question, defaultButton=QMessageBox.StandardButton.No
        )
        return answer == QMessageBox.StandardButton.Yes

    def ask_password(self, prompt: str) -> str | None:
        text, ok = QInputDialog.getText(self, self.tr("Lösenord"), prompt, QLineEdit.EchoMode.Password)
        return text if ok and text else None

    def ask_save_path(self, suggestion: Path) -> Path | None:
        return ask_save_path(self, self.tr("Spara utkast"), suggestion, "E-post (*.eml)")

    def ask_folder(self) -> Path | None:
        name = QFileDialog.getExistingDirectory(self, self.tr("Välj mapp för paketet"), str(Path.home()))
        return Path(name) if name else None

    # --- the ways out ------------------------------------------------------------------------
    def ready_session(self, ask_resend: bool = True) -> SendSession | None:
        """The checked session if the gate lets the order leave as it is now; else says why."""
        session = self.session
        try:
            if session is None:
                raise GateRefused([self.tr("Granska paketet innan du skickar.")])
            session.ready()
        except GateRefused as refused:
            self._invalidate()
            self.status.setText("\n".join(refused.reasons))
            return None
        question = resend_question(self.order) if ask_resend else None
        if question is not None and not self.ask_yes_no(question):
            return None
        return session

    def start_send(self) -> None:
        """Send the checked message over SMTP in the background."""
        if self.busy or (session := self.ready_session()) is None:
            return
        config = self.smtp.config()
        if problems := config.problems():
            self.status.setText(" ".join(problems))
            return
        password = None
        if config.username:
            password = self.smtp.stored_password() or self.ask_password(
                self.tr("Lösenord för {0} på {1}:").format(config.username, config.host)
            )
            if not password:
                self.status.setText(self.tr("Inget skickades: lösenord saknas."))
                return
            if not self.secrets.status().available:
                self.secrets.remember_for_session(self.smtp.account(), password)
        token = CancelToken()
        self.token, self.sending, context = token, session, self._ssl_context

        def work(report: Report) -> SendResult:
            return session.transmit(config, password, context, lambda text, part: report(part, text), token)

        self.status.setText(self.tr("Skickar …"))
        self.set_busy(True, cancellable=True)
        self.task = run_in_background(
            work,
            on_success=lambda result: self.outcomes.sent(session, result),
            on_failure=lambda error: self.outcomes.failed(session, error),
            on_progress=self.show_progress,
            parent=self,
        )

    def cancel(self) -> None:
        if self.token is not None:
            self.token.cancel()  # the SMTP work ends with SendCancelled (or success if already handed over)
            self.cancel_button.setEnabled(False)
            self.progress_text.setText(self.tr("Avbryter …"))
