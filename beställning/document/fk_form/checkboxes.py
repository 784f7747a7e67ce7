"""Checkboxes of every kind (content control, legacy form field, ☐ glyph) behind one interface.

A yes/no field may be one box, a Ja/Nej pair, or a choice field a group of boxes named by its
options; the check functions here tick the right boxes and answer False when the value does not
fit, so the field can look for another place (or the appendix) instead.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass

from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from lxml import etree

from beställning.document.fk_form.ooxml import (
    W14_CHECKBOX,
    W14_CHECKED,
    W14_VAL,
    W_P,
    W_R,
    W_SDTCONTENT,
    W_SDTPR,
    W_T,
    W_VAL,
    Element,
)
from beställning.document.fk_form.runs import set_run_text
from beställning.document.fk_form.tokens import Glyph, LegacyField
from beställning.document.labels import normalise
from beställning.order import FieldValue

CHECKED_GLYPH, UNCHECKED_GLYPH = "☒", "☐"


def set_sdt_checkbox(sdt: Element, checked: bool) -> None:
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
        set_run_text(run, glyph)


def set_formcheckbox(legacy: LegacyField, checked: bool) -> None:
    data = legacy.ffdata
    box = None if data is None else data.find(qn("w:checkBox"))
    assert box is not None
    for node in box.findall(qn("w:checked")):
        box.remove(node)
    node = OxmlElement("w:checked")
    node.set(W_VAL, "1" if checked else "0")
    box.append(node)


def set_glyph(glyph: Glyph, checked: bool) -> None:
    text = glyph.t.text or ""
    mark = CHECKED_GLYPH if checked else UNCHECKED_GLYPH
    glyph.t.text = text[: glyph.offset] + mark + text[glyph.offset + 1 :]


@dataclass
class CheckItem:
    """One checkbox, whatever kind, with the text beside it."""

    mark: Element | LegacyField | Glyph
    own_label: str
    group_label: str
    names: list[str]
    paragraph: Element
    kind: str

    def set(self, checked: bool) -> None:
        if isinstance(self.mark, Glyph):
            set_glyph(self.mark, checked)
        elif isinstance(self.mark, LegacyField):
            set_formcheckbox(self.mark, checked)
        else:
            set_sdt_checkbox(self.mark, checked)

    @property
    def key(self) -> Element:
        if isinstance(self.mark, Glyph):
            return self.mark.t
        if isinstance(self.mark, LegacyField):
            return self.mark.begin
        return self.mark


def check_single(item: CheckItem, value: FieldValue) -> bool:
    if not isinstance(value, bool):
        return False
    item.set(value)
    return True


def check_yes_no(group: dict[str, CheckItem], value: FieldValue) -> bool:
    if not isinstance(value, bool):
        return False
    group["ja"].set(value)
    group["nej"].set(not value)
    return True


def check_option(group: dict[str, CheckItem], options: dict[str, str], value: FieldValue) -> bool:
    """Tick the box whose text stands for `value` (`options`: box text key -> option), clear the rest."""
    if not isinstance(value, str):
        return False
    wanted = options.get(normalise(value), value)
    if not any(options.get(key) == wanted for key in group):
        return False
    for key, item in group.items():
        item.set(options.get(key) == wanted)
    return True
