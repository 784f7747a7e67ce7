"""The send page's attachments panel: FK's checklist for the route, files added by dialog or drop."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from beställning.form import load_form
from beställning.order import Attachment, Order
from beställning.send.checklist import build_checklist
from beställning.send.guard import GuardResult
from ui.checklist_tree import INDEX_ROLE, KIND_ROLE, ChecklistTree
from ui.i18n import localized

RED = QColor("#b3261e")
GREEN = QColor("#1e7b34")
GREY = QColor("#555555")
USER_KINDS = ("etikansokan", "etikbeslut", "kompletteringar", "pub_avtal", "ovrigt", "blankett")


def kind_title(kind: str, title: str) -> str:
    """An attachment kind's title in the UI language; a title the user gave stays as written."""
    known = {k.id: k for k in load_form().attachment_kinds}
    spec = known.get(kind)
    return localized(spec.title, spec.title_en) if spec is not None and title == spec.title else title


class ChecklistPanel(QWidget):
    """Edits `order.attachments`; emits `changed` after each edit and `message` with what it refused."""

    changed = Signal()
    message = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.order = Order()
        self.tree = ChecklistTree()
        self.tree.setColumnCount(4)
        self.tree.setHeaderLabels(
            [self.tr("Nr"), self.tr("Bilaga"), self.tr("Fil i e-postmeddelandet"), self.tr("Status")]
        )
        header_item = self.tree.headerItem()
        for column in range(4):
            header_item.setToolTip(column, header_item.text(column))
        self.tree.setRootIsDecorated(False)
        # The columns share the width (no sideways scrolling at 1280×720); a cut text has its tooltip.
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.files_dropped.connect(self.add_files)
        hint = QLabel(
            self.tr("Dra filer hit från filhanteraren. Släpp dem på en rad för att bifoga dem som den typen.")
        )
        hint.setObjectName("fieldHelp")
        hint.setWordWrap(True)
        self.kind = QComboBox()
        self.kind.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.kind.setMinimumContentsLength(16)
        self.add_button = QPushButton(self.tr("Lägg till fil…"))
        self.remove_button = QPushButton(self.tr("Ta bort vald"))
        self.add_button.clicked.connect(self._choose_files)
        self.remove_button.clicked.connect(self.remove_selected)
        add_row = QHBoxLayout()
        add_row.addWidget(QLabel(self.tr("Typ:")))
        add_row.addWidget(self.kind, 1)
        add_row.addWidget(self.add_button)
        add_row.addWidget(self.remove_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel(self.tr("<b>Bilagor</b> (Försäkringskassans krav för vägen)")))
        layout.addWidget(self.tree, 1)
        layout.addWidget(hint)
        layout.addLayout(add_row)

    def set_order(self, order: Order) -> None:
        self.order = order
        self._fill_kinds()
        self.refresh()

    def _fill_kinds(self) -> None:
        """The kinds a user may attach on this order's route (no ethics documents for statistics)."""
        form = load_form()
        self.kind.clear()
        allowed = {k.id for k in form.attachment_kinds_for(self.order.route)}
        for kind in USER_KINDS:
            if kind not in allowed:
                continue
            text = kind_title(kind, form.attachment_kind(kind).title)
            if kind == "blankett":
                text = self.tr("Egen ifylld blankett (ersätter den som skapas)")
            self.kind.addItem(text, kind)

    def refresh(self) -> None:
        """One row per file of the package, then one red row per required file that is missing."""
        checklist = build_checklist(self.order)
        self.tree.clear()
        for item in checklist.items:
            gone = item.source is not None and not item.source.is_file()
            status = self.tr("Skapas av programmet") if item.generated else self.tr("Bifogad")
            if gone:
                status = self.tr("Filen finns inte längre")
            row = QTreeWidgetItem([f"{item.number:02d}", kind_title(item.kind, item.title), item.name, status])
            row.setData(0, KIND_ROLE, "" if item.generated else item.kind)
            row.setData(0, INDEX_ROLE, self._attachment_index(item.source))
            row.setToolTip(1, row.text(1))
            row.setToolTip(2, str(item.source) if item.source else self.tr("Skapas när paketet granskas"))
            row.setToolTip(3, status)
            row.setForeground(3, RED if gone else (GREY if item.generated else GREEN))
            self.tree.addTopLevelItem(row)
        for req in checklist.missing:
            row = QTreeWidgetItem(["–", kind_title(req.kind, req.title), self.tr("(dra hit filen)"), self.tr("Saknas")])
            row.setData(0, KIND_ROLE, req.kind)
            row.setData(0, INDEX_ROLE, -1)
            row.setToolTip(1, row.text(1))
            row.setToolTip(3, req.reason)
            for column in range(4):
                row.setForeground(column, RED)
            self.tree.addTopLevelItem(row)
        first_missing = next((r.kind for r in checklist.missing), "ovrigt")
        self.kind.setCurrentIndex(max(0, self.kind.findData(first_missing)))

    def mark(self, guard: GuardResult) -> None:
        """Show on each row whether the guard found something in that file."""
        hits: dict[str, str] = {}
        for finding in sorted(guard.scan.findings, key=lambda f: f.to_look_at):  # a number is told first
            said = self.tr("Titta på bilderna") if finding.to_look_at else self.tr("Personnummer hittades")
            hits.setdefault(finding.source.split(" → ")[0], said)
        for unreadable in guard.scan.unreadable:
            hits.setdefault(unreadable.source.split(" → ")[0], self.tr("Kan inte granskas"))
        for index in range(self.tree.topLevelItemCount()):
            row = self.tree.topLevelItem(index)
            problem = hits.get(row.text(2)) if row is not None else None
            if row is not None and problem:
                row.setText(3, problem)
                row.setToolTip(3, problem)
                for column in range(4):
                    row.setForeground(column, RED)

    def _attachment_index(self, source: Path | None) -> int:
        if source is None:
            return -1
        for index, attachment in enumerate(self.order.attachments):
            if self.order.attachment_path(attachment) == source:
                return index
        return -1

    def add_files(self, paths: list[Path], kind: str = "") -> list[str]:
        """Attach files as `kind` (default: the chosen kind); returns Swedish problems for refused paths."""
        kind = kind or str(self.kind.currentData())
        problems = []
        added = 0
        present = {self.order.attachment_path(a) for a in self.order.attachments}
        for path in paths:
            if path.is_dir():
                problems.append(self.tr("{0} är en mapp: packa den som .zip först.").format(path.name))
            elif not path.is_file():
                problems.append(self.tr("{0} finns inte.").format(path))
            elif path in present:
                problems.append(self.tr("{0} finns redan i listan.").format(path.name))
            else:
                self.order.attachments.append(Attachment(kind, str(path), ""))
                present.add(path)
                added += 1
        if added:
            self.order.touch()
            self.changed.emit()
        self.message.emit("\n".join(problems))
        return problems

    def _choose_files(self) -> None:
        names, _ = QFileDialog.getOpenFileNames(self, self.tr("Välj bilagor"))
        if names:
            self.add_files([Path(n) for n in names])

    def remove_selected(self) -> None:
        item = self.tree.currentItem()
        index = int(item.data(0, INDEX_ROLE)) if item is not None else -1
        if index < 0:
            self.message.emit(
                self.tr("Välj en bifogad fil att ta bort (det som programmet skapar kan inte tas bort).")
            )
            return
        del self.order.attachments[index]
        self.order.touch()
        self.changed.emit()
