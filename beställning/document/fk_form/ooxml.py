"""WordprocessingML names and tree walking shared by every part of the filler.

One place for the qualified tag names (w:p, w:sdt, ...) and for the few questions asked of the
tree everywhere: which table or cell owns an element, and which paragraphs a cell holds itself
(not those of a table nested in it).
"""

from __future__ import annotations

from docx.oxml.ns import qn
from lxml import etree

Element = etree._Element

W_P, W_R, W_T, W_TAB, W_BR, W_CR = (qn(f"w:{t}") for t in ("p", "r", "t", "tab", "br", "cr"))
W_TBL, W_TR, W_TC, W_SDT = qn("w:tbl"), qn("w:tr"), qn("w:tc"), qn("w:sdt")
W_SDTPR, W_SDTCONTENT = qn("w:sdtPr"), qn("w:sdtContent")
W_RPR, W_PPR, W_TCPR = qn("w:rPr"), qn("w:pPr"), qn("w:tcPr")
W_FLDCHAR, W_INSTR, W_FFDATA = qn("w:fldChar"), qn("w:instrText"), qn("w:ffData")
W_VAL = qn("w:val")
W14_CHECKBOX, W14_CHECKED, W14_VAL = qn("w14:checkbox"), qn("w14:checked"), qn("w14:val")
# Wrappers whose runs belong to the paragraph's text; deleted text (w:del) is not part of it.
RUN_WRAPPERS = {qn(f"w:{t}") for t in ("hyperlink", "ins", "smartTag", "customXml", "fldSimple", "moveTo")}


def detach(element: Element) -> None:
    parent = element.getparent()
    if parent is not None:
        parent.remove(element)


def owner_table(element: Element) -> Element | None:
    parent = element.getparent()
    while parent is not None and parent.tag != W_TBL:
        parent = parent.getparent()
    return parent


def owner_cell(element: Element) -> Element | None:
    parent = element.getparent()
    while parent is not None and parent.tag != W_TC:
        parent = parent.getparent()
    return parent


def cell_paragraphs(tc: Element) -> list[Element]:
    return [p for p in tc.iter(W_P) if owner_cell(p) is tc]
