"""Filling FK's own Word order form (blankett) with an order's values.

FK's .docx is not available to us, so the filler finds fields in every way a Word form marks them:
a label cell with an empty cell beside or below it, content controls (`w:sdt`, by tag or title,
also in headers and footers, checkboxes included), legacy form fields (FORMTEXT/FORMCHECKBOX,
named by `w:ffData/w:name` or a bookmark), a label paragraph followed by blank space, or a label
followed by a line of underscores. Benefits (förmåner) and variables go into tables with matching
header rows when the form has them. Whatever cannot be placed goes into an appendix at the end of
the document, so no entered value is ever dropped, and the report says where each value went.

The work is done on the XML (lxml) because python-docx cannot see content controls.
"""

from __future__ import annotations

import contextlib
import copy
import functools
import io
import re
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from docx import Document
from docx.document import Document as DocxDocument
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt
from lxml import etree

from beställning.atomic import atomic_path
from beställning.document.labels import (
    RANK_ID,
    RANK_LOOSE,
    Candidate,
    LabelIndex,
    normalise,
    section_of_heading,
)
from beställning.form import FormField, load_form
from beställning.order import BenefitRequest, FieldValue, Order, VariablePick, filled_fields
from beställning.text import clean_text

Element = etree._Element

KIND_CELL = "tabellcell"
KIND_CONTROL = "innehållskontroll"
KIND_FORMFIELD = "formulärfält"
KIND_PARAGRAPH = "stycke"
KIND_APPENDIX = "bilaga"
APPENDIX_TITLE = "Uppgifter som inte fick plats i blanketten"

W_P, W_R, W_T, W_TAB, W_BR, W_CR = (qn(f"w:{t}") for t in ("p", "r", "t", "tab", "br", "cr"))
W_TBL, W_TR, W_TC, W_SDT = qn("w:tbl"), qn("w:tr"), qn("w:tc"), qn("w:sdt")
W_SDTPR, W_SDTCONTENT = qn("w:sdtPr"), qn("w:sdtContent")
W_RPR, W_PPR, W_TCPR = qn("w:rPr"), qn("w:pPr"), qn("w:tcPr")
W_FLDCHAR, W_INSTR, W_FFDATA = qn("w:fldChar"), qn("w:instrText"), qn("w:ffData")
W_VAL = qn("w:val")
W14_CHECKBOX, W14_CHECKED, W14_VAL = qn("w14:checkbox"), qn("w14:checked"), qn("w14:val")
# Wrappers whose runs belong to the paragraph's text; deleted text (w:del) is not part of it.
_RUN_WRAPPERS = {qn(f"w:{t}") for t in ("hyperlink", "ins", "smartTag", "customXml", "fldSimple", "moveTo")}
_SKIPPED_SDT = {
    qn(f"w:{t}")
    for t in ("docPartObj", "docPartList", "picture", "group", "citation", "bibliography", "equation")
}
_CHECK_GLYPHS = {"☐": False, "☒": True, "☑": True}
CHECKED_GLYPH, UNCHECKED_GLYPH = "☒", "☐"
_FILLER_CHARS = set(" \t\u00a0\u2002\u2003\u2009\u202f_.…-–—·")
_INLINE_FILL = re.compile(r"^(?P<label>.*?[^\s_.…:])\s*:?\s*(?P<fill>[_.…]{3,}[\s_.…]*|\t[\s_.…]*)$", re.S)
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_TEMPLATE_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml"
_MACRO_TYPES = (
    "application/vnd.ms-word.document.macroEnabled.main+xml",
    "application/vnd.ms-word.template.macroEnabledTemplate.main+xml",
)
_DOCUMENT_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"


class TemplateError(Exception):
    """FK's form cannot be used; the message says why and what to do, in Swedish."""


@dataclass(frozen=True)
class Placement:
    """Where one value of the order went in the filled form."""

    field_id: str
    label: str
    value: str
    kind: str  # KIND_CELL, KIND_CONTROL, KIND_FORMFIELD, KIND_PARAGRAPH or KIND_APPENDIX
    location: str


@dataclass
class FillReport:
    """What went where when FK's form was filled: one row per value, in the order's order."""

    template: Path
    output: Path
    placements: list[Placement] = field(default_factory=list)

    def in_appendix(self) -> list[Placement]:
        return [p for p in self.placements if p.kind == KIND_APPENDIX]

    def in_form(self) -> list[Placement]:
        return [p for p in self.placements if p.kind != KIND_APPENDIX]

    def summary(self) -> str:
        """One Swedish sentence for a status bar or the command line."""
        total, extra = len(self.placements), len(self.in_appendix())
        if not extra:
            return f"Alla {total} uppgifter fick plats i blanketten."
        return (
            f"{total - extra} av {total} uppgifter fick plats i blanketten; {extra} står i bilagan "
            f"'{APPENDIX_TITLE}' sist i dokumentet."
        )


# ---------------------------------------------------------------------------------------------
# Opening the template


def _open_template(template: Path) -> DocxDocument:
    """Read FK's .docx, or raise TemplateError saying what is wrong with the file."""
    name = template.name
    try:
        data = template.read_bytes()
    except FileNotFoundError as exc:
        raise TemplateError(
            f"Blanketten {template} finns inte. Välj Försäkringskassans Word-fil igen."
        ) from exc
    except IsADirectoryError as exc:
        raise TemplateError(f"{template} är en mapp, inte en Word-fil. Välj blankettens .docx-fil.") from exc
    except OSError as exc:
        raise TemplateError(f"Blanketten {template} kan inte läsas ({exc.strerror}).") from exc
    if data.startswith(_OLE_MAGIC):
        if "EncryptedPackage".encode("utf-16-le") in data:
            raise TemplateError(
                f"{name} är lösenordsskyddad och kan inte fyllas i. Öppna den i Word, ta bort "
                "lösenordet (Arkiv > Info > Skydda dokument) och spara den som .docx."
            )
        raise TemplateError(
            f"{name} är i det äldre Word-formatet (.doc). Öppna den i Word eller LibreOffice och "
            "spara den som Word-dokument (.docx)."
        )
    if not data.startswith(b"PK"):
        raise TemplateError(
            f"{name} är inte en Word-fil (.docx). Ladda ned blanketten från Försäkringskassans "
            "webbplats och välj den."
        )
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
            if "word/document.xml" not in names or "[Content_Types].xml" not in names:
                raise TemplateError(f"{name} är ingen Word-fil (.docx) utan ett annat zip-arkiv.")
            types = archive.read("[Content_Types].xml").decode("utf-8", "replace")
            if _TEMPLATE_TYPE in types or any(t in types for t in _MACRO_TYPES):
                data = _as_document(archive, types)
        return Document(io.BytesIO(data))
    except TemplateError:
        raise
    except (
        zipfile.BadZipFile,
        zipfile.LargeZipFile,
        KeyError,
        ValueError,
        etree.XMLSyntaxError,
        EOFError,
        UnicodeDecodeError,
    ) as exc:
        raise TemplateError(
            f"{name} är skadad och kan inte läsas som Word-dokument ({exc.__class__.__name__}). "
            "Ladda ned blanketten på nytt."
        ) from exc


