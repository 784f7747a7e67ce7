"""The send page (skicka): attachments checklist, the guard, a preview, and the ways out.

Flow: the checklist shows what FK needs for this route (drop files on a row to attach them as that
kind); "Granska" builds the package and runs the guard off the GUI thread; only a clean, current check
enables sending, and exactly the checked message is sent (SMTP in the background, with progress and
cancel) or handed to the mail program. A second send of the same order asks first.
"""

from __future__ import annotations

import copy
import hashlib
import html
import json
import shutil
import sqlite3
import ssl
import tempfile
from dataclasses import dataclass
from email.message import EmailMessage
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QDragEnterEvent, QDragMoveEvent, QDropEvent, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from beställning.drafts import DraftStore
from beställning.form import load_form
from beställning.order import Attachment, Order
from beställning.register import Register, RegisterError
from beställning.secrets import SecretStore, default_store
from beställning.send.checklist import build_checklist
from beställning.send.guard import GuardResult, check_package
from beställning.send.handoff import (
    open_file,
    open_with_xdg_email,
    save_package,
    write_eml,
    xdg_email_available,
)
from beställning.send.message import MAX_MESSAGE_MB, build_message, size_check
from beställning.send.package import Package, Producer, build_package
from beställning.send.record import METHOD_TEXT, make_record, record_send, resend_question
from beställning.send.smtp import CancelToken, SendCancelled, SendError, SendResult, send_message
from beställning.settings import SettingsStore
from ui.i18n import localized
from ui.save_dialog import ask_save_path, suggested_path
from ui.smtp_settings import SmtpSettingsWidget
from ui.workers import Report, Task, run_in_background

KIND_ROLE = Qt.ItemDataRole.UserRole
INDEX_ROLE = Qt.ItemDataRole.UserRole + 1
RED = QColor("#b3261e")
GREEN = QColor("#1e7b34")
GREY = QColor("#555555")
USER_KINDS = ("etikansokan", "etikbeslut", "kompletteringar", "pub_avtal", "ovrigt", "blankett")


def _kind_title(kind: str, title: str) -> str:
    """An attachment kind's title in the UI language; a title the user gave stays as written."""
    form = load_form()
    known = {k.id: k for k in form.attachment_kinds}
    spec = known.get(kind)
    return localized(spec.title, spec.title_en) if spec is not None and title == spec.title else title


def _os_detail(exc: OSError) -> str:
    """The system's reason and the file it concerns, for a message the user can act on."""
    detail = exc.strerror or str(exc)
    return f"{detail}: {exc.filename}" if exc.filename else detail


def fingerprint(order: Order) -> str:
    """What the package is built from (not records or timestamps): a check holds while this is unchanged."""
    data = json.loads(order.to_json())
    for key in ("modified", "sent", "created"):
        data.pop(key, None)
    return hashlib.sha256(json.dumps(data, sort_keys=True).encode("utf-8")).hexdigest()


@dataclass
class CheckOutcome:
    """A built package, its message and the guard's verdict, for one state of the order."""

    package: Package
    message: EmailMessage
    guard: GuardResult
    fingerprint: str


class ChecklistTree(QTreeWidget):
    """The checklist; local files dropped on a row are attached as that row's kind."""

    files_dropped = Signal(list, str)  # paths, kind ("" = the kind chosen below the list)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAcceptDrops(True)
        self.viewport().setAcceptDrops(True)
        self.setDropIndicatorShown(True)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [Path(url.toLocalFile()) for url in event.mimeData().urls() if url.isLocalFile()]
        if not paths:
            event.ignore()
            return
        item = self.itemAt(event.position().toPoint())
        kind = str(item.data(0, KIND_ROLE) or "") if item is not None else ""
        event.acceptProposedAction()
        self.files_dropped.emit(paths, kind)


