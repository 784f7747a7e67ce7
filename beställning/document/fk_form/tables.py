"""The benefits (förmåner) and variables tables: one row per benefit or chosen variable.

A table is recognised by its header row ("Förmån", "Period", "Önskemål" / "Variabel",
"Motivering"); each value then goes into the next free row, and a copy of the last row is added
when the form has too few. What a table has no column for goes to the appendix.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass

from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from beställning.document.fk_form.grid import Grid, cell_is_blank, cell_label
from beställning.document.fk_form.layout import Layout
from beställning.document.fk_form.lists import period_text
from beställning.document.fk_form.ooxml import W_PPR, W_RPR, W_T, W_TC, W_TCPR, Element, cell_paragraphs, detach
from beställning.document.fk_form.report import KIND_CELL, Leftover, Placement
from beställning.document.fk_form.write import fill_cell
from beställning.document.labels import normalise
from beställning.order import BenefitRequest, Order, VariablePick
from beställning.text import clean_text

BENEFIT_COLUMNS: dict[str, tuple[str, ...]] = {
    "name": ("forman", "formaner", "formansslag", "formansnamn", "ersattning", "ersattningsslag"),
    "period": ("period", "perioder", "tidsperiod", "periodfrantill", "periodfromtom"),
    "from": ("fran", "fom", "franochmed", "periodfran", "periodfom", "franmanad"),
    "to": ("till", "tom", "tillochmed", "periodtill", "periodtom", "tillmanad"),
    "wishes": (
        "onskemal",
        "onskemalomuppgifter",
        "onskemalomvariabler",
        "onskadeuppgifter",
        "kommentar",
        "kommentarer",
        "ovrigt",
        "onskadevariabler",
    ),
}
VARIABLE_COLUMNS: dict[str, tuple[str, ...]] = {
    "variable": ("variabel", "variabler", "variabelnamn", "valdvariabel"),
    "benefit": ("forman", "register", "formansslag"),
    "table": ("tabell", "tabellnamn"),
    "description": ("beskrivning",),
    "justification": ("motivering", "skal", "motiv", "syfte"),
}


@dataclass
class ListTable:
    """A table found by its header: the grid, the column of each role and the first data row."""

    grid: Grid
    columns: dict[str, int]
    first_row: int


class ListTables:
    """The form's benefits table and variables table, when it has them."""

    def __init__(self) -> None:
        self.benefits: ListTable | None = None
        self.variables: ListTable | None = None
        self.consumed: set[Element] = set()  # tables that hold lists, not label/value pairs

    def consider(self, table: Element) -> None:
        """Take the table as the benefits or variables table if a header in its first rows says so."""
        grid = Grid(table)
        for row_index in range(min(3, len(grid.rows))):
            roles = _header_roles(grid, row_index, VARIABLE_COLUMNS)
            if "variable" in roles and self.variables is None:
                self.variables = ListTable(grid, roles, row_index + 1)
                self.consumed.add(table)
                return
            roles = _header_roles(grid, row_index, BENEFIT_COLUMNS)
            if "name" in roles and len(roles) >= 2 and self.benefits is None:
                below = _header_roles(grid, row_index + 1, BENEFIT_COLUMNS)
                first = row_index + 1
                if below and "name" not in below and {"from", "to"} & set(below):
                    roles.update(below)
                    first += 1
                self.benefits = ListTable(grid, roles, first)
                self.consumed.add(table)
                return

    def fill_benefits(self, order: Order, layout: Layout, report: list[Placement], leftovers: list[Leftover]) -> None:
        target = self.benefits
        for number, benefit in enumerate(order.benefits, start=1):
            summary = _benefit_summary(benefit)
            field_id = f"förmån:{benefit.benefit or number}"
            if target is None:
                leftovers.append((field_id, f"Förmån {number}", summary))
                continue
            grid, roles = target.grid, target.columns
            values = {
                "name": benefit.name or benefit.benefit,
                "period": period_text(benefit),
                "from": benefit.period_from,
                "to": benefit.period_to,
                "wishes": benefit.wishes,
            }
            row = _fill_row(target, values)
            part = layout.part_of(grid.table)
            location = f"tabell {part.tables.get(grid.table, 0)}, rad {row + 1} (förmåner){part.where}"
            report.append(Placement(field_id, "Förmån", summary, KIND_CELL, location))
            has_period = "period" in roles or ("from" in roles and "to" in roles)
            if not has_period and (benefit.period_from or benefit.period_to):
                leftovers.append(
                    (f"period:{benefit.benefit or number}", f"Period för {benefit.name}", period_text(benefit))
                )
            if "wishes" not in roles and benefit.wishes:
                leftovers.append(
                    (
                        f"önskemål:{benefit.benefit or number}",
                        f"Önskemål för {benefit.name}",
                        clean_text(benefit.wishes),
                    )
                )

    def fill_variables(self, order: Order, layout: Layout, report: list[Placement], leftovers: list[Leftover]) -> None:
        names = {b.benefit: b.name for b in order.benefits}
        target = self.variables
        for number, pick in enumerate(order.variables, start=1):
            benefit_name = names.get(pick.benefit, pick.benefit)
            summary = _variable_summary(pick, benefit_name)
            field_id = f"variabel:{pick.variable_id or number}"
            if target is None:
                leftovers.append((field_id, f"Variabel {number}", summary))
                continue
            grid, roles = target.grid, target.columns
            shown = pick.variable or pick.table
            if "benefit" not in roles and benefit_name:
                shown = f"{shown} ({benefit_name})"
            values = {
                "variable": shown,
                "benefit": benefit_name,
                "table": pick.table,
                "description": pick.description,
                "justification": pick.justification,
            }
            row = _fill_row(target, values)
            part = layout.part_of(grid.table)
            location = f"tabell {part.tables.get(grid.table, 0)}, rad {row + 1} (variabler){part.where}"
            report.append(Placement(field_id, "Variabel", summary, KIND_CELL, location))
            if "justification" not in roles and pick.justification:
                leftovers.append(
                    (
                        f"motivering:{pick.variable_id or number}",
                        f"Motivering för {shown}",
                        clean_text(pick.justification),
                    )
                )