def _as_document(archive: zipfile.ZipFile, types: str) -> bytes:
    """A Word template (.dotx) or macro file as an ordinary document, so python-docx opens it."""
    for other in (_TEMPLATE_TYPE, *_MACRO_TYPES):
        types = types.replace(other, _DOCUMENT_TYPE)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as out:
        for info in archive.infolist():
            if info.filename == "word/vbaProject.bin":
                continue
            payload = types.encode("utf-8") if info.filename == "[Content_Types].xml" else archive.read(info)
            out.writestr(info, payload)
    return buffer.getvalue()


# ---------------------------------------------------------------------------------------------
# Reading text out of the XML


def _run_text(run: Element) -> str:
    parts = []
    for child in run:
        if child.tag == W_T:
            parts.append(child.text or "")
        elif child.tag == W_TAB:
            parts.append("\t")
        elif child.tag in (W_BR, W_CR):
            parts.append("\n")
    return "".join(parts)


def _detach(element: Element) -> None:
    parent = element.getparent()
    if parent is not None:
        parent.remove(element)


def _is_blank(text: str) -> bool:
    return all(ch in _FILLER_CHARS or ch.isspace() for ch in text)


def _short(text: str, limit: int = 40) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


@dataclass
class _LegacyField:
    """A legacy form field (FORMTEXT, FORMCHECKBOX, FORMDROPDOWN) inside one paragraph."""

    begin: Element
    code: str = ""
    separate: Element | None = None
    end: Element | None = None
    result: list[Element] = field(default_factory=list)

    @property
    def ffdata(self) -> Element | None:
        char = self.begin.find(W_FLDCHAR)
        return None if char is None else char.find(W_FFDATA)

    @property
    def kind(self) -> str:
        return self.code.split()[0].upper() if self.code.split() else ""

    @property
    def name(self) -> str:
        data = self.ffdata
        node = None if data is None else data.find(qn("w:name"))
        return "" if node is None else node.get(W_VAL, "")


@dataclass
class _Glyph:
    """A checkbox drawn as a character (☐/☒) in a text node."""

    t: Element
    offset: int


Token = str | Element | _LegacyField | _Glyph  # str: plain text; Element: a run-level w:sdt


def _tokens(paragraph: Element) -> list[Token]:
    """The paragraph as plain text pieces and marks (content controls, form fields, ☐ glyphs)."""
    tokens: list[Token] = []
    stack: list[_LegacyField | None] = []  # open fields; None for fields that are not form fields

    def in_form_field() -> bool:
        return any(f is not None for f in stack)

    def on_run(run: Element) -> None:
        for child in run:
            if child.tag == W_FLDCHAR:
                kind = child.get(qn("w:fldCharType"))
                if kind == "begin":
                    legacy = _LegacyField(run) if child.find(W_FFDATA) is not None and not stack else None
                    stack.append(legacy)
                elif kind == "separate" and stack:
                    if stack[-1] is not None:
                        stack[-1].separate = run
                elif kind == "end" and stack:
                    legacy = stack.pop()
                    if legacy is not None:
                        legacy.end = run
                        if legacy.kind.startswith("FORM"):
                            tokens.append(legacy)
                        else:
                            tokens.append("".join(_run_text(r) for r in legacy.result))
            elif child.tag == W_INSTR:
                if stack and stack[-1] is not None:
                    stack[-1].code += child.text or ""
            elif child.tag in (W_T, W_TAB, W_BR, W_CR):
                current = next((f for f in reversed(stack) if f is not None), None)
                if current is not None:
                    if current.separate is not None and run not in current.result:
                        current.result.append(run)
                    continue
                if child.tag == W_T:
                    text = child.text or ""
                    start = 0
                    for offset, ch in enumerate(text):
                        if ch in _CHECK_GLYPHS:
                            tokens.append(text[start:offset])
                            tokens.append(_Glyph(child, offset))
                            start = offset + 1
                    tokens.append(text[start:])
                else:
                    tokens.append("\t" if child.tag == W_TAB else "\n")

    def walk(element: Element) -> None:
        for child in element:
            if child.tag == W_R:
                on_run(child)
            elif child.tag == W_SDT:
                if in_form_field():
                    continue
                tokens.append(child)
            elif child.tag in _RUN_WRAPPERS:
                walk(child)

    walk(paragraph)
    return tokens


def _plain(tokens: list[Token]) -> str:
    return "".join(t for t in tokens if isinstance(t, str))


def _has_marks(tokens: list[Token]) -> bool:
    return any(not isinstance(t, str) for t in tokens)


def _paragraph_text(paragraph: Element) -> str:
    """Everything a reader sees in the paragraph, including the contents of controls."""
    return "".join(_run_text(r) for r in paragraph.iter(W_R))


def _sdt_text(sdt: Element) -> str:
    content = sdt.find(W_SDTCONTENT)
    return "" if content is None else "".join(_run_text(r) for r in content.iter(W_R))


# ---------------------------------------------------------------------------------------------
# Tables as grids (merged cells included)


@dataclass
class _Cell:
    tc: Element
    row: int
    col: int
    span: int


class _Grid:
    """A table's rows and cells with their grid columns; rows wrapped in content controls included."""

    def __init__(self, table: Element) -> None:
        self.table = table
        self.rows: list[list[_Cell]] = []
        self.row_elements: list[Element] = []
        for tr in self._rows(table):
            cells, col = [], 0
            for tc in self._cells(tr):
                span_node = tc.find(f"{W_TCPR}/{qn('w:gridSpan')}")
                span = int(span_node.get(W_VAL, "1")) if span_node is not None else 1
                cells.append(_Cell(tc, len(self.rows), col, max(span, 1)))
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
                    yield from (tr for tr in content.iter(W_TR) if _owner_table(tr) is table)

    @staticmethod
    def _cells(tr: Element) -> Iterator[Element]:
        for child in tr:
            if child.tag == W_TC:
                yield child
            elif child.tag == W_SDT:
                content = child.find(W_SDTCONTENT)
                if content is not None:
                    yield from content.findall(W_TC)

    def at(self, row: int, col: int) -> _Cell | None:
        if 0 <= row < len(self.rows):
            for cell in self.rows[row]:
                if cell.col <= col < cell.col + cell.span:
                    return cell
        return None

    def right_of(self, cell: _Cell) -> _Cell | None:
        return self.at(cell.row, cell.col + cell.span)

    def below(self, cell: _Cell) -> _Cell | None:
        return self.at(cell.row + 1, cell.col)


def _owner_table(element: Element) -> Element | None:
    parent = element.getparent()
    while parent is not None and parent.tag != W_TBL:
        parent = parent.getparent()
    return parent


def _cell_paragraphs(tc: Element) -> list[Element]:
    return [p for p in tc.iter(W_P) if _owner_cell(p) is tc]


def _owner_cell(element: Element) -> Element | None:
    parent = element.getparent()
    while parent is not None and parent.tag != W_TC:
        parent = parent.getparent()
    return parent


def _cell_is_blank(tc: Element) -> bool:
    """An empty value cell: no text beyond filler, no controls, fields, checkboxes or tables."""
    if tc.find(f".//{W_TBL}") is not None or tc.find(f".//{W_SDT}") is not None:
        return False
    for paragraph in tc.iter(W_P):
        tokens = _tokens(paragraph)
        if _has_marks(tokens) or not _is_blank(_plain(tokens)):
            return False
    return True


