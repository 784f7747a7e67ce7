"""Variabelval.xlsx: the order's variable selection as a workbook FK can read, written atomically."""

from __future__ import annotations

from pathlib import Path

from beställning.atomic import atomic_path
from beställning.catalog.cart import selection_rows
from beställning.catalog.model import Catalog
from beställning.order import Order

HEADERS = ("Förmån", "Tabell", "Variabel", "Beskrivning", "Period", "Motivering", "Källa")
WIDTHS = (34, 24, 34, 60, 18, 60, 50)


def export_variable_selection(order: Order, path: Path, catalog: Catalog | None = None) -> None:
    """Write Variabelval.xlsx (one row per pick); the old file stays intact if anything fails."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = "Variabelval"
    sheet.append(list(HEADERS))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in selection_rows(order, catalog):
        sheet.append([row.benefit, row.table, row.variable, row.description, row.period, row.justification, row.source])
    for index, width in enumerate(WIDTHS, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    for cells in sheet.iter_rows(min_row=2):
        for cell in cells:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    sheet.freeze_panes = "A2"
    with atomic_path(Path(path)) as tmp:
        workbook.save(tmp)
