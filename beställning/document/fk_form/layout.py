"""The document's parts (body, headers, footers) in reading order, its sections, and place names.

Slots are ranked by where they stand (an earlier label wins a tie) and by the section heading
above them ("Namn" under "Beställare" is the orderer's name), and the report names each place in
words a user can find in Word: "tabell 2, rad 3, kolumn 2 i sidhuvudet".
"""

from __future__ import annotations

from docx.document import Document as DocxDocument
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.ns import qn

from beställning.document.fk_form.grid import Grid
from beställning.document.fk_form.ooxml import W_P, W_PPR, W_R, W_RPR, W_TBL, W_VAL, Element, owner_cell, owner_table
from beställning.document.fk_form.runs import paragraph_text, run_text
from beställning.document.labels import normalise, section_of_heading
from beställning.form import FormDefinition


def short(text: str, limit: int = 40) -> str:
    """Text quoted in a place name, on one line and cut to `limit` characters."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


class Part:
    """One XML part (the document body, a header or a footer) with its reading order."""

    def __init__(self, root: Element, where: str, offset: int) -> None:
        self.root = root
        self.where = where
        self.position = {element: offset + i for i, element in enumerate(root.iter())}
        self.tables = {table: i + 1 for i, table in enumerate(root.iter(W_TBL))}
        self.paragraphs = {p: i + 1 for i, p in enumerate(root.iter(W_P))}


class Layout:
    """Where things are: the parts of one document, positions, section headings and place names."""

    def __init__(self, doc: DocxDocument, form: FormDefinition) -> None:
        self.form = form
        self.parts: list[Part] = []
        offset = 0
        roots: list[tuple[Element, str]] = [(doc.element.body, "")]
        seen: set[str] = set()
        for rel in doc.part.rels.values():
            if rel.is_external or rel.reltype not in (RT.HEADER, RT.FOOTER):
                continue
            partname = str(rel.target_part.partname)
            if partname in seen:
                continue
            seen.add(partname)
            where = " i sidhuvudet" if rel.reltype == RT.HEADER else " i sidfoten"
            roots.append((rel.target_part.element, where))
        for root, where in roots:
            part = Part(root, where, offset)
            offset += len(part.position) + 1
            self.parts.append(part)
        self._headings: list[tuple[int, str]] = []

    def part_of(self, element: Element) -> Part:
        for part in self.parts:
            if element in part.position:
                return part
        return self.parts[0]

    def pos(self, element: Element) -> int:
        return self.part_of(element).position.get(element, 0)

    def section(self, element: Element) -> str | None:
        """The id of our form's section whose heading stands above the element (body only)."""
        part = self.part_of(element)
        if part is not self.parts[0]:
            return None
        position, found = self.pos(element), None
        for heading_position, section in self._headings:
            if heading_position > position:
                break
            found = section
        return found

    def where_paragraph(self, paragraph: Element) -> str:
        part = self.part_of(paragraph)
        cell = owner_cell(paragraph)
        if cell is not None:
            return self.where_cell(cell)
        return f"stycke {part.paragraphs.get(paragraph, 0)}{part.where}"

    def where_cell(self, tc: Element) -> str:
        table = owner_table(tc)
        part = self.part_of(tc)
        if table is None:
            return part.where.strip() or "dokumentet"
        grid = Grid(table)
        for row in grid.rows:
            for cell in row:
                if cell.tc is tc:
                    number = part.tables.get(table, 0)
                    return f"tabell {number}, rad {cell.row + 1}, kolumn {cell.col + 1}{part.where}"
        return f"tabell {part.tables.get(table, 0)}{part.where}"

    # -- headings (section hints) -----------------------------------------------------------

    def find_headings(self) -> None:
        body = self.parts[0]
        for paragraph in body.root.iter(W_P):
            text = paragraph_text(paragraph).strip()
            if text and self.is_heading(paragraph):
                section = section_of_heading(text)
                if section is not None:
                    self._headings.append((body.position[paragraph], section))
        self._headings.sort(key=lambda item: item[0])

    def is_heading(self, paragraph: Element) -> bool:
        """A heading style or outline level, a cell spanning the whole table, or all-bold text."""
        props = paragraph.find(W_PPR)
        if props is not None:
            style = props.find(qn("w:pStyle"))
            name = style.get(W_VAL, "").casefold() if style is not None else ""
            if name.startswith(("heading", "rubrik", "title")) or props.find(qn("w:outlineLvl")) is not None:
                return True
        cell = owner_cell(paragraph)
        if cell is not None:
            table = owner_table(cell)
            if table is None:
                return False
            grid = Grid(table)
            return any(c.tc is cell and c.span >= grid.width > 1 for row in grid.rows for c in row)
        runs = [r for r in paragraph.iter(W_R) if run_text(r).strip()]
        bold = [r.find(f"{W_RPR}/{qn('w:b')}") for r in runs]
        return bool(runs) and all(b is not None and b.get(W_VAL, "1") not in ("0", "false") for b in bold)

    def is_section_title(self, paragraph: Element, text: str) -> bool:
        key = normalise(text)
        return self.is_heading(paragraph) and any(normalise(s.title) == key for s in self.form.sections)