def _cell_label(tc: Element) -> str:
    """The text of a cell that holds only text (a label cell); '' when it holds marks."""
    texts = []
    for paragraph in _cell_paragraphs(tc):
        tokens = _tokens(paragraph)
        if _has_marks(tokens):
            return ""
        texts.append(_plain(tokens))
    return " ".join(t.strip() for t in texts if t.strip())


# ---------------------------------------------------------------------------------------------
# Writing text into the XML


def _clean_rpr(rpr: Element | None, *, plain: bool = False) -> Element | None:
    """A copy of run properties fit for a value: no placeholder style, revision marks or hiding."""
    if rpr is None:
        return None
    result = copy.deepcopy(rpr)
    result.tag = W_RPR
    drop = {qn(f"w:{t}") for t in ("ins", "del", "moveFrom", "moveTo", "vanish", "rPrChange")}
    if plain:
        drop |= {qn(f"w:{t}") for t in ("b", "bCs", "u", "caps", "smallCaps")}
    for child in list(result):
        style = child.get(W_VAL, "").casefold()
        placeholder = child.tag == qn("w:rStyle") and ("placeholder" in style or "platsh" in style)
        if child.tag in drop or placeholder:
            result.remove(child)
    return result


def _set_run_text(run: Element, text: str) -> None:
    """Replace the run's text; \\n becomes a line break (w:br) and \\t a tab."""
    for child in list(run):
        if child.tag != W_RPR:
            run.remove(child)
    rpr = run.find(W_RPR)
    if rpr is not None:
        clean = _clean_rpr(rpr)
        run.replace(rpr, clean if clean is not None else rpr)
    for index, line in enumerate(text.split("\n")):
        if index:
            run.append(OxmlElement("w:br"))
        for part_index, part in enumerate(line.split("\t")):
            if part_index:
                run.append(OxmlElement("w:tab"))
            if part:
                node = OxmlElement("w:t")
                node.text = part
                node.set(qn("xml:space"), "preserve")
                run.append(node)


def _new_run(text: str, rpr: Element | None) -> Element:
    run = OxmlElement("w:r")
    if rpr is not None:
        run.append(rpr)
    _set_run_text(run, text)
    return run


def _mark_rpr(paragraph: Element) -> Element | None:
    """The paragraph mark's run properties: how Word formats text typed into an empty paragraph."""
    node = paragraph.find(f"{W_PPR}/{W_RPR}")
    return _clean_rpr(node, plain=True)


def _fill_paragraph(paragraph: Element, text: str) -> None:
    """Replace a blank paragraph's runs (filler included) with the value."""
    rpr = _mark_rpr(paragraph)
    for child in list(paragraph):
        if child.tag in (W_R, qn("w:proofErr"), qn("w:hyperlink"), qn("w:fldSimple")):
            paragraph.remove(child)
    paragraph.append(_new_run(text, rpr))


def _fill_blank_paragraph(paragraph: Element, text: str) -> None:
    _fill_paragraph(paragraph, text)
    _grow_row(paragraph)


def _fill_cell(tc: Element, text: str) -> None:
    paragraphs = _cell_paragraphs(tc)
    if not paragraphs:
        paragraph = OxmlElement("w:p")
        tc.append(paragraph)
        paragraphs = [paragraph]
    _fill_paragraph(paragraphs[0], text)
    for extra in paragraphs[1:]:
        for run in extra.findall(W_R):
            extra.remove(run)
    _grow_row(tc)


def _grow_row(element: Element) -> None:
    """A row of exact height would cut a long value off: let it grow."""
    parent = element.getparent()
    while parent is not None and parent.tag != W_TR:
        parent = parent.getparent()
    if parent is not None:
        height = parent.find(f"{qn('w:trPr')}/{qn('w:trHeight')}")
        if height is not None and height.get(qn("w:hRule")) == "exact":
            height.set(qn("w:hRule"), "atLeast")


def _fill_inline(paragraph: Element, label_length: int, text: str) -> None:
    """'Label: ______': keep the label, replace the filler after it with the value."""
    position, last_label_run = 0, None
    for run in list(paragraph.iter(W_R)):
        content = _run_text(run)
        if position >= label_length:
            _detach(run)
        else:
            if position + len(content) > label_length:
                _set_run_text(run, content[: label_length - position])
            last_label_run = run
        position += len(content)
    rpr = _clean_rpr(last_label_run.find(W_RPR), plain=True) if last_label_run is not None else None
    value_run = _new_run(" " + text, rpr)
    if last_label_run is not None:
        last_label_run.addnext(value_run)
    else:
        paragraph.append(value_run)
    _grow_row(paragraph)


def _fill_sdt(sdt: Element, text: str) -> None:
    """Set a content control's text: the first w:t gets the value, the others are cleared."""
    props = sdt.find(W_SDTPR)
    content = sdt.find(W_SDTCONTENT)
    if content is None:
        content = OxmlElement("w:sdtContent")
        sdt.append(content)
    if props is not None:
        for name in ("showingPlcHdr", "dataBinding", "temporary"):
            for node in props.findall(qn(f"w:{name}")):
                props.remove(node)
        plain_text = props.find(qn("w:text"))
        if plain_text is not None and "\n" in text:
            # A plain-text control holds one line; as rich text, LibreOffice and Word show the breaks.
            props.remove(plain_text)
        picker = props.find(qn("w:date"))
        if picker is not None and re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
            picker.set(qn("w:fullDate"), f"{text}T00:00:00Z")
        for list_tag in ("dropDownList", "comboBox"):
            choices = props.find(qn(f"w:{list_tag}"))
            if choices is not None and text not in {
                item.get(qn("w:displayText")) for item in choices.findall(qn("w:listItem"))
            }:
                item = OxmlElement("w:listItem")
                item.set(qn("w:displayText"), text)
                item.set(qn("w:value"), text)
                choices.append(item)
    runs = list(content.iter(W_R))
    if not runs:
        paragraph = next(content.iter(W_P), None)
        cell = content.find(W_TC)
        if paragraph is None and cell is not None:
            paragraph = OxmlElement("w:p")
            cell.append(paragraph)
        target = paragraph if paragraph is not None else content
        target.append(_new_run(text, None))
    else:
        _set_run_text(runs[0], text)
        for run in runs[1:]:
            for child in list(run):
                if child.tag in (W_T, W_TAB, W_BR, W_CR):
                    run.remove(child)
    _grow_row(sdt)


def _set_sdt_checkbox(sdt: Element, checked: bool) -> None:
    props = sdt.find(W_SDTPR)
    assert props is not None
    box = props.find(W14_CHECKBOX)
    assert box is not None
    state = box.find(W14_CHECKED)
    if state is None:
        state = etree.SubElement(box, W14_CHECKED)
        box.remove(state)
        box.insert(0, state)
    state.set(W14_VAL, "1" if checked else "0")
    for node in props.findall(qn("w:showingPlcHdr")):
        props.remove(node)
    glyph = CHECKED_GLYPH if checked else UNCHECKED_GLYPH
    declared = box.find(qn("w14:checkedState" if checked else "w14:uncheckedState"))
    if declared is not None and declared.get(W14_VAL):
        with contextlib.suppress(ValueError):
            glyph = chr(int(declared.get(W14_VAL, ""), 16))
    content = sdt.find(W_SDTCONTENT)
    text_node = None if content is None else next(content.iter(W_T), None)
    if text_node is not None:
        text_node.text = glyph
    elif content is not None:
        run = next(content.iter(W_R), None)
        if run is None:
            run = OxmlElement("w:r")
            paragraph = next(content.iter(W_P), None)
            (paragraph if paragraph is not None else content).append(run)
        _set_run_text(run, glyph)


