"""The main window: navigation between pages, the menu's actions, nothing else.

Pages are created the first time they are shown, and the start page only after the window's first
paint, so the window appears about as fast as a bare Qt window. Keep `PySide6.QtCore.Qt` out of this
module: touching that namespace builds hundreds of enums (~30 ms), which the pages can pay later.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QListWidget,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QWidget,
)

if TYPE_CHECKING:
    from beställning.drafts import DraftStore, Session
    from beställning.order import Order
    from beställning.repository import OrderRepository
    from ui.estimate_panel import EstimatePanel
    from ui.order_session import OrderSession

DEFAULT_SIZE = (1180, 780)
FRAME_ALLOWANCE = (16, 48)  # the window manager's frame and title bar, outside the size we set


def ask_wait_for_work(parent: QWidget) -> bool:
    """Asks whether to wait for background work before quitting; True means wait."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(QCoreApplication.translate("MainWindow", "Arbete pågår"))
    box.setText(
        QCoreApplication.translate(
            "MainWindow",
            "Programmet arbetar fortfarande i bakgrunden, till exempel med att skicka beställningen eller "
            "skriva blanketten. Om du avslutar nu går resultatet förlorat.",
        )
    )
    wait = box.addButton(QCoreApplication.translate("MainWindow", "&Vänta"), QMessageBox.ButtonRole.AcceptRole)
    box.addButton(QCoreApplication.translate("MainWindow", "&Avsluta ändå"), QMessageBox.ButtonRole.DestructiveRole)
    box.setDefaultButton(wait)
    box.setEscapeButton(wait)
    box.exec()
    return box.clickedButton() is wait


