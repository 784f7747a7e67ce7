"""A paragraph read as plain text interleaved with marks: content controls, form fields, ☐ glyphs.

Finding a field means knowing what text stands before and after each mark, so the paragraph is
flattened into tokens once: strings for text, and objects for the marks that can take a value.
Text inside a legacy field's result belongs to the field, not to the paragraph's text.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from docx.oxml.ns import qn

from beställning.document.fk_form.ooxml import (
    RUN_WRAPPERS,
    W_BR,
    W_CR,
    W_FFDATA,
    W_FLDCHAR,
    W_INSTR,
    W_R,
    W_SDT,
    W_T,
    W_TAB,
    W_VAL,
    Element,
)
from beställning.document.fk_form.runs import run_text

CHECK_GLYPHS = {"☐": False, "☒": True, "☑": True}
_FILLER_CHARS = set(" \t\u00a0\u2002\u2003\u2009\u202f_.…-–—·")


@dataclass
class LegacyField:
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
class Glyph:
    """A checkbox drawn as a character (☐/☒) in a text node."""

    t: Element
    offset: int


Token = str | Element | LegacyField | Glyph  # str: plain text; Element: a run-level w:sdt


def tokens(paragraph: Element) -> list[Token]:
    """The paragraph as plain text pieces and marks (content controls, form fields, ☐ glyphs)."""
    found: list[Token] = []
    stack: list[LegacyField | None] = []  # open fields; None for fields that are not form fields

    def in_form_field() -> bool:
        return any(f is not None for f in stack)

    def on_run(run: Element) -> None:
        for child in run:
            if child.tag == W_FLDCHAR:
                kind = child.get(qn("w:fldCharType"))
                if kind == "begin":
                    legacy = LegacyField(run) if child.find(W_FFDATA) is not None and not stack else None
                    stack.append(legacy)
                elif kind == "separate" and stack:
                    if stack[-1] is not None:
                        stack[-1].separate = run
                elif kind == "end" and stack:
                    legacy = stack.pop()
                    if legacy is not None:
                        legacy.end = run
                        if legacy.kind.startswith("FORM"):
                            found.append(legacy)
                        else:
                            found.append("".join(run_text(r) for r in legacy.result))
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
                        if ch in CHECK_GLYPHS:
                            found.append(text[start:offset])
                            found.append(Glyph(child, offset))
                            start = offset + 1
                    found.append(text[start:])
                else:
                    found.append("\t" if child.tag == W_TAB else "\n")

    def walk(element: Element) -> None:
        for child in element:
            if child.tag == W_R:
                on_run(child)
            elif child.tag == W_SDT:
                if in_form_field():
                    continue
                found.append(child)
            elif child.tag in RUN_WRAPPERS:
                walk(child)

    walk(paragraph)
    return found


def plain(found: list[Token]) -> str:
    return "".join(t for t in found if isinstance(t, str))


def has_marks(found: list[Token]) -> bool:
    return any(not isinstance(t, str) for t in found)


def is_blank(text: str) -> bool:
    """Only spaces and filler (underscores, dots, dashes): room for a value, not a label."""
    return all(ch in _FILLER_CHARS or ch.isspace() for ch in text)