def _fill_formtext(legacy: _LegacyField, text: str) -> None:
    """Put a value between a FORMTEXT field's separate and end marks."""
    assert legacy.end is not None
    data = legacy.ffdata
    limit = None if data is None else data.find(f"{qn('w:textInput')}/{qn('w:maxLength')}")
    if limit is not None and len(text) > int(limit.get(W_VAL, "0") or 0):
        _detach(limit)
    rpr = None
    if legacy.result and legacy.result[0].find(W_RPR) is not None:
        rpr = _clean_rpr(legacy.result[0].find(W_RPR))
    elif legacy.begin.find(W_RPR) is not None:
        rpr = _clean_rpr(legacy.begin.find(W_RPR))
    for run in legacy.result:
        _detach(run)
    if legacy.separate is None:
        separate = OxmlElement("w:r")
        char = OxmlElement("w:fldChar")
        char.set(qn("w:fldCharType"), "separate")
        separate.append(char)
        legacy.end.addprevious(separate)
        legacy.separate = separate
    value_run = _new_run(text, rpr)
    legacy.end.addprevious(value_run)
    legacy.result = [value_run]
    _grow_row(legacy.end)


def _set_formcheckbox(legacy: _LegacyField, checked: bool) -> None:
    data = legacy.ffdata
    box = None if data is None else data.find(qn("w:checkBox"))
    assert box is not None
    for node in box.findall(qn("w:checked")):
        box.remove(node)
    node = OxmlElement("w:checked")
    node.set(W_VAL, "1" if checked else "0")
    box.append(node)


def _set_glyph(glyph: _Glyph, checked: bool) -> None:
    text = glyph.t.text or ""
    mark = CHECKED_GLYPH if checked else UNCHECKED_GLYPH
    glyph.t.text = text[: glyph.offset] + mark + text[glyph.offset + 1 :]


# ---------------------------------------------------------------------------------------------
# Slots: places in the form that can take a value


@dataclass
class _CheckItem:
    """One checkbox, whatever kind, with the text beside it."""

    mark: Element | _LegacyField | _Glyph
    own_label: str
    group_label: str
    names: list[str]
    paragraph: Element
    kind: str

    def set(self, checked: bool) -> None:
        if isinstance(self.mark, _Glyph):
            _set_glyph(self.mark, checked)
        elif isinstance(self.mark, _LegacyField):
            _set_formcheckbox(self.mark, checked)
        else:
            _set_sdt_checkbox(self.mark, checked)

    @property
    def key(self) -> Element:
        if isinstance(self.mark, _Glyph):
            return self.mark.t
        if isinstance(self.mark, _LegacyField):
            return self.mark.begin
        return self.mark


@dataclass
class _Slot:
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


def _merge(*groups: list[Candidate]) -> list[Candidate]:
    best: dict[str, Candidate] = {}
    for group in groups:
        for candidate in group:
            known = best.get(candidate.field.id)
            if known is None or candidate.rank < known.rank:
                best[candidate.field.id] = candidate
    return list(best.values())


class _Part:
    """One XML part (the document body, a header or a footer) with its reading order."""

    def __init__(self, root: Element, where: str, offset: int) -> None:
        self.root = root
        self.where = where
        self.position = {element: offset + i for i, element in enumerate(root.iter())}
        self.tables = {table: i + 1 for i, table in enumerate(root.iter(W_TBL))}
        self.paragraphs = {p: i + 1 for i, p in enumerate(root.iter(W_P))}


