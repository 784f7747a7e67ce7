"""The cart (varukorg): picking variables, whole tables and free-text wishes into an order.

Picks live in Order.variables (VariablePick), the period per benefit in Order.benefits
(BenefitRequest). Each pick carries a justification (motivering): FK wants every variable justified
against the research questions. The form's variable page and Variabelval.xlsx are both made from
`selection_rows`, so they always agree.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from beställning.catalog.citations import readable_source
from beställning.catalog.model import Catalog, Variable
from beställning.order import BenefitRequest, Order, VariablePick
from beställning.text import clean_text

_PERIOD = re.compile(r"^(\d{4})-(0[1-9]|1[0-2])$")


class CartError(ValueError):
    """A cart operation that cannot be done; Swedish message."""


def benefit_request(order: Order, catalog: Catalog, benefit_id: str) -> BenefitRequest:
    """The order's request for a benefit, added (with its Swedish name) if missing."""
    for request in order.benefits:
        if request.benefit == benefit_id:
            return request
    request = BenefitRequest(benefit=benefit_id, name=catalog.benefit(benefit_id).name)
    order.benefits.append(request)
    order.touch()
    return request


def _find(order: Order, benefit_id: str, kind: str, table: str, name: str) -> VariablePick | None:
    for pick in order.variables:
        if (pick.benefit, pick.kind, pick.table, pick.variable) == (benefit_id, kind, table, name):
            return pick
    return None


def add_variable(order: Order, catalog: Catalog, variable: Variable, justification: str = "") -> VariablePick:
    """Pick one variable once (picking it again returns the existing pick, with any new justification)."""
    benefit_request(order, catalog, variable.benefit_id)
    existing = _find(order, variable.benefit_id, "variable", variable.table, variable.name)
    if existing is not None:
        if justification.strip():
            existing.justification = clean_text(justification)
            order.touch()
        return existing
    pick = VariablePick(
        benefit=variable.benefit_id,
        variable=variable.name,
        table=variable.table,
        description=variable.description,
        justification=clean_text(justification),
        source=readable_source(variable.source, catalog.sources),  # shown on the form and to FK
        kind="variable",
        variable_id=variable.id,
    )
    order.variables.append(pick)
    order.touch()
    return pick


def add_table(order: Order, catalog: Catalog, benefit_id: str, table: str, justification: str = "") -> VariablePick:
    """Pick a whole table (all its variables, as FK delivers it)."""
    variables = catalog.table_variables(benefit_id, table)
    if not variables:
        raise CartError(f"Tabellen '{table}' finns inte för {catalog.benefit(benefit_id).name}.")
    benefit_request(order, catalog, benefit_id)
    existing = _find(order, benefit_id, "table", table, table)
    if existing is not None:
        if justification.strip():
            existing.justification = clean_text(justification)
            order.touch()
        return existing
    sources = readable_source("; ".join(dict.fromkeys(v.source for v in variables if v.source)), catalog.sources)
    pick = VariablePick(
        benefit=benefit_id,
        variable=table,
        table=table,
        description=f"Hela tabellen ({len(variables)} variabler): " + ", ".join(v.name for v in variables),
        justification=clean_text(justification),
        source=sources,
        kind="table",
    )
    order.variables.append(pick)
    order.touch()
    return pick


def add_wish(order: Order, catalog: Catalog, benefit_id: str, wish: str, justification: str = "") -> VariablePick:
    """A free-text wish (for benefits without a list, or anything the lists do not name)."""
    text = clean_text(wish).strip()
    if not text:
        raise CartError("Skriv vilka uppgifter du önskar.")
    benefit_request(order, catalog, benefit_id)
    pick = VariablePick(
        benefit=benefit_id,
        variable=text,
        description="Önskemål med egna ord",
        justification=clean_text(justification),
        source="Beställarens önskemål",
        kind="wish",
    )
    order.variables.append(pick)
    order.touch()
    return pick


def remove_pick(order: Order, pick: VariablePick) -> None:
    """Remove a pick (identity, not equality: two equal wishes are separate picks)."""
    for index, existing in enumerate(order.variables):
        if existing is pick:
            del order.variables[index]
            order.touch()
            return
    raise CartError("Valet finns inte i beställningen.")


def set_justification(order: Order, pick: VariablePick, justification: str) -> None:
    pick.justification = clean_text(justification)
    order.touch()


def check_period(period_from: str, period_to: str) -> str | None:
    """A Swedish problem description for a period, or None when fine ('' means not given)."""
    for value, what in ((period_from, "Från"), (period_to, "Till")):
        if value and not _PERIOD.match(value):
            return f"{what}-månaden '{value}' ska skrivas ÅÅÅÅ-MM, t.ex. 2020-01."
    if period_from and period_to and period_from > period_to:
        return f"Perioden börjar ({period_from}) efter att den slutar ({period_to})."
    return None


def set_period(order: Order, catalog: Catalog, benefit_id: str, period_from: str, period_to: str) -> None:
    """Set the months wanted for a benefit; CartError if malformed."""
    period_from, period_to = period_from.strip(), period_to.strip()
    problem = check_period(period_from, period_to)
    if problem:
        raise CartError(problem)
    request = benefit_request(order, catalog, benefit_id)
    request.period_from, request.period_to = period_from, period_to
    order.touch()


