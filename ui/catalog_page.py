"""The variable catalog page: benefits → tables → variables, a detail pane, instant search, the cart.

Works without an order (just browsing). Searching is done by beställning.catalog.search in Python
and the tree model is rebuilt, which is faster than a proxy model for this size (tech notes).
Loading the catalog (an imported list may have 20,000 rows), building its search index and
restoring a previous list run off the GUI thread; the page shows that it is busy meanwhile.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from beställning.catalog import cart
from beställning.catalog.citations import cited_references, public_note, readable_source, readable_text
from beställning.catalog.model import REGISTER_OTHER, Benefit, Catalog, Variable, confidence_label, make_catalog
from beställning.catalog.search import SearchIndex, SearchResult
from beställning.order import Order
from ui.cart_widget import CartWidget
from ui.workers import run_in_background

KIND_ROLE = Qt.ItemDataRole.UserRole + 1  # "benefit", "table", "variable"
ID_ROLE = Qt.ItemDataRole.UserRole + 2  # benefit id, (benefit id, table) or variable id
BASE_TEXT_ROLE = Qt.ItemDataRole.UserRole + 3  # the item's text without the "i beställningen" mark
MAX_SHOWN = 600  # variables put in the tree at once; more matches are counted, not shown
EXPAND_ALL_UP_TO = 80  # with more hits than this, expanding everything only costs time


def _e(text: str) -> str:
    return html.escape(text).replace("\n", "<br>")


def _register_name(register: str) -> str:
    """The catalogue's register ("MiDAS" or "Utanför MiDAS") in the UI language."""
    if register == REGISTER_OTHER:
        return QCoreApplication.translate("CatalogPage", "Utanför MiDAS")
    return register


def _about_months(months: int) -> str:
    return QCoreApplication.translate("CatalogPage", "cirka %1 månader").replace("%1", str(months))


def benefit_html(catalog: Catalog, benefit: Benefit) -> str:
    """The detail pane for a benefit: what it is, where its data live, lag, key figures, provenance.

    The catalogue's own texts (names, descriptions, sources) are Swedish as FK writes them; the labels
    around them are in the UI language (context CatalogPage).
    """
    info = catalog.list_info(benefit.id)
    lag = benefit.lag
    lag_kind = (
        QCoreApplication.translate("CatalogPage", "uppskattning")
        if lag.estimate
        else QCoreApplication.translate("CatalogPage", "enligt FK")
    )
    has_list = (
        QCoreApplication.translate("CatalogPage", "ja")
        if benefit.has_list
        else QCoreApplication.translate("CatalogPage", "nej")
    )
    area = _e(QCoreApplication.translate("CatalogPage", "Område:"))
    register = _e(QCoreApplication.translate("CatalogPage", "Register:"))
    list_at_fk = _e(QCoreApplication.translate("CatalogPage", "Variabellista hos FK:"))
    contents = _e(QCoreApplication.translate("CatalogPage", "Katalogens innehåll:"))
    lag_label = _e(QCoreApplication.translate("CatalogPage", "Fördröjning:"))
    source = _e(QCoreApplication.translate("CatalogPage", "Källa:"))
    parts = [
        f"<h2>{_e(benefit.name)}</h2>",
        f"<p><b>{area}</b> {_e(benefit.area)} &nbsp; <b>{register}</b> {_e(_register_name(benefit.register))} "
        f"&nbsp; <b>{list_at_fk}</b> {_e(has_list)}</p>",
        f"<p>{_e(benefit.description)}</p>",
        f"<p><b>{contents}</b> {_e(info.display())}"
        + (f" ({_e(info.file_name)})" if info.kind == "imported" else "")
        + "</p>",
        f"<p><b>{lag_label}</b> {_e(_about_months(lag.months))} ({_e(lag_kind)}). {_e(lag.basis)}<br>"
        f"<small>{source} {_e(_readable(catalog, lag.source))}</small></p>",
    ]
    if not benefit.has_list:
        parts.append(f"<p class='nolist'><b>{_e(no_list_title())}</b> {_e(no_list_text())}</p>")
    if benefit.key_figures:
        rows = "".join(
            f"<tr><td>{_e(f.label)} {f.year}</td><td align='right'>{_e(f.display())}</td>"
            f"<td><small>{_e(_readable(catalog, f.source))}"
            f"{(' – ' + _e(public_note(f.note))) if public_note(f.note) else ''}</small></td></tr>"
            for f in benefit.key_figures
        )
        key_figures = _e(QCoreApplication.translate("CatalogPage", "Nyckeltal"))
        parts.append(f"<p><b>{key_figures}</b></p><table cellspacing='0' cellpadding='3'>{rows}</table>")
    parts.append(f"<p><small>{source} {_e(_readable(catalog, benefit.source))}</small></p>")
    cited = [benefit.source, lag.source, *(f.source for f in benefit.key_figures)]
    return "".join(parts) + _references_html(catalog, cited)