class _Filler:
    """Finds the slots of one document, assigns fields to them, writes values and the appendix."""

    def __init__(self, doc: DocxDocument, order: Order) -> None:
        self.doc = doc
        self.order = order
        self.form = load_form()
        self.index = LabelIndex.for_route(self.form, order.route)
        self.parts: list[_Part] = []
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
            part = _Part(root, where, offset)
            offset += len(part.position) + 1
            self.parts.append(part)
        self.slots: list[_Slot] = []
        self.used_labels: set[Element] = set()
        self.consumed_tables: set[Element] = set()
        self.benefit_table: _Grid | None = None
        self.benefit_columns: dict[str, int] = {}
        self.benefit_first_row = 0
        self.variable_table: _Grid | None = None
        self.variable_columns: dict[str, int] = {}
        self.variable_first_row = 0
        self._headings: list[tuple[int, str]] = []

    # -- locating ---------------------------------------------------------------------------

    def _part_of(self, element: Element) -> _Part:
        for part in self.parts:
            if element in part.position:
                return part
        return self.parts[0]

    def _pos(self, element: Element) -> int:
        return self._part_of(element).position.get(element, 0)

    def _section(self, element: Element) -> str | None:
        part = self._part_of(element)
        if part is not self.parts[0]:
            return None
        position, found = self._pos(element), None
        for heading_position, section in self._headings:
            if heading_position > position:
                break
            found = section
        return found

    def _where_paragraph(self, paragraph: Element) -> str:
        part = self._part_of(paragraph)
        cell = _owner_cell(paragraph)
        if cell is not None:
            return self._where_cell(cell)
        return f"stycke {part.paragraphs.get(paragraph, 0)}{part.where}"

    def _where_cell(self, tc: Element) -> str:
        table = _owner_table(tc)
        part = self._part_of(tc)
        if table is None:
            return part.where.strip() or "dokumentet"
        grid = _Grid(table)
        for row in grid.rows:
            for cell in row:
                if cell.tc is tc:
                    number = part.tables.get(table, 0)
                    return f"tabell {number}, rad {cell.row + 1}, kolumn {cell.col + 1}{part.where}"
        return f"tabell {part.tables.get(table, 0)}{part.where}"

    # -- headings (section hints) -----------------------------------------------------------

    def _find_headings(self) -> None:
        body = self.parts[0]
        for paragraph in body.root.iter(W_P):
            text = _paragraph_text(paragraph).strip()
            if text and self._is_heading(paragraph):
                section = section_of_heading(text)
                if section is not None:
                    self._headings.append((body.position[paragraph], section))
        self._headings.sort(key=lambda item: item[0])

    def _is_heading(self, paragraph: Element) -> bool:
        props = paragraph.find(W_PPR)
        if props is not None:
            style = props.find(qn("w:pStyle"))
            name = style.get(W_VAL, "").casefold() if style is not None else ""
            if name.startswith(("heading", "rubrik", "title")) or props.find(qn("w:outlineLvl")) is not None:
                return True
        cell = _owner_cell(paragraph)
        if cell is not None:
            table = _owner_table(cell)
            if table is None:
                return False
            grid = _Grid(table)
            return any(c.tc is cell and c.span >= grid.width > 1 for row in grid.rows for c in row)
        runs = [r for r in paragraph.iter(W_R) if _run_text(r).strip()]
        bold = [r.find(f"{W_RPR}/{qn('w:b')}") for r in runs]
        return bool(runs) and all(b is not None and b.get(W_VAL, "1") not in ("0", "false") for b in bold)

    def _is_section_title(self, paragraph: Element, text: str) -> bool:
        key = normalise(text)
        return self._is_heading(paragraph) and any(normalise(s.title) == key for s in self.form.sections)

    # -- labels around a mark ----------------------------------------------------------------

    def _label_before_block(self, block: Element) -> str:
        """The label for a block with no text of its own: the paragraph above, or the cell beside."""
        sibling = block.getprevious()
        steps = 0
        while sibling is not None and steps < 4:
            if sibling.tag == W_P:
                tokens = _tokens(sibling)
                if _has_marks(tokens):
                    return ""
                if not _is_blank(_plain(tokens)):
                    return _plain(tokens).strip()
            elif sibling.tag in (W_TBL, W_SDT):
                return ""
            sibling = sibling.getprevious()
            steps += 1
        container = block.getparent()
        if container is not None and container.tag == W_SDTCONTENT:
            sdt = container.getparent()
            return self._label_before_block(sdt) if sdt is not None else ""
        if container is not None and container.tag == W_TC:
            return self._label_beside_cell(container)
        return ""

    def _label_beside_cell(self, tc: Element) -> str:
        table = _owner_table(tc)
        if table is None:
            return ""
        grid = _Grid(table)
        for row in grid.rows:
            for cell in row:
                if cell.tc is tc:
                    left = grid.at(cell.row, cell.col - 1) if cell.col > 0 else None
                    if left is not None and _cell_label(left.tc):
                        return _cell_label(left.tc)
                    above = grid.at(cell.row - 1, cell.col)
                    if above is not None and _cell_label(above.tc):
                        return _cell_label(above.tc)
                    return ""
        return ""

    def _context(self, paragraph: Element, tokens: list[Token], index: int) -> tuple[str, str]:
        """Text before a mark (since the previous mark) and after it (up to the next)."""
        before: list[str] = []
        after: list[str] = []
        for token in reversed(tokens[:index]):
            if not isinstance(token, str):
                break
            before.insert(0, token)
        for token in tokens[index + 1 :]:
            if not isinstance(token, str):
                break
            after.append(token)
        return "".join(before).strip(" \t:"), "".join(after).strip(" \t:")

    # -- collecting slots ---------------------------------------------------------------------

    def collect(self) -> None:
        self._find_headings()
        for part in self.parts:
            for table in list(part.root.iter(W_TBL)):
                self._special_table(table)
        checks: list[_CheckItem] = []
        for part in self.parts:
            for paragraph in list(part.root.iter(W_P)):
                if _owner_table(paragraph) in self.consumed_tables:
                    continue
                self._marks_in_paragraph(paragraph, checks)
            for sdt in list(part.root.iter(W_SDT)):
                self._block_sdt(sdt)
        self._checkbox_slots(checks)
        for part in self.parts:
            for table in list(part.root.iter(W_TBL)):
                if table not in self.consumed_tables:
                    self._table_slots(table)
            self._paragraph_slots(part.root)
            for tc in part.root.iter(W_TC):
                if _owner_table(tc) not in self.consumed_tables:
                    self._paragraph_slots(tc)

    def _marks_in_paragraph(self, paragraph: Element, checks: list[_CheckItem]) -> None:
        tokens = _tokens(paragraph)
        for index, token in enumerate(tokens):
            if isinstance(token, str):
                continue
            before, after = self._context(paragraph, tokens, index)
            if isinstance(token, _Glyph):
                checks.append(
                    self._check_item(
                        token,
                        before,
                        after,
                        [],
                        paragraph,
                        KIND_CELL if _owner_cell(paragraph) is not None else KIND_PARAGRAPH,
                    )
                )
            elif isinstance(token, _LegacyField):
                self._legacy_slot(token, before, after, paragraph, checks)
            elif token.tag == W_SDT:
                self._sdt_slot(token, before, after, paragraph, checks)

    def _check_item(
        self,
        mark: Element | _LegacyField | _Glyph,
        before: str,
        after: str,
        names: list[str],
        paragraph: Element,
        kind: str,
    ) -> _CheckItem:
        own = after or before
        group = before if after else ""
        if not group:
            group = self._label_before_block(paragraph)
        return _CheckItem(mark, own, group, names, paragraph, kind)

    def _legacy_slot(
        self, legacy: _LegacyField, before: str, after: str, paragraph: Element, checks: list[_CheckItem]
    ) -> None:
        names = [legacy.name, *self._bookmarks_around(paragraph, legacy.begin)]
        names = [n for n in names if n]
        if legacy.kind == "FORMCHECKBOX":
            checks.append(self._check_item(legacy, before, after, names, paragraph, KIND_FORMFIELD))
            return
        if legacy.kind not in ("FORMTEXT", "FORMDROPDOWN") or legacy.end is None:
            return
        label = before or self._label_before_block(paragraph)
        candidates = _merge(*(self.index.match_name(n) for n in names), self.index.match_label(label))
        shown = legacy.name or label or "utan namn"
        location = f"formulärfältet '{_short(shown)}' ({self._where_paragraph(paragraph)})"
        if legacy.kind == "FORMTEXT":
            self._add(
                _Slot(
                    [legacy.begin],
                    KIND_FORMFIELD,
                    location,
                    self._pos(paragraph),
                    self._section(paragraph),
                    candidates,
                    write_text=functools.partial(_fill_formtext, legacy),
                    label=label,
                )
            )
        else:
            self._add(
                _Slot(
                    [legacy.begin],
                    KIND_FORMFIELD,
                    location,
                    self._pos(paragraph),
                    self._section(paragraph),
                    candidates,
                    check=functools.partial(_set_dropdown, legacy),
                )
            )

    def _bookmarks_around(self, paragraph: Element, begin: Element) -> list[str]:
        """Names of bookmarks that start before a field's begin run and end after it."""
        order = {element: i for i, element in enumerate(paragraph.iter())}
        start_at = order.get(begin, 0)
        ends = {e.get(qn("w:id")): order[e] for e in paragraph.iter(qn("w:bookmarkEnd"))}
        names = []
        for start in paragraph.iter(qn("w:bookmarkStart")):
            if order[start] < start_at and ends.get(start.get(qn("w:id")), 10**9) > start_at:
                names.append(start.get(qn("w:name"), ""))
        return [n for n in names if n and not n.startswith("_")]

    def _sdt_names(self, sdt: Element) -> list[str]:
        props = sdt.find(W_SDTPR)
        if props is None:
            return []
        names = []
        for tag in ("tag", "alias"):
            node = props.find(qn(f"w:{tag}"))
            if node is not None and node.get(W_VAL):
                names.append(node.get(W_VAL, ""))
        return names

    def _sdt_usable(self, sdt: Element) -> bool:
        props = sdt.find(W_SDTPR)
        if props is not None and any(props.find(tag) is not None for tag in _SKIPPED_SDT):
            return False
        content = sdt.find(W_SDTCONTENT)
        if content is None:
            return True
        if content.find(f".//{W_SDT}") is not None or content.find(f".//{W_TBL}") is not None:
            return False
        return content.find(W_TR) is None and len(content.findall(W_TC)) <= 1

    def _sdt_slot(
        self, sdt: Element, before: str, after: str, paragraph: Element, checks: list[_CheckItem]
    ) -> None:
        if not self._sdt_usable(sdt):
            return
        names = self._sdt_names(sdt)
        props = sdt.find(W_SDTPR)
        if props is not None and props.find(W14_CHECKBOX) is not None:
            checks.append(self._check_item(sdt, before, after, names, paragraph, KIND_CONTROL))
            return
        label = before or self._label_before_block(paragraph)
        self._add_sdt_text(sdt, names, label, paragraph)

    def _block_sdt(self, sdt: Element) -> None:
        """Content controls around paragraphs or cells (not inside a paragraph)."""
        parent = sdt.getparent()
        if parent is None or parent.tag == W_P or parent.tag in _RUN_WRAPPERS:
            return
        if _owner_table(sdt) in self.consumed_tables or not self._sdt_usable(sdt):
            return
        content = sdt.find(W_SDTCONTENT)
        cell = None if content is None else content.find(W_TC)
        names = self._sdt_names(sdt)
        props = sdt.find(W_SDTPR)
        anchor = next(sdt.iter(W_P), None)
        if props is not None and props.find(W14_CHECKBOX) is not None:
            return  # block-level checkboxes do not occur in Word's own output
        label = self._label_beside_cell(cell) if cell is not None else self._label_before_block(sdt)
        self._add_sdt_text(sdt, names, label, anchor if anchor is not None else sdt)

    def _add_sdt_text(self, sdt: Element, names: list[str], label: str, anchor: Element) -> None:
        candidates = _merge(*(self.index.match_name(n) for n in names), self.index.match_label(label))
        shown = names[-1] if names else label or "utan namn"
        where = self._where_paragraph(anchor) if anchor.tag == W_P else self._part_of(anchor).where.strip()
        location = f"innehållskontrollen '{_short(shown)}' ({where or 'dokumentet'})"
        self._add(
            _Slot(
                [sdt],
                KIND_CONTROL,
                location,
                self._pos(sdt),
                self._section(sdt),
                candidates,
                write_text=functools.partial(_fill_sdt, sdt),
                label=label,
            )
        )

    def _checkbox_slots(self, checks: list[_CheckItem]) -> None:
        # Single checkboxes: the text beside them is a yes/no field's label.
        for item in checks:
            candidates = _merge(
                *(self.index.match_name(n) for n in item.names),
                self.index.match_label(item.own_label, _is_bool),
            )
            candidates = [c for c in candidates if c.field.kind == "bool"]
            location = f"kryssrutan '{_short(item.own_label)}' ({self._where_paragraph(item.paragraph)})"
            self._add(
                _Slot(
                    [item.key],
                    item.kind,
                    location,
                    self._pos(item.paragraph),
                    self._section(item.paragraph),
                    candidates,
                    check=functools.partial(_check_single, item),
                    checkbox=True,
                )
            )
        # Groups: checkboxes in one cell, or in one paragraph outside tables.
        groups: dict[Element, list[_CheckItem]] = {}
        for item in checks:
            owner = _owner_cell(item.paragraph)
            groups.setdefault(owner if owner is not None else item.paragraph, []).append(item)
        for items in groups.values():
            if len(items) < 2:
                continue
            first = items[0]
            label = first.group_label
            keys = [i.key for i in items]
            where = self._where_paragraph(first.paragraph)
            by_label = {normalise(i.own_label): i for i in items}
            if "ja" in by_label and "nej" in by_label:
                candidates = self.index.match_label(label, _is_bool)
                location = f"kryssrutorna Ja/Nej vid '{_short(label)}' ({where})"
                self._add(
                    _Slot(
                        keys,
                        first.kind,
                        location,
                        self._pos(first.paragraph),
                        self._section(first.paragraph),
                        candidates,
                        check=functools.partial(_check_yes_no, by_label),
                        checkbox=True,
                    )
                )
                continue
            for form_field in self.index_fields():
                if form_field.kind != "choice":
                    continue
                options = {normalise(o) for o in form_field.options}
                if len(options & set(by_label)) < 2:
                    continue
                rank = min(
                    (c.rank for c in self.index.match_label(label) if c.field.id == form_field.id),
                    default=RANK_LOOSE,
                )
                location = f"kryssrutorna vid '{_short(label or form_field.label)}' ({where})"
                self._add(
                    _Slot(
                        keys,
                        first.kind,
                        location,
                        self._pos(first.paragraph),
                        self._section(first.paragraph),
                        [Candidate(form_field, rank)],
                        check=functools.partial(_check_option, by_label),
                        checkbox=True,
                    )
                )

    def index_fields(self) -> list[FormField]:
        return [f for s in self.form.sections_for(self.order.route) for f in s.fields_for(self.order.route)]

    def _table_slots(self, table: Element) -> None:
        """Label cells with an empty value cell beside them, or below them."""
        grid = _Grid(table)
        for row in grid.rows:
            for cell in row:
                label = _cell_label(cell.tc)
                if not label or _is_blank(label):
                    continue
                candidates = self.index.match_label(label)
                if not candidates:
                    continue
                right = grid.right_of(cell)
                target, how = None, ""
                if right is not None and _cell_is_blank(right.tc):
                    target, how = right, "till höger om"
                elif self._has_room_inside(cell.tc):
                    continue  # the label and its blank space share the cell: a paragraph slot
                else:
                    below = grid.below(cell)
                    if below is not None and below.span <= cell.span and _cell_is_blank(below.tc):
                        target, how = below, "under"
                if target is None:
                    continue
                self.used_labels.update(_cell_paragraphs(cell.tc))
                location = f"{self._where_cell(target.tc)}, {how} '{_short(label)}'"
                self._add(
                    _Slot(
                        [target.tc],
                        KIND_CELL,
                        location,
                        self._pos(cell.tc),
                        self._section(cell.tc),
                        candidates,
                        write_text=functools.partial(_fill_cell, target.tc),
                        label=label,
                    )
                )

    def _has_room_inside(self, tc: Element) -> bool:
        paragraphs = _cell_paragraphs(tc)
        texts = [_plain(_tokens(p)) for p in paragraphs]
        seen_label = False
        for text in texts:
            if not _is_blank(text):
                if _INLINE_FILL.match(text.strip("\n")) and normalise(text):
                    return True
                seen_label = True
            elif seen_label:
                return True
        return False

    def _paragraph_slots(self, container: Element) -> None:
        """A label paragraph followed by a blank paragraph, or a label with a line of filler."""
        blocks = [b for b in container if b.tag in (W_P, W_TBL, W_SDT)]
        kind = KIND_CELL if container.tag == W_TC else KIND_PARAGRAPH
        for index, block in enumerate(blocks):
            if block.tag != W_P or block in self.used_labels:
                continue
            tokens = _tokens(block)
            if _has_marks(tokens):
                continue
            text = _plain(tokens)
            if _is_blank(text):
                continue
            inline = _INLINE_FILL.match(text.strip("\n"))
            if inline and self.index.is_label(inline.group("label")):
                label = inline.group("label")
                stripped = text.strip("\n")
                length = len(text) - len(text.lstrip("\n")) + len(stripped[: inline.start("fill")].rstrip())
                location = f"{self._where_paragraph(block)}, efter '{_short(label)}'"
                self._add(
                    _Slot(
                        [block],
                        kind,
                        location,
                        self._pos(block),
                        self._section(block),
                        self.index.match_label(label),
                        write_text=functools.partial(_fill_inline, block, length),
                        label=label,
                    )
                )
                continue
            if self._is_section_title(block, text) or not self.index.is_label(text):
                continue
            following = blocks[index + 1] if index + 1 < len(blocks) else None
            if following is None or following.tag != W_P:
                continue
            next_tokens = _tokens(following)
            if _has_marks(next_tokens) or not _is_blank(_plain(next_tokens)):
                continue
            location = f"{self._where_paragraph(following)}, under '{_short(text.strip())}'"
            self._add(
                _Slot(
                    [following],
                    kind,
                    location,
                    self._pos(block),
                    self._section(block),
                    self.index.match_label(text),
                    write_text=functools.partial(_fill_blank_paragraph, following),
                    label=text,
                )
            )

    def _add(self, slot: _Slot) -> None:
        if slot.candidates:
            self.slots.append(slot)

    # -- benefit and variable tables -----------------------------------------------------------

    def _special_table(self, table: Element) -> None:
        grid = _Grid(table)
        for row_index in range(min(3, len(grid.rows))):
            roles = _header_roles(grid, row_index, VARIABLE_COLUMNS)
            if "variable" in roles and self.variable_table is None:
                self.variable_table, self.variable_columns = grid, roles
                self.variable_first_row = row_index + 1
                self.consumed_tables.add(table)
                return
            roles = _header_roles(grid, row_index, BENEFIT_COLUMNS)
            if "name" in roles and len(roles) >= 2 and self.benefit_table is None:
                below = _header_roles(grid, row_index + 1, BENEFIT_COLUMNS)
                first = row_index + 1
                if below and "name" not in below and {"from", "to"} & set(below):
                    roles.update(below)
                    first += 1
                self.benefit_table, self.benefit_columns = grid, roles
                self.benefit_first_row = first
                self.consumed_tables.add(table)
                return

    # -- assigning and writing -----------------------------------------------------------------

    def assign(self, values: list[tuple[FormField, str]]) -> dict[str, tuple[_Slot, str]]:
        """Give each field at most one slot: ids first, then same section, checkboxes, exact labels."""
        wanted = {f.id: (f, text) for f, text in values}
        pairs = []
        for slot_index, slot in enumerate(self.slots):
            for candidate in slot.candidates:
                form_field = candidate.field
                if form_field.id not in wanted:
                    continue
                if slot.checkbox:
                    if form_field.kind not in ("bool", "choice"):
                        continue
                    kind_penalty = 0
                else:
                    kind_penalty = 1 if form_field.kind == "bool" else 0
                if slot.section is None:
                    section_penalty = 1
                else:
                    section_penalty = 0 if slot.section == form_field.section_id else 2
                key = (
                    0 if candidate.rank == RANK_ID else 1,
                    section_penalty,
                    kind_penalty,
                    candidate.rank,
                    slot.position,
                    self.index.field_order(form_field.id),
                )
                pairs.append((key, slot_index, form_field.id))
        pairs.sort()
        used: set[Element] = set()
        chosen: dict[str, int] = {}
        for _key, slot_index, field_id in pairs:
            slot = self.slots[slot_index]
            if field_id in chosen or any(k in used for k in slot.keys):
                continue
            if slot.check is not None and not slot.check(self.order.get(field_id)):
                continue
            used.update(slot.keys)
            chosen[field_id] = slot_index
        # A combined label ("Ort och datum") also takes the fields named by its parts.
        sharing: dict[int, list[str]] = {index: [fid] for fid, index in chosen.items()}
        for field_id, slot_index in list(chosen.items()):
            slot = self.slots[slot_index]
            if slot.write_text is None:
                continue
            companions = [f.id for f in self.index.companions(slot.label)]
            if field_id not in companions:
                continue
            for other in companions:
                if other in wanted and other not in chosen:
                    chosen[other] = slot_index
                    sharing[slot_index].append(other)
            sharing[slot_index].sort(key=functools.partial(_rank_in, companions))
        result: dict[str, tuple[_Slot, str]] = {}
        for slot_index, field_ids in sharing.items():
            slot = self.slots[slot_index]
            texts = [wanted[fid][1] for fid in field_ids]
            if slot.write_text is not None:
                joiner = "\n" if any("\n" in t for t in texts) else ", "
                slot.write_text(joiner.join(texts))
            for fid in field_ids:
                result[fid] = (slot, wanted[fid][1])
        return result

    def fill_benefits(self, report: list[Placement], leftovers: list[tuple[str, str, str]]) -> None:
        benefits = self.order.benefits
        grid, roles = self.benefit_table, self.benefit_columns
        for number, benefit in enumerate(benefits, start=1):
            summary = _benefit_summary(benefit)
            field_id = f"förmån:{benefit.benefit or number}"
            if grid is None:
                leftovers.append((field_id, f"Förmån {number}", summary))
                continue
            values = {
                "name": benefit.name or benefit.benefit,
                "period": _period(benefit),
                "from": benefit.period_from,
                "to": benefit.period_to,
                "wishes": benefit.wishes,
            }
            row = _free_row(grid, self.benefit_first_row, roles)
            for role, col in roles.items():
                cell = grid.at(row, col)
                if cell is not None and values.get(role):
                    _fill_cell(cell.tc, clean_text(values[role]))
            part = self._part_of(grid.table)
            location = f"tabell {part.tables.get(grid.table, 0)}, rad {row + 1} (förmåner){part.where}"
            report.append(Placement(field_id, "Förmån", summary, KIND_CELL, location))
            has_period = "period" in roles or ("from" in roles and "to" in roles)
            if not has_period and (benefit.period_from or benefit.period_to):
                leftovers.append((field_id, f"Period för {benefit.name}", _period(benefit)))
            if "wishes" not in roles and benefit.wishes:
                leftovers.append((field_id, f"Önskemål för {benefit.name}", benefit.wishes))

    def fill_variables(self, report: list[Placement], leftovers: list[tuple[str, str, str]]) -> None:
        names = {b.benefit: b.name for b in self.order.benefits}
        grid, roles = self.variable_table, self.variable_columns
        for number, pick in enumerate(self.order.variables, start=1):
            benefit_name = names.get(pick.benefit, pick.benefit)
            summary = _variable_summary(pick, benefit_name)
            field_id = f"variabel:{pick.variable_id or number}"
            if grid is None:
                leftovers.append((field_id, f"Variabel {number}", summary))
                continue
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
            row = _free_row(grid, self.variable_first_row, roles)
            for role, col in roles.items():
                cell = grid.at(row, col)
                if cell is not None and values.get(role):
                    _fill_cell(cell.tc, clean_text(values[role]))
            part = self._part_of(grid.table)
            location = f"tabell {part.tables.get(grid.table, 0)}, rad {row + 1} (variabler){part.where}"
            report.append(Placement(field_id, "Variabel", summary, KIND_CELL, location))
            if "justification" not in roles and pick.justification:
                leftovers.append((field_id, f"Motivering för {shown}", pick.justification))

    def _appendix_group(self, field_id: str) -> str:
        """The heading an appendix entry is listed under: its section of the form."""
        if self.form.has_field(field_id):
            return self.form.section(self.form.field(field_id).section_id).title
        prefix = field_id.split(":", 1)[0]
        return {"förmån": "Uppgifter per förmån", "variabel": "Valda variabler"}.get(
            prefix, "Bifogade handlingar"
        )

    def write_appendix(self, entries: list[tuple[str, str, str]]) -> None:
        """The appendix at the end: every value that found no place, as 'label: value'."""
        doc = self.doc
        heading = doc.add_paragraph()
        with contextlib.suppress(KeyError):
            heading.style = doc.styles["Heading 1"]
        heading.paragraph_format.page_break_before = True
        run = heading.add_run(APPENDIX_TITLE)
        run.bold = True
        run.font.size = Pt(14)
        intro = doc.add_paragraph()
        intro.add_run(
            "Uppgifterna nedan hör till beställningen men hade ingen egen plats i blanketten."
        ).italic = True
        group = ""
        for field_id, label, value in entries:
            heading_text = self._appendix_group(field_id)
            if heading_text != group:
                group = heading_text
                sub = doc.add_paragraph()
                sub.paragraph_format.space_before = Pt(10)
                sub.paragraph_format.keep_with_next = True
                sub_run = sub.add_run(group)
                sub_run.bold = True
                sub_run.font.size = Pt(11.5)
            paragraph = doc.add_paragraph()
            paragraph.add_run(f"{label}: ").bold = True
            lines = value.split("\n")
            for index, line in enumerate(lines):
                line_run = paragraph.add_run(line)
                if index < len(lines) - 1:
                    line_run.add_break()


