"""Variabelval.xlsx: the order's variable selection as a workbook FK can read, written atomically.

Each row says what it is: a variable or a wish (önskemål) FK helps turn into variables, its source,
and how sure the catalog is that FK has it. The grouping column is headed for what it holds: the
app's own grouping ("Grupp i katalogen"), or FK's table name when the row comes from an imported
FK list, so a case officer never reads the app's groups as MiDAS table names.
"""

from __future__ import annotations

from pathlib import Path

from beställning.atomic import atomic_path
from beställning.catalog.cart import SelectionRow, group_header, selection_rows
from beställning.catalog.model import Catalog
from beställning.order import Order

HEADERS = (
    "Förmån",
    "Grupp i katalogen",
    "Variabel",
    "Slag",
    "Beskrivning",
    "Period",
    "Motivering",
    "Källa",
    "Säkerhet",
)
WIDTHS = (30, 22, 32, 12, 50, 18, 50, 44, 34)


def headers(rows: list[SelectionRow]) -> list[str]:
    """The column headings for these rows (the grouping column named for what it holds)."""
    return [HEADERS[0], group_header(rows), *HEADERS[2:]]


def row_values(row: SelectionRow) -> list[str]:
    """One pick as the columns of HEADERS; a row from FK's list shows FK's table name as such."""
    return [
        row.benefit,
        row.table,
        row.variable,
        row.kind_text,
        row.description,
        row.period,
        row.justification,
        row.source,
        row.confidence,
    ]


def selection_for(order: Order, catalog: Catalog | None) -> list[SelectionRow]:
    """The selection rows, with the user's catalog (imported FK lists included) when none is given."""
    if catalog is None:
        from beställning.catalog.loader import load_catalog

        catalog = load_catalog()
    return selection_rows(order, catalog)


def export_variable_selection(order: Order, path: Path, catalog: Catalog | None = None) -> None:
    """Write Variabelval.xlsx (one row per pick); the old file stays intact if anything fails."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = "Variabelval"
    rows = selection_for(order, catalog)
    sheet.append(headers(rows))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows:
        sheet.append(row_values(row))
    for index, width in enumerate(WIDTHS, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    for cells in sheet.iter_rows(min_row=2):
        for cell in cells:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    sheet.freeze_panes = "A2"
    with atomic_path(Path(path)) as tmp:
        workbook.save(tmp)
