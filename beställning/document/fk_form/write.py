"""Writing a text value into each kind of slot: a paragraph, a cell, a control, a form field.

Each writer keeps the form's own formatting where it can (the paragraph mark's or the label's run
properties), removes the blank it replaces (underscores, placeholder text) and lets a row of exact
height grow, so a long value is never cut off.
"""

from __future__ import annotations

import re

from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from beställning.document.fk_form.ooxml import (
    W_BR,
    W_CR,
    W_P,
    W_R,
    W_RPR,
    W_SDTCONTENT,
    W_SDTPR,
    W_T,
    W_TAB,
    W_TC,
    W_TR,
    W_VAL,
    Element,
    cell_paragraphs,
    detach,
)
from beställning.document.fk_form.runs import clean_rpr, mark_rpr, new_run, run_text, set_run_text
from beställning.document.fk_form.tokens import LegacyField
from beställning.order import FieldValue


def _fill_paragraph(paragraph: Element, text: str) -> None:
    """Replace a blank paragraph's runs (filler included) with the value."""
    rpr = mark_rpr(paragraph)
    for child in list(paragraph):
        if child.tag in (W_R, qn("w:proofErr"), qn("w:hyperlink"), qn("w:fldSimple")):
            paragraph.remove(child)
    paragraph.append(new_run(text, rpr))


def fill_blank_paragraph(paragraph: Element, text: str) -> None:
    _fill_paragraph(paragraph, text)
    grow_row(paragraph)


def fill_cell(tc: Element, text: str) -> None:
    paragraphs = cell_paragraphs(tc)
    if not paragraphs:
        paragraph = OxmlElement("w:p")
        tc.append(paragraph)
        paragraphs = [paragraph]
    _fill_paragraph(paragraphs[0], text)
    for extra in paragraphs[1:]:
        for run in extra.findall(W_R):
            extra.remove(run)
    grow_row(tc)


def grow_row(element: Element) -> None:
    """A row of exact height would cut a long value off: let it grow."""
    parent = element.getparent()
    while parent is not None and parent.tag != W_TR:
        parent = parent.getparent()
    if parent is not None:
        height = parent.find(f"{qn('w:trPr')}/{qn('w:trHeight')}")
        if height is not None and height.get(qn("w:hRule")) == "exact":
            height.set(qn("w:hRule"), "atLeast")


def fill_inline(paragraph: Element, label_length: int, text: str) -> None:
    """'Label: ______': keep the label, replace the filler after it with the value."""
    position, last_label_run = 0, None
    for run in list(paragraph.iter(W_R)):
        content = run_text(run)
        if position >= label_length:
            detach(run)
        else:
            if position + len(content) > label_length:
                set_run_text(run, content[: label_length - position])
            last_label_run = run
        position += len(content)
    rpr = clean_rpr(last_label_run.find(W_RPR), plain=True) if last_label_run is not None else None
    value_run = new_run(" " + text, rpr)
    if last_label_run is not None:
        last_label_run.addnext(value_run)
    else:
        paragraph.append(value_run)
    grow_row(paragraph)


def _is_placeholder_run(run: Element) -> bool:
    rpr = run.find(W_RPR)
    style = None if rpr is None else rpr.find(qn("w:rStyle"))
    name = "" if style is None else style.get(W_VAL, "").casefold()
    return "placeholder" in name or "platsh" in name


def surrounding_rpr(sdt: Element) -> Element | None:
    """How the text around a control is formatted: the run before it, else the paragraph mark.

    A filled control takes this instead of its placeholder's grey, small or italic look.
    """
    parent = sdt.getparent()
    inner = next(sdt.iter(W_P), None)
    if inner is not None:  # a block control: its own paragraph's mark
        return mark_rpr(inner)
    sibling = sdt.getprevious()
    while sibling is not None:
        if sibling.tag == W_R and run_text(sibling).strip():
            return clean_rpr(sibling.find(W_RPR), plain=True)
        sibling = sibling.getprevious()
    paragraph = parent
    while paragraph is not None and paragraph.tag != W_P:
        paragraph = paragraph.getparent()
    return mark_rpr(paragraph) if paragraph is not None else None


def fill_sdt(sdt: Element, text: str) -> None:
    """Set a content control's text: the first w:t gets the value, the others are cleared.

    A control showing its placeholder loses the placeholder's look (the Placeholder Text style,
    its grey colour and size) and takes the formatting of the text around it.
    """
    props = sdt.find(W_SDTPR)
    content = sdt.find(W_SDTCONTENT)
    if content is None:
        content = OxmlElement("w:sdtContent")
        sdt.append(content)
    showing = props is not None and props.find(qn("w:showingPlcHdr")) is not None
    first_run = next(content.iter(W_R), None)
    if first_run is not None and (showing or _is_placeholder_run(first_run)):
        for rpr in first_run.findall(W_RPR):
            first_run.remove(rpr)
        own = surrounding_rpr(sdt)
        if own is not None:
            first_run.insert(0, own)
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
        target.append(new_run(text, None))
    else:
        set_run_text(runs[0], text)
        for run in runs[1:]:
            for child in list(run):
                if child.tag in (W_T, W_TAB, W_BR, W_CR):
                    run.remove(child)
    grow_row(sdt)


def fill_formtext(legacy: LegacyField, text: str) -> None:
    """Put a value between a FORMTEXT field's separate and end marks."""
    assert legacy.end is not None
    data = legacy.ffdata
    limit = None if data is None else data.find(f"{qn('w:textInput')}/{qn('w:maxLength')}")
    if limit is not None and len(text) > int(limit.get(W_VAL, "0") or 0):
        detach(limit)
    rpr = None
    if legacy.result and legacy.result[0].find(W_RPR) is not None:
        rpr = clean_rpr(legacy.result[0].find(W_RPR))
    elif legacy.begin.find(W_RPR) is not None:
        rpr = clean_rpr(legacy.begin.find(W_RPR))
    for run in legacy.result:
        detach(run)
    if legacy.separate is None:
        separate = OxmlElement("w:r")
        char = OxmlElement("w:fldChar")
        char.set(qn("w:fldCharType"), "separate")
        separate.append(char)
        legacy.end.addprevious(separate)
        legacy.separate = separate
    value_run = new_run(text, rpr)
    legacy.end.addprevious(value_run)
    legacy.result = [value_run]
    grow_row(legacy.end)


def set_dropdown(legacy: LegacyField, value: FieldValue) -> bool:
    """Choose a FORMDROPDOWN entry; False (nothing written) when the value is not one of them."""
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