def _rank_in(order: list[str], field_id: str) -> int:
    return order.index(field_id) if field_id in order else -1


def _is_bool(form_field: FormField) -> bool:
    return form_field.kind == "bool"


def _check_single(item: _CheckItem, value: FieldValue) -> bool:
    if not isinstance(value, bool):
        return False
    item.set(value)
    return True


def _check_yes_no(group: dict[str, _CheckItem], value: FieldValue) -> bool:
    if not isinstance(value, bool):
        return False
    group["ja"].set(value)
    group["nej"].set(not value)
    return True


def _check_option(group: dict[str, _CheckItem], value: FieldValue) -> bool:
    if not isinstance(value, str) or normalise(value) not in group:
        return False
    for key, item in group.items():
        item.set(key == normalise(value))
    return True


def _set_dropdown(legacy: _LegacyField, value: FieldValue) -> bool:
    data = legacy.ffdata
    box = None if data is None else data.find(qn("w:ddList"))
    if box is None or not isinstance(value, str):
        return False
    entries = [e.get(W_VAL, "") for e in box.findall(qn("w:listEntry"))]
    if value not in entries:
        return False
    for node in box.findall(qn("w:result")):
        box.remove(node)
    result = OxmlElement("w:result")
    result.set(W_VAL, str(entries.index(value)))
    box.insert(0, result)
    return True


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