def remove_benefit(order: Order, benefit_id: str) -> None:
    """Drop a benefit from the order with all its picks."""
    order.benefits[:] = [b for b in order.benefits if b.benefit != benefit_id]
    order.variables[:] = [v for v in order.variables if v.benefit != benefit_id]
    order.touch()


def is_picked(order: Order, variable: Variable) -> bool:
    return any(
        p.benefit == variable.benefit_id
        and (
            (
                p.kind == "variable"
                and (p.variable_id == variable.id or (p.table, p.variable) == (variable.table, variable.name))
            )
            or (p.kind == "table" and p.table == variable.table)
        )
        for p in order.variables
    )


@dataclass(frozen=True)
class SelectionRow:
    """One line of the variable selection, as both Variabelval.xlsx and the form's variable page show it.

    `table` is the app's grouping (grupp i katalogen) for bundled entries, which FK's case officer
    must not read as a MiDAS table name; only a row from an imported FK list (`from_fk_list`)
    carries FK's own table name.
    """

    benefit: str  # Swedish name
    table: str
    variable: str
    description: str
    period: str
    justification: str
    source: str
    kind: str
    from_fk_list: bool = False
    confidence: str = ""  # how sure the catalog is that FK has it, in words

    @property
    def kind_text(self) -> str:
        """'variabel', 'hel tabell' or 'önskemål' (a wish FK helps turn into variables)."""
        return {"variable": "variabel", "table": "hel tabell", "wish": "önskemål"}.get(self.kind, self.kind)


# The catalog's confidence marks (resources/catalog/README.md) in words a case officer reads.
CONFIDENCE_TEXT = {
    "D-MiDAS": "Uppgiven om MiDAS i offentlig källa",
    "D-FK": "Uppgiven om FK:s registerdata i offentlig källa",
    "D": "Uppgiven om FK:s registerdata i offentlig källa",
    "S": "FK redovisar statistik uppdelad på uppgiften",
    "I": "Trolig uppgift, bekräfta med FK",
}
FK_LIST_CONFIDENCE = "FK:s officiella variabellista"
WISH_CONFIDENCE = "Önskemål; FK hjälper till att välja uppgifter"


def group_header(rows: list[SelectionRow]) -> str:
    """The column heading for `table`: what it holds, never plain 'Tabell' for the app's own groups."""
    if rows and all(r.from_fk_list for r in rows):
        return "Tabell (FK:s lista)"
    if any(r.from_fk_list for r in rows):
        return "Grupp i katalogen / tabell i FK:s lista"
    return "Grupp i katalogen"


def format_period(request: BenefitRequest | None) -> str:
    if request is None or not (request.period_from or request.period_to):
        return ""
    return f"{request.period_from or '…'} – {request.period_to or '…'}"


def _catalog_entry(catalog: Catalog | None, pick: VariablePick) -> tuple[bool, str]:
    """(from an imported FK list, confidence in words) for a pick, as far as the catalog knows."""
    if pick.kind == "wish":
        return False, WISH_CONFIDENCE
    if catalog is None or not catalog.has_benefit(pick.benefit):
        return False, ""
    imported = catalog.list_info(pick.benefit).kind == "imported"
    variables = catalog.variables(pick.benefit)
    if pick.kind == "table":
        members = [v for v in variables if v.table == pick.table]
        if imported and members and not any(v.concept for v in members):
            return True, FK_LIST_CONFIDENCE
        marks = dict.fromkeys(CONFIDENCE_TEXT.get(v.confidence, v.confidence) for v in members if v.confidence)
        return False, "; ".join(marks)
    found = next((v for v in variables if pick.variable_id and v.id == pick.variable_id), None)
    if found is None:
        found = next((v for v in variables if (v.table, v.name) == (pick.table, pick.variable)), None)
    if found is None:
        return False, ""
    if imported and not found.concept:
        return True, FK_LIST_CONFIDENCE
    return False, CONFIDENCE_TEXT.get(found.confidence, found.confidence)


def selection_rows(order: Order, catalog: Catalog | None = None) -> list[SelectionRow]:
    """The order's picks in benefit order (as in Order.benefits), each with its benefit's period."""
    requests = {b.benefit: b for b in order.benefits}
    order_of = {b.benefit: i for i, b in enumerate(order.benefits)}

    def name_of(benefit_id: str) -> str:
        request = requests.get(benefit_id)
        if request is not None and request.name:
            return request.name
        if catalog is not None and catalog.has_benefit(benefit_id):
            return catalog.benefit(benefit_id).name
        return benefit_id

    picks = sorted(enumerate(order.variables), key=lambda ip: (order_of.get(ip[1].benefit, len(order_of)), ip[0]))
    rows = []
    for _, p in picks:
        from_fk_list, confidence = _catalog_entry(catalog, p)
        rows.append(
            SelectionRow(
                benefit=name_of(p.benefit),
                table="(hela tabellen)" if p.kind == "table" and not p.table else p.table,
                variable=("Hela tabellen " + p.table) if p.kind == "table" else p.variable,
                description=p.description,
                period=format_period(requests.get(p.benefit)),
                justification=p.justification,
                # Orders saved before sources were made readable still hold the catalog's keys ([S3]).
                source=readable_source(p.source, catalog.sources) if catalog is not None else p.source,
                kind=p.kind,
                from_fk_list=from_fk_list,
                confidence=confidence,
            )
        )
    return rows