class SendPage(QWidget):
    """Package, check and send the order; emits `order_changed` when attachments or records change."""

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
    ) -> None:
        super().__init__(parent)
        self.order = Order()
        self._render_form = render_form
        self._export_variables = export_variables
        self._ssl_context = ssl_context
        self.secrets = secrets or default_store()
        self._settings_injected = settings
        self.checked: CheckOutcome | None = None
        self._busy = False
        self._workdir: Path | None = None
        self._task: Task[Any] | None = None
        self._token: CancelToken | None = None
        self._sending: Order | None = None  # the order a running SMTP send belongs to
        self._build_ui()
        self.destroyed.connect(lambda: self._drop_workdir())

    # --- layout ------------------------------------------------------------------------------
    def _build_ui(self) -> None:
        title = QLabel(self.tr("Skicka beställningen"))
        title.setObjectName("pageTitle")
        self.summary = QLabel()
        self.summary.setWordWrap(True)

        self.tree = ChecklistTree()
        self.tree.setColumnCount(4)
        self.tree.setHeaderLabels(
            [self.tr("Nr"), self.tr("Bilaga"), self.tr("Fil i e-postmeddelandet"), self.tr("Status")]
        )
        self.tree.setRootIsDecorated(False)
        self.tree.header().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.tree.files_dropped.connect(self._files_dropped)
        hint = QLabel(
            self.tr("Dra filer hit från filhanteraren. Släpp dem på en rad för att bifoga dem som den typen.")
        )
        hint.setObjectName("fieldHelp")
        hint.setWordWrap(True)

        self.kind = QComboBox()
        self.kind.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.kind.setMinimumContentsLength(16)
        form = load_form()
        for kind in USER_KINDS:
            title_text = _kind_title(kind, form.attachment_kind(kind).title)
            if kind == "blankett":
                title_text = self.tr("Egen ifylld blankett (ersätter den som skapas)")
            self.kind.addItem(title_text, kind)
        self.add_button = QPushButton(self.tr("Lägg till fil…"))
        self.remove_button = QPushButton(self.tr("Ta bort vald"))
        self.add_button.clicked.connect(self._choose_files)
        self.remove_button.clicked.connect(self._remove_selected)
        add_row = QHBoxLayout()
        add_row.addWidget(QLabel(self.tr("Typ:")))
        add_row.addWidget(self.kind, 1)
        add_row.addWidget(self.add_button)
        add_row.addWidget(self.remove_button)

        self.check_button = QPushButton(self.tr("Granska paketet"))
        self.check_button.clicked.connect(self.start_check)
        self.verdict = QLabel()
        self.verdict.setObjectName("summaryStatus")
        self.verdict.setWordWrap(True)
        self.guard_text = QPlainTextEdit()
        self.guard_text.setReadOnly(True)
        self.guard_text.setPlaceholderText(self.tr("Granskningens resultat visas här."))

        left = QVBoxLayout()
        left.addWidget(QLabel(self.tr("<b>Bilagor</b> (Försäkringskassans krav för vägen)")))
        left.addWidget(self.tree, 3)
        left.addWidget(hint)
        left.addLayout(add_row)
        left.addWidget(self.check_button)
        left.addWidget(self.verdict)
        left.addWidget(self.guard_text, 2)

        self.preview = QPlainTextEdit()
        self.preview.setReadOnly(True)
        self.preview.setPlaceholderText(self.tr("Förhandsvisning av e-postmeddelandet efter granskningen."))
        server_box = QGroupBox(self.tr("E-postserver (SMTP)"))
        box_layout = QVBoxLayout(server_box)
        self.smtp = SmtpSettingsWidget(self._settings_injected, self.secrets)
        box_layout.addWidget(self.smtp)

        self.send_button = QPushButton(self.tr("Skicka med e-post"))
        self.eml_button = QPushButton(self.tr("Spara utkast (.eml) och öppna"))
        self.mailer_button = QPushButton(self.tr("Öppna i e-postprogrammet"))
        self.folder_button = QPushButton(self.tr("Spara paketet i mapp…"))
        self.mailer_button.setVisible(xdg_email_available())
        self.send_button.clicked.connect(self.start_send)
        self.eml_button.clicked.connect(self.save_eml)
        self.mailer_button.clicked.connect(self.open_mailer)
        self.folder_button.clicked.connect(self.save_folder)
        buttons = QGridLayout()  # two by two, so the page fits a small laptop screen
        for index, button in enumerate((self.send_button, self.eml_button, self.mailer_button, self.folder_button)):
            buttons.addWidget(button, index // 2, index % 2)
        # After a hand-off only the user knows when the message really left: one click records it.
        self.sent_now_button = QPushButton(self.tr("Jag har skickat den nu"))
        self.sent_now_button.setToolTip(
            self.tr("Registrerar steget ”Skickad till FK” med dagens datum. Mottagningsbekräftelsen väntas sedan.")
        )
        self.sent_now_button.setVisible(False)
        self.sent_now_button.clicked.connect(self.confirm_sent)
        self.progress = QProgressBar()
        self.progress.setRange(0, 100)
        self.progress_text = QLabel()
        self.cancel_button = QPushButton(self.tr("Avbryt"))
        self.cancel_button.clicked.connect(self.cancel)
        progress_row = QHBoxLayout()
        progress_row.addWidget(self.progress, 1)
        progress_row.addWidget(self.cancel_button)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setMinimumHeight(4 * self.status.fontMetrics().lineSpacing())
        self.status.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        right = QVBoxLayout()
        right.addWidget(QLabel(self.tr("<b>E-postmeddelandet</b>")))
        right.addWidget(self.preview, 3)
        right.addWidget(server_box)
        right.addLayout(buttons)
        right.addWidget(self.sent_now_button, 0, Qt.AlignmentFlag.AlignLeft)
        right.addLayout(progress_row)
        right.addWidget(self.progress_text)
        right.addWidget(self.status)

        columns = QHBoxLayout()
        columns.addLayout(left, 1)
        columns.addLayout(right, 1)
        outer = QVBoxLayout(self)
        outer.addWidget(title)
        outer.addWidget(self.summary)
        outer.addLayout(columns, 1)
        if self.smtp.settings_error:
            self.status.setText(self.smtp.settings_error)
        self._set_busy(False)

    # --- the order ---------------------------------------------------------------------------
    def set_order(self, order: Order) -> None:
        """Show `order`; a send still running for another order goes on and is recorded with that order."""
        self.order = order
        self.sent_now_button.setVisible(False)
        self._invalidate()
        if self._sending is not None:
            if self._is_open(self._sending):
                self.status.setText(self.tr("Skickar …"))
            else:
                self.status.setText(
                    self.tr(
                        "”{0}” skickas fortfarande. Sändningen registreras med den beställningen när den är klar."
                    ).format(self._sending.title())
                )

    def _is_open(self, order: Order) -> bool:
        """Whether `order` is the one shown (the same object, or the same order loaded again)."""
        return order is self.order or order.id == self.order.id

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.checked is not None and self.checked.fingerprint != fingerprint(self.order):
            self._invalidate()
        else:
            self.refresh_checklist()

    def _invalidate(self) -> None:
        """The order changed: any earlier check no longer says anything about what would be sent."""
        self.checked = None
        self.preview.clear()
        self.guard_text.clear()
        self.verdict.setText(self.tr("Granska paketet innan du skickar."))
        self.verdict.setProperty("ok", False)
        self.verdict.style().polish(self.verdict)
        self.verdict.setStyleSheet("")
        self.refresh_checklist()
        self._update_buttons()

    def refresh_checklist(self) -> None:
        form = load_form()
        checklist = build_checklist(self.order)
        route = form.route(self.order.route)
        summary = (
            f"{localized(route.title, route.title_en)}: <b>{html.escape(self.order.title())}</b> → {form.recipient}"
        )
        if self.order.sent:
            last = self.order.sent[-1]
            how = METHOD_TEXT.get(last.method, "skickades")
            summary += "<br>" + self.tr("Senast: {0} {1}").format(how, last.date.replace("T", " ")[:16])
        self.summary.setText(summary)
        self.tree.clear()
        for item in checklist.items:
            index = self._attachment_index(item.source)
            status = self.tr("Skapas av programmet") if item.generated else self.tr("Bifogad")
            gone = item.source is not None and not item.source.is_file()
            if gone:
                status = self.tr("Filen finns inte längre")
            row = QTreeWidgetItem([f"{item.number:02d}", _kind_title(item.kind, item.title), item.name, status])
            row.setData(0, KIND_ROLE, "" if item.generated else item.kind)
            row.setData(0, INDEX_ROLE, index)
            row.setToolTip(2, str(item.source) if item.source else self.tr("Skapas när paketet granskas"))
            colour = RED if gone else (GREY if item.generated else GREEN)
            row.setForeground(3, colour)
            self.tree.addTopLevelItem(row)
        for req in checklist.missing:
            row = QTreeWidgetItem(
                ["–", _kind_title(req.kind, req.title), self.tr("(dra hit filen)"), self.tr("Saknas")]
            )
            row.setData(0, KIND_ROLE, req.kind)
            row.setData(0, INDEX_ROLE, -1)
            row.setToolTip(3, req.reason)
            for column in range(4):
                row.setForeground(column, RED)
            self.tree.addTopLevelItem(row)
        for column in (0, 1, 3):
            self.tree.resizeColumnToContents(column)
        first_missing = next((r.kind for r in checklist.missing), "ovrigt")
        self.kind.setCurrentIndex(max(0, self.kind.findData(first_missing)))

    def _attachment_index(self, source: Path | None) -> int:
        if source is None:
            return -1
        for index, attachment in enumerate(self.order.attachments):
            if Path(attachment.path) == source:
                return index
        return -1

    # --- attachments -------------------------------------------------------------------------
    def add_files(self, paths: list[Path], kind: str = "") -> list[str]:
        """Attach files as `kind` (default: the chosen kind); returns Swedish problems for refused paths."""
        kind = kind or str(self.kind.currentData())
        problems = []
        added = 0
        for path in paths:
            if path.is_dir():
                problems.append(self.tr("{0} är en mapp: packa den som .zip först.").format(path.name))
            elif not path.is_file():
                problems.append(self.tr("{0} finns inte.").format(path))
            elif any(Path(a.path) == path for a in self.order.attachments):
                problems.append(self.tr("{0} finns redan i listan.").format(path.name))
            else:
                self.order.attachments.append(Attachment(kind, str(path), ""))
                added += 1
        if added:
            self.order.touch()
            self.order_changed.emit()
            self._invalidate()
        self.status.setText("\n".join(problems))
        return problems

    def _files_dropped(self, paths: list[Path], kind: str) -> None:
        self.add_files(paths, kind)

    def _choose_files(self) -> None:
        names, _ = QFileDialog.getOpenFileNames(self, self.tr("Välj bilagor"))
        if names:
            self.add_files([Path(n) for n in names])

    def _remove_selected(self) -> None:
        item = self.tree.currentItem()
        index = int(item.data(0, INDEX_ROLE)) if item is not None else -1
        if index < 0:
            self.status.setText(
                self.tr("Välj en bifogad fil att ta bort (det som programmet skapar kan inte tas bort).")
            )
            return
        del self.order.attachments[index]
        self.order.touch()
        self.order_changed.emit()
        self._invalidate()

    # --- checking ----------------------------------------------------------------------------
    def _set_busy(self, busy: bool, cancellable: bool = False) -> None:
        self.progress.setVisible(busy)
        self.cancel_button.setVisible(busy and cancellable)
        self.cancel_button.setEnabled(True)
        self.progress_text.setVisible(busy)
        for widget in (self.check_button, self.add_button, self.remove_button, self.tree, self.smtp):
            widget.setEnabled(not busy)
        self._busy = busy
        self._update_buttons()

    @property
    def busy(self) -> bool:
        return self._busy

    def _update_buttons(self) -> None:
        ready = self.checked is not None and not self.checked.guard.blocked and not self._busy
        for button in (self.send_button, self.eml_button, self.mailer_button, self.folder_button):
            button.setEnabled(ready)

    def _progress(self, fraction: float, text: str) -> None:
        self.progress.setValue(int(fraction * 100))
        self.progress_text.setText(text)

    def _drop_workdir(self) -> None:
        if self._workdir is not None:
            shutil.rmtree(self._workdir, ignore_errors=True)
            self._workdir = None

    def start_check(self) -> None:
        """Build the package and run the guard in the background."""
        if self.busy:
            return
        self._drop_workdir()
        try:
            workdir = Path(tempfile.mkdtemp(prefix="bestallning-paket-"))
        except OSError as exc:
            self.status.setText(
                self.tr(
                    "Det gick inte att skapa en tillfällig mapp för paketet ({0}). "
                    "Kontrollera att det finns ledigt utrymme på disken och försök igen."
                ).format(_os_detail(exc))
            )
            return
        self._workdir = workdir
        target = self.order
        order = copy.deepcopy(self.order)
        render, export = self._render_form, self._export_variables
        sender = self.smtp.config().sender
        limit = self.smtp.store().get(MAX_MESSAGE_MB)

        # Translated here, on the GUI thread; the work only reports them.
        collecting = self.tr("Skapar blanketten och samlar bilagorna …")
        composing = self.tr("Skapar e-postmeddelandet …")
        scanning = self.tr("Söker efter personnummer i bilagor och fritext …")

        def work(report: Report) -> CheckOutcome:
            report(0.05, collecting)
            package = build_package(order, workdir, render_form=render, export_variables=export)
            report(0.4, composing)
            message = build_message(order, package, sender=sender)
            report(0.5, scanning)
            guard = check_package(package, size_check(message, limit), cancel=lambda: False)
            return CheckOutcome(package, message, guard, fingerprint(order))

        self.status.clear()
        self._set_busy(True)
        self._task = run_in_background(
            work,
            on_success=lambda outcome: self._check_done(target, outcome),
            on_failure=self._check_failed,
            on_progress=self._progress,
            parent=self,
        )

    def _check_done(self, target: Order, outcome: CheckOutcome) -> None:
        self._set_busy(False)
        if not self._is_open(target):
            self._invalidate()  # another order was opened while checking: this check says nothing about it
            return
        if outcome.fingerprint != fingerprint(self.order):
            self._invalidate()  # the order changed while checking
            self.status.setText(self.tr("Beställningen ändrades under granskningen. Granska igen."))
            return
        self.checked = outcome
        guard = outcome.guard
        lines = guard.messages()
        lines += [f"Obs: {note}" for note in guard.scan.notes]
        if guard.blocked:
            self.verdict.setText(self.tr("Stoppad: paketet kan inte skickas ännu."))
            self.verdict.setProperty("ok", False)
        else:
            self.verdict.setText(
                self.tr("Klart att skicka: {0} bilagor, {1:.1f} MB, inga personnummer hittades.").format(
                    len(outcome.package.files), (guard.size.size if guard.size else 0) / 1e6
                )
            )
            self.verdict.setProperty("ok", True)
        self.verdict.style().polish(self.verdict)
        self.verdict.setStyleSheet(f"color: {(RED if guard.blocked else GREEN).name()}; font-weight: 600;")
        self._mark_rows(guard)
        self.guard_text.setPlainText("\n".join(lines) or self.tr("Inga problem hittades."))
        self.preview.setPlainText(self._preview_text(outcome))
        self._update_buttons()

    def _mark_rows(self, guard: GuardResult) -> None:
        """Show on each checklist row whether the guard found something in that file."""
        hits: dict[str, str] = {}
        for finding in guard.scan.findings:
            hits.setdefault(finding.source.split(" → ")[0], self.tr("Personnummer hittades"))
        for unreadable in guard.scan.unreadable:
            hits.setdefault(unreadable.source.split(" → ")[0], self.tr("Kan inte granskas"))
        for index in range(self.tree.topLevelItemCount()):
            row = self.tree.topLevelItem(index)
            if row is None:
                continue
            problem = hits.get(row.text(2))
            if problem:
                row.setText(3, problem)
                for column in range(4):
                    row.setForeground(column, RED)

    def _check_failed(self, error: BaseException) -> None:
        self._set_busy(False)
        self.verdict.setText(self.tr("Paketet kunde inte skapas."))
        if isinstance(error, OSError):
            self.status.setText(
                self.tr("En fil kunde inte läsas eller skrivas ({0}). Kontrollera filen och granska igen.").format(
                    _os_detail(error)
                )
            )
            return
        self.status.setText(str(error))

    def _preview_text(self, outcome: CheckOutcome) -> str:
        msg = outcome.message
        body = msg.get_body(preferencelist=("plain",))
        sender, to, subject = self.tr("Från"), self.tr("Till"), self.tr("Ämne")
        filled_by_mailer = self.tr("(ditt e-postprogram fyller i)")
        head = [
            f"{sender}: {msg.get('From', filled_by_mailer)}",
            f"{to}: {msg['To']}",
            f"{subject}: {msg['Subject']}",
            "",
            "",
        ]
        return "\n".join(head) + (body.get_content() if body is not None else "")

    # --- sending -----------------------------------------------------------------------------
    def ask_yes_no(self, question: str) -> bool:
        """Asks the user (a method so tests can answer)."""
        answer = QMessageBox.question(
            self, self.tr("Skicka igen?"), question, defaultButton=QMessageBox.StandardButton.No
        )
        return answer == QMessageBox.StandardButton.Yes

    def ask_password(self, prompt: str) -> str | None:
        text, ok = QInputDialog.getText(self, self.tr("Lösenord"), prompt, QLineEdit.EchoMode.Password)
        return text if ok and text else None

    def ask_save_path(self, suggestion: Path) -> Path | None:
        """Where to save the draft (a method so tests can answer); the .eml suffix is added if left out."""
        return ask_save_path(self, self.tr("Spara utkast"), suggestion, "E-post (*.eml)")

    def ask_folder(self) -> Path | None:
        name = QFileDialog.getExistingDirectory(self, self.tr("Välj mapp för paketet"), str(Path.home()))
        return Path(name) if name else None

    def _current_check(self) -> CheckOutcome | None:
        """The check if it allows sending and still describes the open order; else asks for a new one."""
        if self.checked is None or self.checked.guard.blocked or self.checked.fingerprint != fingerprint(self.order):
            self._invalidate()
            self.status.setText(self.tr("Granska paketet igen innan du skickar."))
            return None
        return self.checked

    def _ready(self) -> CheckOutcome | None:
        if self._current_check() is None:
            return None
        question = resend_question(self.order)
        if question is not None and not self.ask_yes_no(question):
            return None
        return self.checked

    def start_send(self) -> None:
        """Send the checked message over SMTP in the background."""
        if self.busy:
            return
        outcome = self._ready()
        if outcome is None:
            return
        config = self.smtp.config()
        problems = config.problems()
        if problems:
            self.status.setText(" ".join(problems))
            return
        password = None
        if config.username:
            password = self.smtp.stored_password()
            if not password:
                password = self.ask_password(self.tr("Lösenord för {0} på {1}:").format(config.username, config.host))
                if not password:
                    self.status.setText(self.tr("Inget skickades: lösenord saknas."))
                    return
                if not self.secrets.status().available:
                    self.secrets.remember_for_session(self.smtp.account(), password)
        token = CancelToken()
        self._token = token
        target = self.order  # the receipt belongs to this order, whichever is open when the send ends
        self._sending = target
        context = self._ssl_context

        def work(report: Report) -> SendResult:
            def progress(text: str, fraction: float) -> None:
                report(fraction, text)

            return send_message(outcome.message, config, password, context, progress, token)

        self.status.setText(self.tr("Skickar …"))
        self._set_busy(True, cancellable=True)
        self._task = run_in_background(
            work,
            on_success=lambda result: self._send_done(target, outcome, result),
            on_failure=lambda error: self._send_failed(target, error),
            on_progress=self._progress,
            parent=self,
        )

    def cancel(self) -> None:
        if self._token is not None:
            self._token.cancel()  # the SMTP work ends with SendCancelled (or success if already handed over)
            self.cancel_button.setEnabled(False)
            self.progress_text.setText(self.tr("Avbryter …"))

    def _send_done(self, target: Order, outcome: CheckOutcome, result: SendResult) -> None:
        self._set_busy(False)
        self._token = None
        self._sending = None
        record = make_record(outcome.message, outcome.package, "smtp")
        sent = self.tr(
            "Skickat till {0} med {1} bilagor (Message-ID {2}). "
            "Försäkringskassan bekräftar mottagandet inom två arbetsdagar."
        ).format(", ".join(result.recipients), len(outcome.package.files), result.message_id)
        if self._is_open(target):
            record_send(self.order, record)
            self.order_changed.emit()  # the main window saves the draft and the register
            self.refresh_checklist()
            self._mark_rows(outcome.guard)
            self.status.setText(sent)
            return
        record_send(target, record)
        problem = self._save_closed_order(target)
        if problem:
            self.status.setText(
                self.tr(
                    "”{0}” skickades, men kvittot kunde inte sparas ({1}). "
                    "Öppna beställningen och ange ”Skickad till FK” på startsidan."
                ).format(target.title(), problem)
                + "\n"
                + sent
            )
            return
        self.status.setText(
            self.tr("Sändningen av ”{0}” är registrerad med den beställningen.").format(target.title()) + "\n" + sent
        )

    def _save_closed_order(self, order: Order) -> str:
        """Save a sent order that is no longer open: its draft and the register; the problem, or ""."""
        try:
            DraftStore().save(order)
            with Register() as register:
                register.save(order)
        except OSError as exc:
            return _os_detail(exc)
        except (RegisterError, ValueError, sqlite3.Error) as exc:
            return str(exc)
        return ""

    def _send_failed(self, target: Order, error: BaseException) -> None:
        self._set_busy(False)
        self._token = None
        self._sending = None
        whose = "" if self._is_open(target) else f"”{target.title()}”: "
        if isinstance(error, SendCancelled):
            self.status.setText(whose + str(error))
            return
        if isinstance(error, SendError):
            if error.kind == "auth" and not self.secrets.status().available:
                self.secrets.delete(self.smtp.account())  # forget the wrong session password: ask again
            self.status.setText(whose + self.tr("Inget skickades. {0}").format(error))
            return
        self.status.setText(whose + self.tr("Inget skickades: oväntat fel ({0}).").format(error))

    # --- hand-off ----------------------------------------------------------------------------
    def _record_handoff(self, outcome: CheckOutcome, method: str) -> None:
        """Keep a record of the hand-off; it does not count as sent (FK's clock starts when it is sent)."""
        record_send(self.order, make_record(outcome.message, outcome.package, method))
        self.order_changed.emit()
        self.refresh_checklist()
        self.sent_now_button.setVisible(True)
        self.sent_now_button.setEnabled(True)

    def _not_sent_yet(self) -> str:
        return self.tr(
            "Beställningen räknas som skickad först när du har skickat den från ditt e-postprogram. "
            "Klicka då på ”Jag har skickat den nu”, eller ange ”Skickad till FK” med rätt datum på startsidan."
        )

    def confirm_sent(self) -> None:
        """Record in the register that the user sent the order today (the 'sent' step of FK's process)."""
        from datetime import date

        try:
            with Register() as register:
                if not register.contains(self.order.id):
                    register.save(self.order)
                register.record_event(
                    self.order.id, "sent", date.today(), note=self.tr("Skickad från e-postprogrammet")
                )
        except (RegisterError, OSError, sqlite3.Error) as exc:
            self.status.setText(
                self.tr(
                    "Det gick inte att registrera att beställningen skickats ({0}). Ange det på startsidan."
                ).format(exc)
            )
            return
        self.sent_now_button.setVisible(False)
        self.order_changed.emit()
        self.status.setText(
            self.tr(
                "Registrerat: skickad till Försäkringskassan {0}. FK bekräftar mottagandet inom två arbetsdagar."
            ).format(date.today().isoformat())
        )

    def save_eml(self) -> None:
        if self.busy:
            return
        outcome = self._ready()
        if outcome is None:
            return
        path = self.ask_save_path(suggested_path(self.order.title(), ".eml"))
        if path is None:
            return
        try:
            write_eml(outcome.message, path)
        except OSError as exc:
            self.status.setText(self.tr("Utkastet kunde inte sparas ({0}).").format(_os_detail(exc)))
            return
        self._record_handoff(outcome, "eml")
        self.status.setText(open_file(path).message + "\n" + self._not_sent_yet())

    def open_mailer(self) -> None:
        if self.busy:
            return
        outcome = self._ready()
        if outcome is None:
            return
        result = open_with_xdg_email(outcome.message, outcome.package)
        if result.ok:
            self._record_handoff(outcome, "mailer")
            self.status.setText(result.message + "\n" + self._not_sent_yet())
            return
        self.status.setText(result.message)

    def save_folder(self) -> None:
        """Copy the checked package into a new folder, in the background (attachments can be large)."""
        if self.busy:
            return
        outcome = self._current_check()
        if outcome is None:
            return
        parent = self.ask_folder()
        if parent is None:
            return
        target = self.order
        saving = self.tr("Sparar paketet …")

        def work(report: Report) -> Path:
            report(0.1, saving)
            return save_package(outcome.package, outcome.message, parent)

        self.status.clear()
        self._set_busy(True)
        self._task = run_in_background(
            work,
            on_success=lambda folder: self._folder_saved(target, folder),
            on_failure=self._folder_failed,
            on_progress=self._progress,
            parent=self,
        )

    def _folder_saved(self, target: Order, folder: Path) -> None:
        self._set_busy(False)
        if self._is_open(target):  # the confirmation button records for the open order only
            self.sent_now_button.setVisible(True)
            self.sent_now_button.setEnabled(True)
        self.status.setText(self.tr("Paketet är sparat i {0}").format(folder) + "\n" + self._not_sent_yet())

    def _folder_failed(self, error: BaseException) -> None:
        self._set_busy(False)
        detail = _os_detail(error) if isinstance(error, OSError) else str(error)
        self.status.setText(self.tr("Paketet kunde inte sparas ({0}).").format(detail))