def _header_roles(grid: _Grid, row: int, columns: dict[str, tuple[str, ...]]) -> dict[str, int]:
    roles: dict[str, int] = {}
    if not 0 <= row < len(grid.rows):
        return roles
    for cell in grid.rows[row]:
        key = normalise(_cell_label(cell.tc))
        for role, words in columns.items():
            if key in words and role not in roles:
                roles[role] = cell.col
                break
    return roles


def _free_row(grid: _Grid, first: int, roles: dict[str, int]) -> int:
    """The first data row whose role cells are empty; a copy of the last row is added when none is."""
    for row in range(first, len(grid.rows)):
        cells = [grid.at(row, col) for col in roles.values()]
        if all(c is not None and _cell_is_blank(c.tc) for c in cells):
            for cell in cells:
                assert cell is not None
                _fill_cell(cell.tc, "")  # claim the row (filler removed) so the next value goes below
                _claim(cell.tc)
            return row
    template = grid.row_elements[-1]
    new_row = copy.deepcopy(template)
    for tc in new_row.iter(W_TC):
        for paragraph in _cell_paragraphs(tc):
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
    refreshed = _Grid(grid.table)
    grid.rows, grid.row_elements = refreshed.rows, refreshed.row_elements
    for tc in new_row.iter(W_TC):
        _claim(tc)
    return len(grid.rows) - 1


