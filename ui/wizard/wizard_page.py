"""The order wizard: a step list on the left, the current step on the right, live validation.

Other pages change the same order (the catalog's cart, the send page's attachments), so the visible
step is reloaded when the wizard is shown and when the order changes from elsewhere; the wizard's own
edits do not reload it, so nothing is rebuilt under the user's cursor.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from beställning.form import ROUTES, Route, load_form
from ui.i18n import localized
from ui.order_session import OrderSession
from ui.wizard.route_page import RoutePage
from ui.wizard.section_page import SectionPage
from ui.wizard.summary_page import SummaryPage

STEP_ROLE = Qt.ItemDataRole.UserRole
MARK_GAP = "\u00a0\u00a0"  # no-break spaces: a wrapped title keeps its ✔/✖ with its last word


class WizardPage(QWidget):
    """Guides the user through every section of the form for the chosen route."""

    render_requested = Signal()
    fill_fk_requested = Signal()
    send_requested = Signal()
    browse_catalog = Signal()
    new_version_requested = Signal()

    def __init__(
        self, session: OrderSession, summary_extra: QWidget | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.form = load_form()
        self.passed: set[str] = set()  # sections the user has left with Nästa (or the summary was seen)
        self.touched: set[str] = set()  # fields the user has edited and left, or that came with the order
        self._own_edit = False
        self._moving = False  # a step change asked for by Nästa/Föregående or a link, not the step list
        self._keying_steps = False  # a key press in the step list is being handled
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.steps = QListWidget()
        self.steps.setObjectName("steps")
        self.steps.setFixedWidth(260)
        self.steps.setWordWrap(True)  # long titles wrap on words, never elide (the same on every row)
        self.steps.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.steps.setViewportMargins(8, 0, 8, 0)  # item padding would be left out of the wrap width
        self.steps.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.steps.setAccessibleName(self.tr("Steg i beställningen"))
        self.steps.installEventFilter(self)
        layout.addWidget(self.steps)
        right = QVBoxLayout()
        self.sent_banner = QFrame()
        self.sent_banner.setObjectName("sentBanner")
        banner = QHBoxLayout(self.sent_banner)
        self.sent_text = QLabel()
        self.sent_text.setWordWrap(True)
        self.new_version = QPushButton(self.tr("Ny version / upprepad beställning"))
        self.new_version.setToolTip(
            self.tr("Skapar en kopia att ändra och skicka. Varje leverans kräver ny prövning, beslut och offert.")
        )
        self.new_version.clicked.connect(self.new_version_requested)
        banner.addWidget(self.sent_text, 1)
        banner.addWidget(self.new_version)
        self.sent_banner.hide()
        right.addWidget(self.sent_banner)
        self.stack = QStackedWidget()
        right.addWidget(self.stack, 1)
        nav = QHBoxLayout()
        self.saved_label = QLabel()
        self.saved_label.setObjectName("fieldHelp")
        self.back = QPushButton(self.tr("← &Föregående"))
        self.back.setToolTip(self.tr("Föregående steg (Alt+Vänsterpil)"))
        self.next = QPushButton(self.tr("&Nästa →"))
        self.next.setToolTip(self.tr("Nästa steg (Alt+Högerpil)"))
        self.next.setDefault(True)
        for keys, button in (("Alt+Left", self.back), ("Alt+Right", self.next)):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(button.animateClick)
        nav.addWidget(self.saved_label, 1)
        nav.addWidget(self.back)
        nav.addWidget(self.next)
        right.addLayout(nav)
        layout.addLayout(right, 1)

        self.route_page = RoutePage()
        self.route_page.route_chosen.connect(self._route_chosen)
        self.section_pages: dict[str, SectionPage] = {}
        self.stack.addWidget(self.route_page)
        for section in self.form.sections:
            page = SectionPage(section)
            page.field_edited.connect(self._field_edited)
            page.field_touched.connect(self._field_touched)
            page.list_edited.connect(self._list_edited)
            page.browse_catalog.connect(self.browse_catalog)
            self.section_pages[section.id] = page
            self.stack.addWidget(page)
        self.summary = SummaryPage(summary_extra)
        self.summary.go_to.connect(self.go_to)
        self.summary.render_requested.connect(self.render_requested)
        self.summary.fill_fk_requested.connect(self.fill_fk_requested)
        self.summary.send_requested.connect(self.send_requested)
        self.stack.addWidget(self.summary)

        self.steps.currentRowChanged.connect(self._show_step)
        self.back.clicked.connect(self._back)
        self.next.clicked.connect(self._next)
        session.changed.connect(self._session_changed)
        session.order_replaced.connect(self.load_order)
        session.saved.connect(self._saved)
        session.save_failed.connect(self.saved_label.setText)
        self.load_order()

    @contextmanager
    def _editing(self) -> Iterator[None]:
        """Marks the session changes caused by the wizard itself (they must not reload its rows)."""
        self._own_edit = True
        try:
            yield
        finally:
            self._own_edit = False

    def _session_changed(self) -> None:
        if not self._own_edit and self.isVisible():
            self.reload_current_step()
        self.refresh_problems()

    def showEvent(self, event: QShowEvent) -> None:
        """Other pages may have changed the order while the wizard was hidden."""
        self.reload_current_step()
        self.refresh_problems()
        super().showEvent(event)

    def reload_current_step(self) -> None:
        """Show the order's current values in the visible step (rows follow the order's lists)."""
        widget = self.stack.currentWidget()
        if widget is self.route_page:
            self.route_page.load(self.session.order.route)
        elif isinstance(widget, SectionPage):
            widget.load(self.session.order)

    def _list_edited(self) -> None:
        with self._editing():
            self.session.mark_changed()

    def _saved(self, _path: str) -> None:
        self.saved_label.setText(self.tr("Utkastet sparat automatiskt."))

    def _step_widgets(self) -> list[tuple[str, str, QWidget]]:
        route = self.session.order.route
        steps: list[tuple[str, str, QWidget]] = [("route", self.tr("Val av blankett"), self.route_page)]
        for section in self.form.sections_for(route):
            steps.append((section.id, localized(section.title, section.title_en), self.section_pages[section.id]))
        steps.append(("summary", self.tr("Sammanfattning"), self.summary))
        return steps

    def _rebuild_steps(self, keep_current: bool = True) -> None:
        item = self.steps.currentItem()
        current = item.data(STEP_ROLE) if item is not None and keep_current else "route"
        self.steps.blockSignals(True)
        self.steps.clear()
        for number, (step_id, title, _widget) in enumerate(self._step_widgets()):
            prefix = f"{number}. " if step_id not in ("route", "summary") else ""
            item = QListWidgetItem(prefix + title)
            item.setData(STEP_ROLE, step_id)
            self.steps.addItem(item)
        self.steps.blockSignals(False)
        ids = [s[0] for s in self._step_widgets()]
        self.steps.setCurrentRow(ids.index(current) if current in ids else 0)
        self.refresh_problems()

    def load_order(self) -> None:
        order = self.session.order
        self.passed = set()
        # What an opened order already holds has been "touched": its problems show at once. A new
        # order's fields speak only after the user has been in them, or asked to go on (Nästa).
        self.touched = {k for k, v in order.fields.items() if v not in ("", False)}
        self.saved_label.clear()
        self.route_page.load(order.route)
        for page in self.section_pages.values():
            page.load(order)
        self._show_read_only()
        self._rebuild_steps(keep_current=False)  # not the old order's step: the summary marks all passed
        self.steps.setCurrentRow(0)

    def _show_read_only(self) -> None:
        """A sent order is shown as sent: fields cannot be edited; a new version can be made instead."""
        read_only = self.session.read_only
        self.sent_banner.setVisible(read_only)
        if read_only:
            records = [r for r in self.session.order.sent if r.method == "smtp"]
            when = records[0].date[:10] if records else ""
            text = self.tr("Beställningen är skickad till Försäkringskassan {0} och kan inte ändras här.")
            self.sent_text.setText(text.format(when).replace("  ", " "))
        self.route_page.setEnabled(not read_only)
        for page in self.section_pages.values():
            body = page.widget()
            if body is not None:
                body.setEnabled(not read_only)  # the page itself still scrolls

    def _route_chosen(self, route: str) -> None:
        if route in ROUTES:
            chosen: Route = "forskning" if route == "forskning" else "statistik"
            with self._editing():
                self.session.set_route(chosen)
            for page in self.section_pages.values():
                page.update_visibility(self.session.order)
            self._rebuild_steps()

    def _field_edited(self, field_id: str, value: object) -> None:
        if isinstance(value, str | bool):
            with self._editing():
                self.session.set_field(field_id, value)
        page = self.section_pages[self.form.field(field_id).section_id]
        page.update_visibility(self.session.order)

    def _field_touched(self, field_id: str) -> None:
        if field_id not in self.touched:
            self.touched.add(field_id)
            self.refresh_problems()

    def _show_step(self, row: int) -> None:
        steps = self._step_widgets()
        if not 0 <= row < len(steps):
            return
        step_id, _title, widget = steps[row]
        self.session.flush()  # a section change is a natural moment to write what was typed
        if step_id == "summary":
            self.passed.update(s[0] for s in steps)
            self.refresh_problems()
        elif step_id in self.section_pages:
            self.section_pages[step_id].load(self.session.order)
            self.refresh_problems()
        self.stack.setCurrentWidget(widget)
        self.back.setEnabled(row > 0)
        self.next.setEnabled(row < len(steps) - 1)
        if self._keying_steps and not self._moving:
            return  # the user walks the step list with the arrow keys: leave focus there (Enter goes in)
        self._focus_first_field(widget)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Arrow keys in the step list keep focus there; Enter moves into the step's first field."""
        if watched is self.steps and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self._focus_first_field(self.stack.currentWidget())
                return True
            self._keying_steps = True
            try:
                return self.steps.event(event)
            finally:
                self._keying_steps = False
        return super().eventFilter(watched, event)

    def focus_current_step(self) -> None:
        self._focus_first_field(self.stack.currentWidget())

    def _focus_first_field(self, widget: QWidget | None) -> None:
        """After a section change the first typed character lands in the section's first field."""
        if isinstance(widget, SectionPage):
            widget.focus_first()
        elif widget is self.route_page:
            self.route_page.focus_first()
        else:
            self.summary.setFocus(Qt.FocusReason.OtherFocusReason)

    def _move_to(self, row: int) -> None:
        self._moving = True
        try:
            self.steps.setCurrentRow(row)
        finally:
            self._moving = False

    def _back(self) -> None:
        self._move_to(max(self.steps.currentRow() - 1, 0))

    def _next(self) -> None:
        item = self.steps.currentItem()
        if item is not None:
            self.passed.add(item.data(STEP_ROLE))
        self._move_to(min(self.steps.currentRow() + 1, self.steps.count() - 1))

    def refresh_problems(self) -> None:
        problems = self.session.problems()
        for section_id, page in self.section_pages.items():
            page.show_problems(
                [p for p in problems if p.section == section_id], section_id in self.passed, self.touched
            )
        self.summary.show_problems(problems, self.session.order)
        counts: dict[str, int] = {}
        for problem in problems:
            if problem.blocking:
                counts[problem.section] = counts.get(problem.section, 0) + 1
        for row in range(self.steps.count()):
            item = self.steps.item(row)
            step_id = item.data(STEP_ROLE)
            base = item.text().split(MARK_GAP)[0]
            if step_id in counts and step_id in self.passed:
                item.setText(f"{base}{MARK_GAP}✖{counts[step_id]}")
            elif step_id in self.passed and step_id in self.section_pages:
                item.setText(f"{base}{MARK_GAP}✔")
            else:
                item.setText(base)

    def go_to(self, section_id: str, field_id: str = "") -> None:
        ids = [s[0] for s in self._step_widgets()]
        if section_id in ids:
            self._move_to(ids.index(section_id))
            page = self.section_pages.get(section_id)
            if page and field_id:
                page.focus_field(field_id)