class MainWindow(QMainWindow):
    started = Signal()  # after the first paint, when the start page is built

    def __init__(
        self, store: DraftStore | None = None, session: Session | None = None, parent: QWidget | None = None
    ) -> None:
        self._started = False  # first: Qt may deliver events while the window is being built
        super().__init__(parent)
        self.setWindowTitle(self.tr("Beställningsassistenten – individdata från Försäkringskassan"))
        self._fit_to_screen()
        self._store, self._marker = store, session
        self._repository: OrderRepository | None = None
        self._closing = False
        self._session: OrderSession | None = None
        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        self.nav = QListWidget()
        self.nav.setObjectName("nav")
        self.nav.setFixedWidth(190)
        self.nav.setAccessibleName(self.tr("Sidor"))
        self.stack = QStackedWidget()
        layout.addWidget(self.nav)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self.pages: dict[str, QWidget] = {}
        self.estimate_panel: EstimatePanel | None = None
        self._factories: list[tuple[str, str, Callable[[], QWidget]]] = [
            ("register", self.tr("Beställningar"), self._make_register),
            ("wizard", self.tr("Beställning"), self._make_wizard),
            ("catalog", self.tr("Variabelkatalog"), self._make_catalog),
            ("send", self.tr("Skicka"), self._make_send),
            ("settings", self.tr("Inställningar"), self._make_settings),
        ]
        for _key, title, _factory in self._factories:
            self.nav.addItem(title)
            self.stack.addWidget(QWidget())
        self._create_actions()
        self._create_page_shortcuts()
        self.nav.blockSignals(True)
        self.nav.setCurrentRow(0)
        self.nav.blockSignals(False)
        self.nav.currentRowChanged.connect(self._show_page)

    def _fit_to_screen(self) -> None:
        """The default size, but never larger than the screen's free area (a 1366×768 laptop)."""
        screen = QGuiApplication.primaryScreen()
        width, height = DEFAULT_SIZE
        if screen is not None:
            free = screen.availableGeometry()
            width = min(width, free.width() - FRAME_ALLOWANCE[0])
            height = min(height, free.height() - FRAME_ALLOWANCE[1])
        self.resize(width, height)

    def event(self, event: QEvent) -> bool:
        """The window appears at once; the start page is built right after its first paint."""
        if not self._started and event.type() == QEvent.Type.Paint:
            self._started = True
            QTimer.singleShot(0, self._build_start_page)
        return super().event(event)

    @property
    def session(self) -> OrderSession:
        """The order being edited, created on first use (the order model is not needed to show the window)."""
        if self._session is None:
            from ui import order_session

            self._session = order_session.OrderSession(self._store, self._marker, self)
            self._session.is_sent = lambda o: order_session.sent_by_record(o) or self.repository.is_sent(o.id)
            self._session.changed.connect(self._update_title)
        return self._session

    def set_session_marker(self, marker: Session) -> None:
        """The crash-recovery marker, known once the app has started it (after the first paint)."""
        self._marker = marker
        if self._session is not None:
            self._session.session = marker
            marker.set_open([self._session.order.id])

    def close_session(self) -> None:
        """At a clean exit: write what is pending and remove the crash-recovery marker."""
        if self._session is not None:
            self._session.flush()
        if self._marker is not None:
            self._marker.end()

    def _build_start_page(self) -> None:
        for action, shortcut in self._shortcuts:  # ~30 ms of Qt enum set-up, so after the first paint
            action.setShortcut(QKeySequence(shortcut))
        self._show_page(self.nav.currentRow())
        self.statusBar().showMessage(self.tr("Klar."), 3000)
        self.started.emit()

    # --- pages -------------------------------------------------------------------------------
    def page(self, key: str) -> QWidget:
        """The page widget, created on first use."""
        if key not in self.pages:
            row = next(i for i, (k, _t, _f) in enumerate(self._factories) if k == key)
            widget = self._factories[row][2]()
            placeholder = self.stack.widget(row)
            self.stack.insertWidget(row, widget)
            if placeholder is not None:
                self.stack.removeWidget(placeholder)
                placeholder.deleteLater()
            self.pages[key] = widget
        return self.pages[key]

    def show_page(self, key: str) -> None:
        row = next(i for i, (k, _t, _f) in enumerate(self._factories) if k == key)
        self.nav.setCurrentRow(row)

    def _show_page(self, row: int) -> None:
        key = self._factories[row][0]
        page = self.page(key)
        self.stack.setCurrentWidget(page)
        if key == "register":
            if self._session is not None:
                self._session.flush()
            page.refresh()  # type: ignore[attr-defined]

    def _make_wizard(self) -> QWidget:
        from ui.wizard.wizard_page import WizardPage

        wizard = WizardPage(self.session, self._make_estimate_panel())
        wizard.render_requested.connect(self.render_form)
        wizard.fill_fk_requested.connect(self.fill_fk_form)
        wizard.send_requested.connect(lambda: self.show_page("send"))
        wizard.browse_catalog.connect(lambda: self.show_page("catalog"))
        wizard.new_version_requested.connect(self.new_version)
        return wizard

    def _make_estimate_panel(self) -> QWidget:
        from ui.estimate_panel import EstimatePanel

        panel = EstimatePanel()
        self.estimate_panel = panel
        panel.set_order(self.session.order)
        self.session.changed.connect(lambda: panel.set_order(self.session.order))
        return panel

    def _make_register(self) -> QWidget:
        from ui.register import RegisterPage

        register = RegisterPage(repository=self.repository)
        register.open_order.connect(self.open_order)
        deleted = getattr(register, "order_deleted", None)  # Signal(str), emitted when an order is deleted
        if deleted is not None:
            deleted.connect(self.order_deleted)
        return register

    def order_deleted(self, order_id: str) -> None:
        """An order was deleted on the start page: if it is the open one, close it so autosave cannot revive it."""
        if self._session is None or self._session.order.id != order_id:
            return
        self._session.forget()
        self.statusBar().showMessage(
            self.tr("Den öppna beställningen togs bort. Du har nu en ny, tom beställning framför dig."), 8000
        )

    def _make_catalog(self) -> QWidget:
        from beställning.catalog import load_catalog
        from ui.catalog_page import CatalogPage

        catalog = CatalogPage(load_catalog)

        def show_order() -> None:  # a sent order's variables cannot change: browse only
            catalog.set_order(None if self.session.read_only else self.session.order)

        show_order()
        self.session.order_replaced.connect(show_order)
        catalog.order_changed.connect(self.session.mark_changed)
        return catalog

    @property
    def repository(self) -> OrderRepository:
        """Where the orders live (drafts and register), shared by every page."""
        if self._repository is None:
            from beställning.repository import OrderRepository

            self._repository = OrderRepository(self._store)
        return self._repository

    def _make_send(self) -> QWidget:
        from ui.send_page import SendPage

        send = SendPage(repository=self.repository)

        def show_order() -> None:
            send.set_order(self.session.order)
            send.checklist.setEnabled(not self.session.read_only)

        show_order()
        self.session.order_replaced.connect(show_order)
        send.order_changed.connect(self._order_sent_or_changed)
        return send

    def _order_sent_or_changed(self) -> None:
        """Attachments or records changed (a send entered the register through the repository already)."""
        if not self.session.read_only and self.session.is_sent(self.session.order):
            self.session.recorded_as_sent()  # from now on the order is read-only
        else:
            self.session.mark_changed()

    def new_version(self) -> None:
        """A sent order cannot change: open a copy for a repeat delivery (a new review, decision and quote)."""
        from beställning.register import RegisterError
        from beställning.register.store import load_order_copy

        order = self.session.order
        try:
            with self.repository.register() as register:
                copy = register.duplicate(order.id) if register.contains(order.id) else load_order_copy(order)
            self.repository.drafts.save(copy)
        except (RegisterError, OSError) as exc:
            QMessageBox.warning(self, self.tr("Kunde inte skapa en ny version"), str(exc))
            return
        self.open_order(copy)
        text = self.tr("En ny version av beställningen är öppen. Den skickade är oförändrad.")
        self.statusBar().showMessage(text, 8000)

    def _make_settings(self) -> QWidget:
        from ui.settings_page import SettingsPage

        settings = SettingsPage()
        settings.cost.changed.connect(self._cost_settings_changed)
        return settings

    def _cost_settings_changed(self) -> None:
        if self.estimate_panel is not None:
            self.estimate_panel.refresh()

    # --- actions -----------------------------------------------------------------------------
    def _create_actions(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&Arkiv"))
        self.actions_by_name: dict[str, QAction] = {}
        self._shortcuts: list[tuple[QAction, QKeySequence.StandardKey | str]] = []
        for name, text, shortcut, slot in (
            ("new", self.tr("&Ny beställning"), QKeySequence.StandardKey.New, self.new_order),
            ("open", self.tr("&Öppna beställningsfil…"), QKeySequence.StandardKey.Open, self.open_file),
            ("save_as", self.tr("Spara &som…"), QKeySequence.StandardKey.SaveAs, self.save_as),
            ("render", self.tr("Skriv &blanketten (.docx)…"), "Ctrl+P", self.render_form),
            ("fill_fk", self.tr("Fyll i &Försäkringskassans blankett…"), None, self.fill_fk_form),
            ("quit", self.tr("&Avsluta"), QKeySequence.StandardKey.Quit, self.close),
        ):
            action = QAction(text, self)
            if shortcut is not None:
                self._shortcuts.append((action, shortcut))
            action.triggered.connect(slot)
            file_menu.addAction(action)
            self.actions_by_name[name] = action
            if name in ("save_as", "fill_fk"):
                file_menu.addSeparator()
        toolbar = self.addToolBar(self.tr("Verktyg"))
        toolbar.setObjectName("mainToolbar")
        toolbar.setMovable(False)
        for name in ("new", "open", "render"):
            toolbar.addAction(self.actions_by_name[name])
        help_menu = self.menuBar().addMenu(self.tr("&Hjälp"))
        for name, text, slot in (
            ("help", self.tr("&Hjälp…"), self.show_help),
            ("log_folder", self.tr("Öppna &loggmappen"), self.open_log_folder),
            ("about", self.tr("&Om Beställningsassistenten"), self._about),
        ):
            action = QAction(text, self)
            action.triggered.connect(slot)
            help_menu.addAction(action)
            self.actions_by_name[name] = action
        self._shortcuts.append((self.actions_by_name["help"], QKeySequence.StandardKey.HelpContents))

    def _create_page_shortcuts(self) -> None:
        """Ctrl+1…5 go to the five main pages (shown in each page's tooltip in the sidebar)."""
        for row, (key, title, _factory) in enumerate(self._factories):
            keys = f"Ctrl+{row + 1}"
            action = QAction(self.tr("Gå till %1").replace("%1", title), self)
            action.triggered.connect(lambda _checked=False, k=key: self._go_to_page(k))
            self.addAction(action)
            self._shortcuts.append((action, keys))
            self.actions_by_name[f"page_{key}"] = action
            item = self.nav.item(row)
            if item is not None:
                item.setToolTip(f"{title} ({keys})")

    def _go_to_page(self, key: str) -> None:
        """Show the page and put the keyboard in it (its first field, or the page itself)."""
        from ui.layouts import focus_first_input

        self.show_page(key)
        page = self.pages.get(key)
        focus_step = getattr(page, "focus_current_step", None)  # the wizard: the step's first field
        if focus_step is not None:
            focus_step()
        elif page is not None:
            focus_first_input(page)

    def _update_title(self) -> None:
        self.setWindowTitle(f"{self.session.order.title()} – Beställningsassistenten")

    def new_order(self) -> None:
        from beställning.order import Order

        self.open_order(Order())

    def open_order(self, order: Order, path: Path | None = None) -> None:
        self.session.replace(order, path)
        self._go_to_page("wizard")  # with the keyboard in the first step

    def open_file(self) -> None:
        name, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Öppna beställning"), "", self.tr("Beställningar (*.json)")
        )
        if not name:
            return
        from beställning.order import OrderFileError, load_order

        try:
            order = load_order(Path(name))
        except OrderFileError as exc:
            QMessageBox.warning(self, self.tr("Kan inte öppna filen"), str(exc))
            return
        self.open_order(order, Path(name))

    def save_as(self) -> None:
        from ui.save_dialog import ask_save_path, suggested_path

        suggestion = self.session.file_path or suggested_path(self.session.order.title(), ".json")
        path = ask_save_path(self, self.tr("Spara beställningen"), suggestion, self.tr("Beställningar (*.json)"))
        if path is None:
            return
        name = str(path)
        try:
            self.session.order.save(path)
        except OSError as exc:
            QMessageBox.warning(self, self.tr("Kan inte spara"), self.tr("Filen kunde inte sparas: ") + str(exc))
            return
        self.session.file_path = Path(name)
        self.statusBar().showMessage(self.tr("Sparad: ") + name, 5000)

    def render_form(self) -> None:
        from ui.document_actions import render_form

        render_form(self, self.session.order)

    def fill_fk_form(self) -> None:
        from ui.document_actions import fill_fk_form

        fill_fk_form(self, self.session.order)

    def show_help(self) -> None:
        from ui.help_page import HelpDialog

        HelpDialog(self).exec()

    def open_log_folder(self) -> None:
        """The log folder in the file manager, for support; its path in the status bar in any case."""
        from PySide6.QtCore import QUrl
        from PySide6.QtGui import QDesktopServices

        from beställning import logs

        folder = logs.log_dir()
        self.statusBar().showMessage(self.tr("Loggmappen: ") + str(folder), 10000)
        if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder))):
            QMessageBox.information(self, self.tr("Loggmappen"), self.tr("Loggfilerna finns i: ") + str(folder))

    def _about(self) -> None:
        from ui.about_dialog import AboutBox

        AboutBox(self).exec()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._closing:  # a second close while waiting for background work
            event.ignore()
            return
        self._closing = True
        try:
            self._finish_background_work()
        finally:
            self._closing = False
        self.session.flush()
        event.accept()

    def _finish_background_work(self) -> None:
        """Before quitting: offer to wait for running work, so a send or a written form is not lost."""
        from ui.workers import running_tasks

        tasks = running_tasks()
        if not tasks:
            return
        if not ask_wait_for_work(self):
            for task in tasks:
                task.cancel()
            return
        self._wait_with_progress()

    def _wait_with_progress(self) -> None:
        """Wait for the background work with the event loop alive, so its results reach their pages."""
        from PySide6.QtCore import Qt
        from PySide6.QtWidgets import QProgressDialog

        from ui.workers import running_tasks, wait_for_all

        dialog = QProgressDialog(
            self.tr("Väntar på att arbetet i bakgrunden blir klart…"), self.tr("Avsluta ändå"), 0, 0, self
        )
        dialog.setObjectName("waitForWork")
        dialog.setWindowTitle(self.tr("Avslutar"))
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(0)
        dialog.show()
        while running_tasks() and not dialog.wasCanceled():
            wait_for_all(50)
            QCoreApplication.processEvents()
        if dialog.wasCanceled():
            for task in running_tasks():
                task.cancel()
        dialog.close()
        dialog.deleteLater()
        QCoreApplication.processEvents()  # the finished work's callbacks are queued: deliver them now