_CLAIM = qn("w:claimed-by-filler")


def _claim(tc: Element) -> None:
    """Mark a table row cell as taken (a zero-width marker removed before saving)."""
    paragraphs = _cell_paragraphs(tc)
    if paragraphs:
        marker = OxmlElement("w:r")
        node = OxmlElement("w:t")
        node.text = "\u200b"
        node.set(_CLAIM, "1")
        marker.append(node)
        paragraphs[0].append(marker)


def _unclaim(root: Element) -> None:
    for node in list(root.iter(W_T)):
        if node.get(_CLAIM) == "1":
            run = node.getparent()
            if run is not None:
                _detach(run)


def _period(benefit: BenefitRequest) -> str:
    if benefit.period_from and benefit.period_to:
        return f"{benefit.period_from} – {benefit.period_to}"
    if benefit.period_from:
        return f"från {benefit.period_from}"
    if benefit.period_to:
        return f"till {benefit.period_to}"
    return ""


def _benefit_summary(benefit: BenefitRequest) -> str:
    parts = [benefit.name or benefit.benefit]
    if _period(benefit):
        parts.append(f"period {_period(benefit)}")
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


def fill_fk_form(order: Order, template: Path, out: Path) -> FillReport:
    """Fill FK's own Word form with the order's values and write it to `out` atomically.

    Raises TemplateError when the template cannot be used (not a .docx, damaged, password-protected).
    """
    template, out = Path(template), Path(out)
    doc = _open_template(template)
    try:
        report = _fill(doc, order, template, out)
    except (
        ValueError,
        KeyError,
        IndexError,
        AttributeError,
        TypeError,
        AssertionError,
        etree.LxmlError,
    ) as exc:
        raise TemplateError(
            f"{template.name} är uppbyggd på ett sätt som programmet inte kan fylla i "
            f"({exc.__class__.__name__}: {exc}). Skicka programmets egen blankett i stället."
        ) from exc
    with atomic_path(out) as tmp:
        doc.save(str(tmp))
    return report


def _fill(doc: DocxDocument, order: Order, template: Path, out: Path) -> FillReport:
    """Fill the opened document in memory; the caller saves it."""
    filler = _Filler(doc, order)
    filler.collect()
    values = [(f, clean_text(text)) for f, text in filled_fields(order, filler.form)]
    assigned = filler.assign(values)
    report: list[Placement] = []
    leftovers: list[tuple[str, str, str]] = []
    for form_field, text in values:
        if form_field.id in assigned:
            slot, _ = assigned[form_field.id]
            report.append(Placement(form_field.id, form_field.label, text, slot.kind, slot.location))
        else:
            leftovers.append((form_field.id, form_field.label, text))
    filler.fill_benefits(report, leftovers)
    filler.fill_variables(report, leftovers)
    for attachment in order.attachments:
        title = attachment.title or Path(attachment.path).name
        leftovers.append(
            (
                f"bilaga:{attachment.kind}",
                "Bifogad handling",
                clean_text(f"{title} ({Path(attachment.path).name})" if attachment.path else title),
            )
        )
    for part in filler.parts:
        _unclaim(part.root)
    if leftovers:
        filler.write_appendix(leftovers)
        location = "bilagan sist i dokumentet"
        report.extend(Placement(i, label, value, KIND_APPENDIX, location) for i, label, value in leftovers)
    return FillReport(template, out, report)
