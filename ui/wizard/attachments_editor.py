"""The attachments section: which documents go with the order, added by button or drag and drop.

The send page adds and removes attachments too, so each row is tied to its `Attachment` object, never
to a list position; a row whose object has left the list rebuilds the rows when touched.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QGridLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from beställning.form import load_form
from beställning.order import Attachment, Order
from ui.i18n import localized
from ui.layouts import chain_tab_order, clear_layout
from ui.undo_bar import UndoBar


class AttachmentsEditor(QWidget):
    """Edits `order.attachments` in place; emits `edited` after each change."""

    edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAcceptDrops(True)
        self.order: Order | None = None
        self._shown: list[Attachment] = []
        self.kinds = [k for k in load_form().attachment_kinds if not k.generated]
        self._tab_anchor = QWidget(self)  # rows built later are put right after it in the Tab order
        self._tab_anchor.setFocusPolicy(Qt.FocusPolicy.TabFocus)  # Qt ignores setTabOrder on NoFocus; hidden
        self._tab_anchor.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.generated = QLabel()
        self.generated.setObjectName("fieldHelp")
        self.generated.setWordWrap(True)
        layout.addWidget(self.generated)
        self.list_holder = QWidget()
        self.grid = QGridLayout(self.list_holder)
        self.grid.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list_holder)
        self.add_button = QPushButton(self.tr("Lägg till fil…"))
        self.add_button.clicked.connect(self._choose_files)
        layout.addWidget(self.add_button)
        hint = QLabel(self.tr("Du kan också dra filer hit. Nyckelfilen med personnummer ska aldrig bifogas."))
        hint.setObjectName("fieldHelp")
        layout.addWidget(hint)
        self.undo_bar = UndoBar(self.tr("Lägg tillbaka bilagan som togs bort"))
        layout.addWidget(self.undo_bar)
        self.problem_label = QLabel()
        self.problem_label.setObjectName("fieldProblem")
        self.problem_label.setProperty("blocking", True)
        self.problem_label.setWordWrap(True)
        self.problem_label.hide()
        layout.addWidget(self.problem_label)

    def set_order(self, order: Order) -> None:
        """Show `order`; the rows are rebuilt only when they no longer show the same attachments."""
        same_rows = (
            order is self.order
            and len(self._shown) == len(order.attachments)
            and all(a is b for a, b in zip(self._shown, order.attachments, strict=True))
            and all(self._row_matches(i, a) for i, a in enumerate(order.attachments))
        )
        if order is not self.order:
            self.undo_bar.clear()
        self.order = order
        if same_rows:
            self._update_generated()
        else:
            self._rebuild()

    def _row_matches(self, row: int, attachment: Attachment) -> bool:
        kind_item, name_item = self.grid.itemAtPosition(row, 0), self.grid.itemAtPosition(row, 1)
        kind = kind_item.widget() if kind_item is not None else None
        name = name_item.widget() if name_item is not None else None
        return (
            isinstance(kind, QComboBox)
            and kind.currentData() == attachment.kind
            and name is not None
            and name.toolTip() == attachment.path
        )

    def _is_current(self, attachment: Attachment) -> bool:
        return self.order is not None and any(a is attachment for a in self.order.attachments)

    def add_files(self, paths: list[Path]) -> None:
        if self.order is None:
            return
        for path in paths:
            self.order.attachments.append(Attachment(kind=self._guess_kind(path), path=str(path), title=path.stem))
        self._rebuild()
        self.edited.emit()

    def _guess_kind(self, path: Path) -> str:
        name = path.stem.casefold()
        hints = [
            ("pub_avtal", ("biträde", "pub")),
            ("etikbeslut", ("beslut",)),
            ("kompletteringar", ("komplett",)),
            ("etikansokan", ("etik", "ansökan")),
        ]
        route = self.order.route if self.order is not None else "forskning"
        allowed = {k.id for k in self.kinds if route in k.routes}
        return next((kind for kind, words in hints if kind in allowed and any(w in name for w in words)), "ovrigt")

    def _choose_files(self) -> None:
        names, _filter = QFileDialog.getOpenFileNames(self, self.tr("Välj bilagor"))
        self.add_files([Path(n) for n in names])

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [Path(url.toLocalFile()) for url in event.mimeData().urls() if url.isLocalFile()]
        self.add_files([p for p in paths if p.is_file()])
        event.acceptProposedAction()

    def _set_kind(self, attachment: Attachment, kind: str) -> None:
        if not self._is_current(attachment):  # removed elsewhere since the rows were built
            self._rebuild()
            return
        attachment.kind = kind
        self.edited.emit()

    def _remove(self, attachment: Attachment) -> None:
        """Remove the row's own attachment (by identity); a stale row only makes the rows current again.

        The removal can be undone (Ångra in the bar below the rows).
        """
        if self.order is None:
            return
        position = next((i for i, a in enumerate(self.order.attachments) if a is attachment), None)
        if position is None:
            self._rebuild()
            return
        del self.order.attachments[position]
        order = self.order
        name = Path(attachment.path).name
        removed = self.tr("”%1” togs bort.").replace("%1", name)
        self.undo_bar.offer(removed, lambda: self._put_back(order, position, attachment))
        self._rebuild()
        self.add_button.setFocus()
        self.edited.emit()

    def _put_back(self, order: Order, position: int, attachment: Attachment) -> None:
        if order is not self.order:
            return
        order.attachments.insert(min(position, len(order.attachments)), attachment)
        self._rebuild()
        self.edited.emit()

    def _update_generated(self) -> None:
        if self.order is None:
            return
        generated = [self.tr("Den ifyllda blanketten")]
        if self.order.variables:
            generated.append("Variabelval.xlsx")
        self.generated.setText(self.tr("Skapas automatiskt: ") + ", ".join(generated) + ".")

    def _rebuild(self) -> None:
        clear_layout(self.grid)
        self._shown = []
        if self.order is None:
            return
        self._update_generated()
        self._shown = list(self.order.attachments)
        rows: list[QWidget] = []
        for index, attachment in enumerate(self.order.attachments):
            kind = QComboBox()
            for option in self.kinds:
                if self.order.route not in option.routes and option.id != attachment.kind:
                    continue  # e.g. no ethics documents on a statistics order
                kind.addItem(localized(option.title, option.title_en), option.id)
            kind.setCurrentIndex(max(kind.findData(attachment.kind), 0))
            kind.currentIndexChanged.connect(lambda _i, a=attachment, k=kind: self._set_kind(a, k.currentData()))
            path = self.order.attachment_path(attachment)
            name = QLabel(path.name + ("" if path.is_file() else self.tr(" (saknas)")))
            name.setToolTip(attachment.path)
            remove = QPushButton(self.tr("Ta bort"))
            remove.setAccessibleName(self.tr("Ta bort bilaga %1").replace("%1", str(index + 1)))
            remove.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # never the next Tab stop; Alt+Delete on the row's type
            remove.setToolTip(self.tr("Ta bort bilagan (Alt+Delete). Du kan ångra."))
            remove.clicked.connect(lambda _checked=False, a=attachment: self._remove(a))
            shortcut = QShortcut(QKeySequence("Alt+Delete"), kind)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(lambda a=attachment: self._remove(a))
            self.grid.addWidget(kind, index, 0)
            self.grid.addWidget(name, index, 1)
            self.grid.addWidget(remove, index, 2)
            rows.append(kind)
        self.grid.setColumnStretch(1, 1)
        chain_tab_order([self._tab_anchor, *rows])  # then on to the add button, as before

    def first_input(self) -> QWidget:
        item = self.grid.itemAtPosition(0, 0)
        widget = item.widget() if item is not None else None
        return widget if widget is not None else self.add_button

    def show_problems(self, messages: list[str]) -> None:
        self.problem_label.setText("\n".join("✖ " + m for m in messages))
        self.problem_label.setVisible(bool(messages))
