"""Slots, the places in the form that can take a value, and finding them next to text labels.

A slot knows how to write text (or tick boxes), which fields it may hold (candidates, ranked by how
well its label or name matched) and where it stands. This module finds the slots that a plain text
label announces: an empty cell beside or below a label cell, a blank paragraph under a label, or
"Label: ______" on one line. Slots inside marks (controls, form fields, boxes) are in `marks`.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass

from beställning.document.fk_form.grid import Grid, cell_is_blank, cell_label
from beställning.document.fk_form.layout import Layout, short
from beställning.document.fk_form.ooxml import W_P, W_SDT, W_TBL, W_TC, Element, cell_paragraphs
from beställning.document.fk_form.report import KIND_CELL, KIND_PARAGRAPH
from beställning.document.fk_form.tokens import has_marks, is_blank, plain, tokens
from beställning.document.fk_form.write import fill_blank_paragraph, fill_cell, fill_inline
from beställning.document.labels import Candidate, LabelIndex, normalise
from beställning.order import FieldValue

# A place the form keeps for FK itself ("Dnr (fylls i av FK)"): never filled from the order.
FK_ONLY = re.compile(
    r"fylls i av (fk|försäkringskassan)|försäkringskassan fyller i|för (fk|försäkringskassan)s? "
    r"(anteckningar|noteringar)|endast för (fk|försäkringskassan)|försäkringskassans (anteckningar|noteringar)",
    re.I,
)
_INLINE_FILL = re.compile(r"^(?P<label>.*?[^\s_.…:])\s*:?\s*(?P<fill>[_.…]{3,}[\s_.…]*|\t[\s_.…]*)$", re.S)


@dataclass
class Slot:
    keys: list[Element]
    kind: str
    location: str
    position: int
    section: str | None
    candidates: list[Candidate]
    write_text: Callable[[str], None] | None = None
    check: Callable[[FieldValue], bool] | None = None
    checkbox: bool = False
    label: str = ""


def merge(*groups: list[Candidate]) -> list[Candidate]:
    """One candidate per field, the best rank of all groups (name matches and label matches)."""
    best: dict[str, Candidate] = {}
    for group in groups:
        for candidate in group:
            known = best.get(candidate.field.id)
            if known is None or candidate.rank < known.rank:
                best[candidate.field.id] = candidate
    return list(best.values())


class SlotFinder:
    """Collects the slots of one document; a slot without candidates is not kept."""

    def __init__(self, index: LabelIndex, layout: Layout) -> None:
        self.index = index
        self.layout = layout
        self.slots: list[Slot] = []
        self.used_labels: set[Element] = set()

    def add(self, slot: Slot, shown: str = "") -> None:
        """Keep a slot that some field could hold, unless it (or its placeholder `shown`) is FK's own."""
        if slot.candidates and not FK_ONLY.search(f"{slot.label} {shown}"):
            self.slots.append(slot)

    def table_slots(self, table: Element) -> None:
        """Label cells with an empty value cell beside them, or below them."""
        layout = self.layout
        grid = Grid(table)
        for row in grid.rows:
            for cell in row:
                label = cell_label(cell.tc)
                if not label or is_blank(label):
                    continue
                candidates = self.index.match_label(label)
                if not candidates:
                    continue
                right = grid.right_of(cell)
                target, how = None, ""
                if right is not None and cell_is_blank(right.tc):
                    target, how = right, "till höger om"
                elif self._has_room_inside(cell.tc):
                    continue  # the label and its blank space share the cell: a paragraph slot
                else:
                    below = grid.below(cell)
                    if below is not None and below.span <= cell.span and cell_is_blank(below.tc):
                        target, how = below, "under"
                if target is None:
                    continue
                self.used_labels.update(cell_paragraphs(cell.tc))
                location = f"{layout.where_cell(target.tc)}, {how} '{short(label)}'"
                self.add(
                    Slot(
                        [target.tc],
                        KIND_CELL,
                        location,
                        layout.pos(cell.tc),
                        layout.section(cell.tc),
                        candidates,
                        write_text=functools.partial(fill_cell, target.tc),
                        label=label,
                    )
                )

    @staticmethod
    def _has_room_inside(tc: Element) -> bool:
        paragraphs = cell_paragraphs(tc)
        texts = [plain(tokens(p)) for p in paragraphs]
        seen_label = False
        for text in texts:
            if not is_blank(text):
                if _INLINE_FILL.match(text.strip("\n")) and normalise(text):
                    return True
                seen_label = True
            elif seen_label:
                return True
        return False

    def paragraph_slots(self, container: Element) -> None:
        """A label paragraph followed by a blank paragraph, or a label with a line of filler."""
        layout = self.layout
        blocks = [b for b in container if b.tag in (W_P, W_TBL, W_SDT)]
        kind = KIND_CELL if container.tag == W_TC else KIND_PARAGRAPH
        for index, block in enumerate(blocks):
            if block.tag != W_P or block in self.used_labels:
                continue
            found = tokens(block)
            if has_marks(found):
                continue
            text = plain(found)
            if is_blank(text):
                continue
            inline = _INLINE_FILL.match(text.strip("\n"))
            if inline and self.index.is_label(inline.group("label")):
                label = inline.group("label")
                stripped = text.strip("\n")
                length = len(text) - len(text.lstrip("\n")) + len(stripped[: inline.start("fill")].rstrip())
                location = f"{layout.where_paragraph(block)}, efter '{short(label)}'"
                self.add(
                    Slot(
                        [block],
                        kind,
                        location,
                        layout.pos(block),
                        layout.section(block),
                        self.index.match_label(label),
                        write_text=functools.partial(fill_inline, block, length),
                        label=label,
                    )
                )
                continue
            if layout.is_section_title(block, text) or not self.index.is_label(text):
                continue
            following = blocks[index + 1] if index + 1 < len(blocks) else None
            if following is None or following.tag != W_P:
                continue
            next_tokens = tokens(following)
            if has_marks(next_tokens) or not is_blank(plain(next_tokens)):
                continue
            location = f"{layout.where_paragraph(following)}, under '{short(text.strip())}'"
            self.add(
                Slot(
                    [following],
                    kind,
                    location,
                    layout.pos(block),
                    layout.section(block),
                    self.index.match_label(text),
                    write_text=functools.partial(fill_blank_paragraph, following),
                    label=text,
                )
            )
