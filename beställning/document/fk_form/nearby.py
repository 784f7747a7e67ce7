"""The label of a mark that has none inside its own text: the text beside, above or left of it.

A content control or checkbox is often alone in its paragraph or cell; its label is then the
paragraph above, or the cell to the left or above in the same table.
"""

from __future__ import annotations

from beställning.document.fk_form.grid import Grid, cell_label
from beställning.document.fk_form.ooxml import W_P, W_SDT, W_SDTCONTENT, W_TBL, W_TC, Element, owner_table
from beställning.document.fk_form.tokens import Token, has_marks, is_blank, plain, tokens


def label_before_block(block: Element) -> str:
    """The label for a block with no text of its own: the paragraph above, or the cell beside."""
    sibling = block.getprevious()
    steps = 0
    while sibling is not None and steps < 4:
        if sibling.tag == W_P:
            found = tokens(sibling)
            if has_marks(found):
                return ""
            if not is_blank(plain(found)):
                return plain(found).strip()
        elif sibling.tag in (W_TBL, W_SDT):
            return ""
        sibling = sibling.getprevious()
        steps += 1
    container = block.getparent()
    if container is not None and container.tag == W_SDTCONTENT:
        sdt = container.getparent()
        return label_before_block(sdt) if sdt is not None else ""
    if container is not None and container.tag == W_TC:
        return label_beside_cell(container)
    return ""


def label_beside_cell(tc: Element) -> str:
    """The label cell to the left of a cell, or else above it; '' when neither holds only text."""
    table = owner_table(tc)
    if table is None:
        return ""
    grid = Grid(table)
    for row in grid.rows:
        for cell in row:
            if cell.tc is tc:
                left = grid.at(cell.row, cell.col - 1) if cell.col > 0 else None
                if left is not None and cell_label(left.tc):
                    return cell_label(left.tc)
                above = grid.at(cell.row - 1, cell.col)
                if above is not None and cell_label(above.tc):
                    return cell_label(above.tc)
                return ""
    return ""


def context(found: list[Token], index: int) -> tuple[str, str]:
    """Text before a mark (since the previous mark) and after it (up to the next)."""
    before: list[str] = []
    after: list[str] = []
    for token in reversed(found[:index]):
        if not isinstance(token, str):
            break
        before.insert(0, token)
    for token in found[index + 1 :]:
        if not isinstance(token, str):
            break
        after.append(token)
    return "".join(before).strip(" \t:"), "".join(after).strip(" \t:")
