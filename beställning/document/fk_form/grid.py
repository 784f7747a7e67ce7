"""Tables as grids: which cell is beside or below another, merged cells included.

Word stores a row as a list of cells, each spanning some grid columns (w:gridSpan), and may wrap
rows or cells in content controls. Looking right of or below a label cell needs real columns.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from docx.oxml.ns import qn

from beställning.document.fk_form.ooxml import (
    W_P,
    W_SDT,
    W_SDTCONTENT,
    W_TBL,
    W_TC,
    W_TCPR,
    W_TR,
    W_VAL,
    Element,
    cell_paragraphs,
    owner_table,
)
from beställning.document.fk_form.tokens import has_marks, is_blank, plain, tokens


@dataclass
class Cell:
    tc: Element
    row: int
    col: int
    span: int


class Grid:
    """A table's rows and cells with their grid columns; rows wrapped in content controls included."""

    def __init__(self, table: Element) -> None:
        self.table = table
        self.rows: list[list[Cell]] = []
        self.row_elements: list[Element] = []
        for tr in self._rows(table):
            cells, col = [], 0
            for tc in self._cells(tr):
                span_node = tc.find(f"{W_TCPR}/{qn('w:gridSpan')}")
                span = int(span_node.get(W_VAL, "1")) if span_node is not None else 1
                cells.append(Cell(tc, len(self.rows), col, max(span, 1)))
                col += max(span, 1)
            self.rows.append(cells)
            self.row_elements.append(tr)
        self.width = max((c.col + c.span for row in self.rows for c in row), default=0)

    @staticmethod
    def _rows(table: Element) -> Iterator[Element]:
        for child in table:
            if child.tag == W_TR:
                yield child
            elif child.tag in (W_SDT, qn("w:customXml")):
                content = child.find(W_SDTCONTENT) if child.tag == W_SDT else child
                if content is not None:
                    yield from (tr for tr in content.iter(W_TR) if owner_table(tr) is table)

    @staticmethod
    def _cells(tr: Element) -> Iterator[Element]:
        for child in tr:
            if child.tag == W_TC:
                yield child
            elif child.tag == W_SDT:
                content = child.find(W_SDTCONTENT)
                if content is not None:
                    yield from content.findall(W_TC)

    def at(self, row: int, col: int) -> Cell | None:
        if 0 <= row < len(self.rows):
            for cell in self.rows[row]:
                if cell.col <= col < cell.col + cell.span:
                    return cell
        return None

    def right_of(self, cell: Cell) -> Cell | None:
        return self.at(cell.row, cell.col + cell.span)

    def below(self, cell: Cell) -> Cell | None:
        return self.at(cell.row + 1, cell.col)


def cell_is_blank(tc: Element) -> bool:
    """An empty value cell: no text beyond filler, no controls, fields, checkboxes or tables."""
    if tc.find(f".//{W_TBL}") is not None or tc.find(f".//{W_SDT}") is not None:
        return False
    for paragraph in tc.iter(W_P):
        found = tokens(paragraph)
        if has_marks(found) or not is_blank(plain(found)):
            return False
    return True


def cell_label(tc: Element) -> str:
    """The text of a cell that holds only text (a label cell); '' when it holds marks."""
    texts = []
    for paragraph in cell_paragraphs(tc):
        found = tokens(paragraph)
        if has_marks(found):
            return ""
        texts.append(plain(found))
    return " ".join(t.strip() for t in texts if t.strip())