def _fill_row(target: ListTable, values: dict[str, str]) -> int:
    """Write the values into the next free row, each into its role's column; the row's index."""
    grid = target.grid
    row = _free_row(grid, target.first_row, target.columns)
    for role, col in target.columns.items():
        cell = grid.at(row, col)
        if cell is not None and values.get(role):
            fill_cell(cell.tc, clean_text(values[role]))
    return row


def _header_roles(grid: Grid, row: int, columns: dict[str, tuple[str, ...]]) -> dict[str, int]:
    roles: dict[str, int] = {}
    if not 0 <= row < len(grid.rows):
        return roles
    for cell in grid.rows[row]:
        key = normalise(cell_label(cell.tc))
        for role, words in columns.items():
            if key in words and role not in roles:
                roles[role] = cell.col
                break
    return roles


def _free_row(grid: Grid, first: int, roles: dict[str, int]) -> int:
    """The first data row whose role cells are empty; a copy of the last row is added when none is."""
    for row in range(first, len(grid.rows)):
        cells = [grid.at(row, col) for col in roles.values()]
        if all(c is not None and cell_is_blank(c.tc) for c in cells):
            for cell in cells:
                assert cell is not None
                fill_cell(cell.tc, "")  # claim the row (filler removed) so the next value goes below
                _claim(cell.tc)
            return row
    template = grid.row_elements[-1]
    new_row = copy.deepcopy(template)
    for tc in new_row.iter(W_TC):
        for paragraph in cell_paragraphs(tc):
            for child in list(paragraph):
                if child.tag != W_PPR:
                    paragraph.remove(child)
    trpr = new_row.find(qn("w:trPr"))
    if trpr is not None:
        for node in trpr.findall(qn("w:tblHeader")):
            trpr.remove(node)
    if len(grid.rows) <= first:
        for tc in new_row.iter(W_TC):
            props = tc.find(W_TCPR)
            if props is not None:
                for node in props.findall(qn("w:shd")):
                    props.remove(node)
            for rpr in tc.iter(W_RPR):
                for node in rpr.findall(qn("w:b")) + rpr.findall(qn("w:color")):
                    rpr.remove(node)
    template.addnext(new_row)
    refreshed = Grid(grid.table)
    grid.rows, grid.row_elements = refreshed.rows, refreshed.row_elements
    for tc in new_row.iter(W_TC):
        _claim(tc)
    return len(grid.rows) - 1


_CLAIM = qn("w:claimed-by-filler")


def _claim(tc: Element) -> None:
    """Mark a table row cell as taken (a zero-width marker removed before saving)."""
    paragraphs = cell_paragraphs(tc)
    if paragraphs:
        marker = OxmlElement("w:r")
        node = OxmlElement("w:t")
        node.text = "\u200b"
        node.set(_CLAIM, "1")
        marker.append(node)
        paragraphs[0].append(marker)


def unclaim(root: Element) -> None:
    """Remove the markers that `_free_row` left in claimed rows."""
    for node in list(root.iter(W_T)):
        if node.get(_CLAIM) == "1":
            run = node.getparent()
            if run is not None:
                detach(run)


def _benefit_summary(benefit: BenefitRequest) -> str:
    parts = [benefit.name or benefit.benefit]
    if period_text(benefit):
        parts.append(f"period {period_text(benefit)}")
    if benefit.wishes:
        parts.append(f"önskemål: {benefit.wishes}")
    return clean_text(", ".join(parts))


def _variable_summary(pick: VariablePick, benefit_name: str) -> str:
    text = f"{benefit_name}: {pick.variable or pick.table}"
    if pick.table and pick.variable:
        text += f" (tabell {pick.table})"
    if pick.justification:
        text += f" – motivering: {pick.justification}"
    return clean_text(text)