def _readable(catalog: Catalog, text: str) -> str:
    return readable_source(text, catalog.sources)


def _references_html(catalog: Catalog, texts: list[str]) -> str:
    """The full references (with web addresses) behind the readable citations above."""
    references = cited_references(texts, catalog.sources)
    if not references:
        return ""
    title = _e(QCoreApplication.translate("CatalogPage", "Källhänvisningar"))
    items = "".join(f"<li>{_e(r)}</li>" for r in references)
    return f"<p><small><b>{title}</b></small></p><ul><small>{items}</small></ul>"


def no_list_title() -> str:
    return QCoreApplication.translate("CatalogPage", "FK har ingen variabellista för den här förmånen.")


def no_list_text() -> str:
    return QCoreApplication.translate(
        "CatalogPage",
        "Beskriv med egna ord vilka uppgifter ni behöver (”Önskemål” nedan eller i avsnitt 6, Uppgifter per "
        "förmån), så föreslår Försäkringskassan variabler. Uppgifterna här är det FK brukar kunna lämna.",
    )


def variable_html(catalog: Catalog, variable: Variable) -> str:
    """The detail pane for a variable, with its provenance stated plainly."""
    benefit = catalog.benefit(variable.benefit_id)
    info = catalog.list_info(variable.benefit_id)
    if variable.concept:
        kind = QCoreApplication.translate("CatalogPage", "Begrepp ur offentliga källor (inte ett kolumnnamn hos FK)")
        table_label = QCoreApplication.translate("CatalogPage", "Dataområde")
    else:
        kind = QCoreApplication.translate("CatalogPage", "Variabel i FK:s lista")
        table_label = QCoreApplication.translate("CatalogPage", "Tabell")
    estimate = QCoreApplication.translate("CatalogPage", " (uppskattning)") if benefit.lag.estimate else ""
    rows = [
        (QCoreApplication.translate("CatalogPage", "Förmån"), benefit.name),
        (table_label, variable.table),
        (QCoreApplication.translate("CatalogPage", "Etikett"), variable.label),
        (QCoreApplication.translate("CatalogPage", "Beskrivning"), variable.description),
        (QCoreApplication.translate("CatalogPage", "Typ"), variable.type),
        (QCoreApplication.translate("CatalogPage", "Värdemängd"), variable.value_set),
        (QCoreApplication.translate("CatalogPage", "Anmärkning"), readable_text(variable.notes)),
        (QCoreApplication.translate("CatalogPage", "Säkerhet"), confidence_label(variable.confidence)),
        (QCoreApplication.translate("CatalogPage", "Källa"), _readable(catalog, variable.source)),
        (QCoreApplication.translate("CatalogPage", "Härkomst"), info.display()),
        (QCoreApplication.translate("CatalogPage", "Fördröjning"), _about_months(benefit.lag.months) + estimate),
    ]
    body = "".join(
        f"<tr><td valign='top'><b>{_e(label)}</b></td><td>{_e(value)}</td></tr>" for label, value in rows if value
    )
    references = _references_html(catalog, [variable.source, variable.notes])
    head = f"<h2>{_e(variable.name)}</h2><p><i>{_e(kind)}</i></p>"
    if not benefit.has_list:
        head += f"<p><b>{_e(no_list_title())}</b> {_e(no_list_text())}</p>"
    return f"{head}<table cellpadding='3'>{body}</table>{references}"


class CatalogPage(QWidget):
    """Browse and search what FK can deliver; with an order set, pick into its cart."""

    order_changed = Signal()
    catalog_loaded = Signal()  # after every (re)load; the page shows the new catalog

    def __init__(self, catalog_provider: Callable[[], Catalog], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._provider = catalog_provider
        self._catalog = make_catalog((), {})  # empty until the background load is done
        self._index = SearchIndex(self._catalog)
        self._order: Order | None = None
        self._import_task: object | None = None
        self._load_task: object | None = None
        self._load_generation = 0
        self._busy = False
        self._shown: tuple[object, object, int] | None = None
        self._rebuilding = False

        title = QLabel(self.tr("Variabelkatalog"))
        title.setObjectName("pageTitle")
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Sök i alla listor: namn, beskrivning, värden … (Ctrl+F)"))
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName(self.tr("Sök i katalogen"))
        self.search.textChanged.connect(lambda _t: self.apply_filter())
        self.search.installEventFilter(self)
        self.area = QComboBox()
        self.area.setAccessibleName(self.tr("Område"))
        self.register = QComboBox()
        self.register.setAccessibleName(self.tr("Register"))
        self.area.currentIndexChanged.connect(lambda _i: self.apply_filter())
        self.register.currentIndexChanged.connect(lambda _i: self.apply_filter())
        self.import_button = QPushButton(self.tr("Importera FK:s lista…"))
        self.import_button.setToolTip(self.tr("Läs in Försäkringskassans officiella variabellista (.xlsx)"))
        self.import_button.clicked.connect(self._choose_import)
        self.restore_button = QPushButton(self.tr("Återställ föregående lista"))
        self.restore_button.clicked.connect(self._restore_previous)
        self.count = QLabel()
        self.count.setObjectName("fieldHelp")
        self.count.setWordWrap(True)
        self.progress = QProgressBar()
        self.progress.setRange(0, 100)
        self.progress.setVisible(False)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setObjectName("fieldHelp")
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status.setVisible(False)

        self.model = QStandardItemModel(self)
        self.tree = QTreeView()
        self.tree.setModel(self.model)
        self.tree.setHeaderHidden(True)
        self.tree.setUniformRowHeights(True)
        self.tree.setEditTriggers(QTreeView.EditTrigger.NoEditTriggers)
        self.tree.setAccessibleName(self.tr("Förmåner, tabeller och variabler"))
        self.tree.selectionModel().currentChanged.connect(lambda current, _prev: self._show_detail(current))
        self.tree.activated.connect(self._activated)
        self.detail = QTextBrowser()
        self.detail.setOpenExternalLinks(False)
        self.detail.setAccessibleName(self.tr("Detaljer"))

        self.justification = QLineEdit()
        self.justification.setPlaceholderText(self.tr("Motivering"))
        self.justification.setToolTip(self.tr("Motivering: varför behövs uppgiften för forskningsfrågorna?"))
        self.justification.returnPressed.connect(self._add_current)
        self.add_button = QPushButton(self.tr("Lägg till i beställningen"))
        self.add_button.clicked.connect(self._add_current)
        self.add_table_button = QPushButton(self.tr("Lägg till hela tabellen"))
        self.add_table_button.clicked.connect(self._add_current_table)
        self.cart = CartWidget()
        self.cart.set_catalog(self._catalog)
        self.cart.changed.connect(self._cart_changed)

        filters = QHBoxLayout()
        filters.addWidget(self.search, 3)
        filters.addWidget(self.area, 1)
        filters.addWidget(self.register, 1)
        filters.addWidget(self.import_button)
        filters.addWidget(self.restore_button)
        pick_row = QHBoxLayout()
        pick_row.addWidget(self.justification, 1)
        pick_row.addWidget(self.add_button)
        pick_row.addWidget(self.add_table_button)
        detail_part = QWidget()
        detail_layout = QVBoxLayout(detail_part)
        detail_layout.setContentsMargins(0, 0, 0, 0)
        detail_layout.addWidget(self.detail, 1)
        detail_layout.addLayout(pick_row)
        # The cart can be made as tall as the user wants (drag the bar above it); it starts at half.
        right = QSplitter(Qt.Orientation.Vertical)
        right.setObjectName("cartSplitter")
        right.setChildrenCollapsible(False)
        right.addWidget(detail_part)
        right.addWidget(self.cart)
        right.setStretchFactor(0, 1)
        right.setStretchFactor(1, 1)
        self.cart.tree.setMinimumHeight(self.cart.tree.fontMetrics().height() * 6)
        self.cart_splitter = right
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.tree, 1)
        left_layout.addWidget(self.count)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([480, 720])
        self.tree.setMinimumWidth(320)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addLayout(filters)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addWidget(splitter, 1)

        QShortcut(QKeySequence.StandardKey.Find, self, self.focus_search)
        self._fill_filters()
        self._update_buttons()
        self.reload_catalog()

    # -- public API --------------------------------------------------------------------------------
    @property
    def catalog(self) -> Catalog:
        return self._catalog

    def set_order(self, order: Order | None) -> None:
        """The order whose cart is shown (None: browsing only)."""
        self._order = order
        self.cart.set_order(order)
        self.mark_picked()
        self._update_buttons()

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    @property
    def loading(self) -> bool:
        """Whether the catalog is being read in the background."""
        return self._busy

    def reload_catalog(
        self,
        before: Callable[[], object] | None = None,
        then: Callable[[object], None] | None = None,
        what_failed: str = "",
    ) -> None:
        """Ask the provider again off the GUI thread and rebuild the view, keeping the search.

        `before` runs first on the worker (restoring a list); its result goes to `then`, which runs on
        the GUI thread once the new catalog is shown. `what_failed` names the step in an error message.
        """
        from beställning.catalog.store import StoreError

        self._load_generation += 1
        generation = self._load_generation
        provider = self._provider
        self._set_busy(True)

        def work(_report: Callable[[float, str], None]) -> tuple[object, Catalog, SearchIndex]:
            extra = before() if before is not None else None
            catalog = provider()
            return extra, catalog, SearchIndex(catalog)

        def done(result: tuple[object, Catalog, SearchIndex]) -> None:
            if generation != self._load_generation:
                return  # a newer load was started; its result will be shown
            self._load_task = None
            extra, catalog, index = result
            self._catalog, self._index = catalog, index
            self._shown = None
            self.cart.set_catalog(catalog)
            self._fill_filters()
            self._set_busy(False)
            self.apply_filter()
            self.catalog_loaded.emit()
            if then is not None:
                then(extra)

        def failed(exc: BaseException) -> None:
            if generation != self._load_generation:
                return
            self._load_task = None
            self._set_busy(False)
            if isinstance(exc, StoreError):
                message = str(exc)
            else:
                reason = str(exc) or type(exc).__name__
                message = (
                    (what_failed or self.tr("Katalogen kunde inte läsas"))
                    + f" ({reason}). "
                    + self.tr("Kontrollera att programmets datamapp går att läsa och skriva, och försök igen.")
                )
            self._set_status(message)
            self.catalog_loaded.emit()

        self._load_task = run_in_background(work, on_success=done, on_failure=failed, parent=self)

    def _set_busy(self, busy: bool) -> None:
        """While loading: an indeterminate bar, and no import or restore that would race the load."""
        self._busy = busy
        if busy:
            self.progress.setRange(0, 0)
            self.progress.setFormat(self.tr("Läser katalogen …"))
            self.progress.setVisible(True)
        else:
            self.progress.setRange(0, 100)
            self.progress.setVisible(False)
        self.import_button.setEnabled(not busy)
        self.tree.setEnabled(not busy)
        self._update_buttons()

    # -- filtering -----------------------------------------------------------------------------------
    def _fill_filters(self) -> None:
        for combo in (self.area, self.register):
            combo.blockSignals(True)
        area, register = self.area.currentData(), self.register.currentData()
        self.area.clear()
        self.area.addItem(self.tr("Alla områden"), None)
        for name in self._catalog.areas():
            self.area.addItem(name, name)
        self.register.clear()
        self.register.addItem(self.tr("Alla register"), None)
        self.register.addItem(self.tr("MiDAS"), "MiDAS")
        self.register.addItem(self.tr("Utanför MiDAS"), "Utanför MiDAS")
        self.area.setCurrentIndex(max(0, self.area.findData(area)))
        self.register.setCurrentIndex(max(0, self.register.findData(register)))
        for combo in (self.area, self.register):
            combo.blockSignals(False)

    def current_result(self) -> SearchResult:
        area = self.area.currentData()
        return self._index.search(
            self.search.text(),
            areas=[area] if isinstance(area, str) else None,
            register=self.register.currentData(),
        )

    def apply_filter(self) -> None:
        """Rebuild the tree for the current search text and filters."""
        result = self.current_result()
        searching = bool(result.query.strip())
        self._rebuilding = True  # clearing moves the current item row by row: ignore those changes
        self.tree.setCurrentIndex(QModelIndex())
        self.model.clear()
        self._rebuilding = False
        shown = 0
        best_item: QStandardItem | None = None
        matched = {v.id for v in result.variables}
        best = result.variables[0].id if searching and result.variables else None
        best_index = QModelIndex()
        for benefit_id in result.benefit_ids:
            benefit = self._catalog.benefit(benefit_id)
            info = self._catalog.list_info(benefit_id)
            variables = list(self._catalog.variables(benefit_id))  # catalog order, not rank order
            if searching and any(v.id in matched for v in variables):
                variables = [v for v in variables if v.id in matched]
            marker = "●" if info.kind == "imported" else "○"
            register = " · MiDAS" if benefit.in_midas else ""
            top = QStandardItem(f"{benefit.name}  ({len(variables)}){register}  {marker}")
            top.setData("benefit", KIND_ROLE)
            top.setData(benefit_id, ID_ROLE)
            top.setToolTip(
                f"{benefit.name}\n{_register_name(benefit.register)} · {benefit.area} · {info.display()}"
            )
            tables: dict[str, QStandardItem] = {}
            for variable in variables:
                if shown >= MAX_SHOWN:
                    break
                parent = tables.get(variable.table)
                if parent is None:
                    parent = QStandardItem(variable.table or self.tr("(ingen tabell)"))
                    parent.setData("table", KIND_ROLE)
                    parent.setData((benefit_id, variable.table), ID_ROLE)
                    tables[variable.table] = parent
                    top.appendRow(parent)
                item = QStandardItem(variable.name)
                item.setData("variable", KIND_ROLE)
                item.setData(variable.id, ID_ROLE)
                item.setToolTip(variable.description)
                parent.appendRow(item)
                shown += 1
                if variable.id == best:
                    best_item = item
            self.model.appendRow(top)
            if best is not None and best_item is not None and not best_index.isValid():
                best_index = best_item.index()
        self.mark_picked()
        if searching and shown <= EXPAND_ALL_UP_TO:
            self.tree.expandAll()
        elif best_index.isValid():  # a broad match: open only the way to the best hit
            self.tree.expand(best_index.parent().parent())
            self.tree.expand(best_index.parent())
        total = len(result.variables)
        text = (
            self.tr("%1 förmåner, %2 variabler")
            .replace("%1", str(len(result.benefit_ids)))
            .replace(
                "%2",
                str(total if searching else sum(len(self._catalog.variables(b)) for b in result.benefit_ids)),
            )
        )
        if shown >= MAX_SHOWN and total > shown:
            text += self.tr(" (visar de första %s; skriv mer för att smalna av)") % MAX_SHOWN
        self.count.setText(text + self.tr(" · ○ sammanställd från offentliga källor · ● officiell lista"))
        if self.model.rowCount():
            self.tree.setCurrentIndex(best_index if best_index.isValid() else self._first_interesting(searching))
        else:
            self._shown = None
            self._update_buttons()
            no_hits = self.tr("Inga träffar. Prova ett kortare ord eller ta bort filtren.")
            self.detail.setHtml(f"<p>{_e(no_hits)}</p>")

    def _first_interesting(self, searching: bool) -> QModelIndex:
        index = self.model.index(0, 0)
        if searching:  # go to the first matching variable, so Enter picks it
            while self.model.hasChildren(index):
                index = self.model.index(0, 0, index)
        return index

    # -- detail ------------------------------------------------------------------------------------
    def _show_detail(self, index: QModelIndex) -> None:
        if self._rebuilding or not index.isValid():
            return  # the model is being rebuilt; the new current item follows
        kind = index.data(KIND_ROLE)
        ident = index.data(ID_ROLE)
        self._update_buttons()
        if (kind, ident, id(self._catalog)) == self._shown:
            return  # same item after a rebuild: keep the pane (and its scroll position)
        self._shown = (kind, ident, id(self._catalog))
        catalog = self._catalog
        if kind == "benefit":
            self.detail.setHtml(benefit_html(catalog, catalog.benefit(ident)))
            self.cart.select_benefit(ident)
        elif kind == "table":
            benefit_id, table = ident
            variables = catalog.table_variables(benefit_id, table)
            items = "".join(f"<li>{_e(v.name)}</li>" for v in variables)
            no_table = self.tr("(ingen tabell)")
            self.detail.setHtml(
                f"<h2>{_e(table or no_table)}</h2>"
                f"<p>{_e(catalog.benefit(benefit_id).name)} · "
                f"{_e(catalog.list_info(benefit_id).display())}</p><ul>{items}</ul>"
            )
            self.cart.select_benefit(benefit_id)
        elif kind == "variable":
            variable = catalog.variable(ident)
            self.detail.setHtml(variable_html(catalog, variable))
            self.cart.select_benefit(variable.benefit_id)

    def _current(self) -> tuple[str | None, object]:
        index = self.tree.currentIndex()
        return index.data(KIND_ROLE), index.data(ID_ROLE)

    def _update_buttons(self) -> None:
        kind, _ident = self._current()
        has_order = self._order is not None
        self.add_button.setEnabled(has_order and kind == "variable")
        self.add_table_button.setEnabled(has_order and kind in ("variable", "table"))
        self.justification.setEnabled(has_order)
        if not has_order:
            self.add_button.setToolTip(self.tr("Öppna eller skapa en beställning för att välja variabler."))
        benefit_id = self._current_benefit_id()
        self.restore_button.setEnabled(
            not self._busy and benefit_id is not None and self._catalog.list_info(benefit_id).kind == "imported"
        )

    def _current_benefit_id(self) -> str | None:
        kind, ident = self._current()
        if kind == "benefit" and isinstance(ident, str):
            return ident
        if kind == "table" and isinstance(ident, tuple):
            return str(ident[0])
        if kind == "variable" and isinstance(ident, str):
            return ident.split(":", 1)[0]
        return None

    # -- picking -------------------------------------------------------------------------------------
    def _activated(self, index: QModelIndex) -> None:
        if index.data(KIND_ROLE) == "variable" and self._order is not None:
            self._add_current()

    def _add_current(self) -> None:
        kind, ident = self._current()
        if kind != "variable" or not isinstance(ident, str):
            return
        variable = self._catalog.variable(ident)
        if self.cart.add_variable(variable, self.justification.text()):
            self._set_status(self.tr("La till %s.") % variable.name)
            self.justification.clear()

    def _add_current_table(self) -> None:
        kind, ident = self._current()
        if kind == "variable" and isinstance(ident, str):
            variable = self._catalog.variable(ident)
            benefit_id, table = variable.benefit_id, variable.table
        elif kind == "table" and isinstance(ident, tuple):
            benefit_id, table = ident
        else:
            return
        if self.cart.add_table(benefit_id, table, self.justification.text()):
            self._set_status(self.tr("La till hela tabellen %s.") % (table or self.tr("(ingen tabell)")))
            self.justification.clear()

    def _set_status(self, text: str) -> None:
        self.status.setText(text)
        self.status.setVisible(bool(text))

    def _cart_changed(self) -> None:
        self.mark_picked()
        self.order_changed.emit()

    def mark_picked(self) -> None:
        """Mark what is already in the order: its benefits and picked variables say "i beställningen"."""
        order = self._order
        in_order = self.tr("i beställningen")
        requested = {b.benefit for b in order.benefits} if order is not None else set()
        for row in range(self.model.rowCount()):
            top = self.model.item(row)
            self._mark(top, top.data(ID_ROLE) in requested, in_order)
            for table_row in range(top.rowCount()):
                table = top.child(table_row)
                for variable_row in range(table.rowCount()):
                    item = table.child(variable_row)
                    picked = order is not None and cart.is_picked(order, self._catalog.variable(item.data(ID_ROLE)))
                    self._mark(item, picked, in_order)

    @staticmethod
    def _mark(item: QStandardItem, on: bool, text: str) -> None:
        base = item.data(BASE_TEXT_ROLE) or item.text()
        item.setData(base, BASE_TEXT_ROLE)
        wanted = f"{base}  ✔ {text}" if on else base
        if item.text() != wanted:
            item.setText(wanted)

    # -- keyboard ------------------------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.search and event.type() == QEvent.Type.KeyPress:
            key = event.key()  # type: ignore[attr-defined]
            if key in (Qt.Key.Key_Down, Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.tree.setFocus()
                if key != Qt.Key.Key_Down and self._order is not None:
                    self._add_current()
                return True
            if key == Qt.Key.Key_Escape and self.search.text():
                self.search.clear()
                return True
        return super().eventFilter(watched, event)

    def showEvent(self, event: object) -> None:
        self.cart.refresh()  # the wizard may have changed the order's benefits meanwhile
        super().showEvent(event)  # type: ignore[arg-type]

    # -- import --------------------------------------------------------------------------------------
    def _choose_import(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Välj FK:s variabellista"),
            str(Path.home()),
            self.tr("Excel (*.xlsx);;Alla filer (*)"),
        )
        if name:
            self.start_import(Path(name))

    def start_import(self, path: Path, benefit_id: str | None = None) -> None:
        """Import an official list off the GUI thread, with progress; asks for the benefit if unclear."""
        from beställning.catalog.errors import ListImportError
        from beställning.catalog.imports import import_official_list

        self.import_button.setEnabled(False)
        self.progress.setValue(0)
        self.progress.setVisible(True)
        self._set_status(self.tr("Läser %s …") % path.name)

        def work(report: Callable[[float, str], None]) -> object:
            return import_official_list(path, benefit_id, progress=report)

        def progress(fraction: float, message: str) -> None:
            self.progress.setValue(int(fraction * 100))
            self.progress.setFormat(f"{message} %p%")

        def failed(exc: BaseException) -> None:
            self._import_finished()
            if isinstance(exc, ListImportError) and "--benefit" in str(exc) and benefit_id is None:
                chosen = self._ask_benefit(path)
                if chosen:
                    self.start_import(path, chosen)
                return
            message = (
                str(exc)
                if isinstance(exc, ListImportError)
                else self.tr("Oväntat fel vid import (%s). Katalogen är oförändrad.") % type(exc).__name__
            )
            self._set_status(message)
            QMessageBox.warning(self, self.tr("Listan kunde inte importeras"), message)

        self._import_task = run_in_background(
            work, on_success=self._import_done, on_failure=failed, on_progress=progress, parent=self
        )

    def _ask_benefit(self, path: Path) -> str | None:
        benefits = [b for b in self._catalog.benefits if b.has_list]
        names = [b.name for b in benefits]
        name, ok = QInputDialog.getItem(
            self,
            self.tr("Vilken förmån?"),
            self.tr("Det framgår inte av %s vilken förmån listan gäller. Välj förmån:") % path.name,
            names,
            0,
            False,
        )
        return benefits[names.index(name)].id if ok and name in names else None

    def _import_finished(self) -> None:
        self.import_button.setEnabled(True)
        self.progress.setVisible(False)

    def _import_done(self, outcome: object) -> None:
        from beställning.catalog.imports import ImportOutcome

        self._import_finished()
        assert isinstance(outcome, ImportOutcome)
        self.reload_catalog()
        benefit = self._catalog.benefit(outcome.stored.benefit_id)
        lines = [
            self.tr("Importerade %s variabler för %s. Jämfört med föregående lista: %s.")
            % (len(outcome.stored.variables), benefit.name, outcome.diff.summary())
        ]
        lines += [self.tr("Obs: %s") % w for w in outcome.warnings]
        for affected in outcome.affected:
            lines.append(self.tr("Berörd beställning: %s – %s") % (affected.title, ", ".join(affected.variables)))
        self._set_status("\n".join(lines))

    def _restore_previous(self) -> None:
        from beställning.catalog.diff import ListDiff
        from beställning.catalog.imports import restore_previous_list
        from beställning.catalog.store import StoredList

        benefit_id = self._current_benefit_id()
        if benefit_id is None or self.loading:
            return
        name = self._catalog.benefit(benefit_id).name

        def shown(result: object) -> None:
            assert isinstance(result, tuple) and len(result) == 2
            restored: StoredList | None = result[0]
            diff: ListDiff = result[1]
            what = restored.info.display() if restored else self.tr("Sammanställd från offentliga källor")
            self._set_status(self.tr("%s: nu används %s (%s).") % (name, what, diff.summary()))

        self._set_status(self.tr("Återställer föregående lista för %s …") % name)
        self.reload_catalog(
            before=lambda: restore_previous_list(benefit_id),
            then=shown,
            what_failed=self.tr("Föregående lista kunde inte återställas"),
        )
