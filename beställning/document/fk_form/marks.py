"""Slots inside marks: content controls (w:sdt), legacy form fields and checkboxes.

A mark names itself (a control's tag or title, a form field's name or the bookmark around it) and
usually has its label as text in front of it; both are matched against our form's fields. Boxes
are collected first and turned into slots together, since a Ja/Nej pair or a group of options in
one cell or paragraph belongs to one field.
"""

from __future__ import annotations

import functools

from docx.oxml.ns import qn

from beställning.document.fk_form.checkboxes import CheckItem, check_option, check_single, check_yes_no
from beställning.document.fk_form.layout import short
from beställning.document.fk_form.nearby import context, label_before_block, label_beside_cell
from beställning.document.fk_form.ooxml import (
    RUN_WRAPPERS,
    W14_CHECKBOX,
    W_P,
    W_R,
    W_SDT,
    W_SDTCONTENT,
    W_SDTPR,
    W_TBL,
    W_TC,
    W_TR,
    W_VAL,
    Element,
    owner_cell,
    owner_table,
)
from beställning.document.fk_form.report import KIND_CELL, KIND_CONTROL, KIND_FORMFIELD, KIND_PARAGRAPH
from beställning.document.fk_form.runs import run_text
from beställning.document.fk_form.slots import Slot, SlotFinder, merge
from beställning.document.fk_form.tokens import Glyph, LegacyField, tokens
from beställning.document.fk_form.write import fill_formtext, fill_sdt, set_dropdown
from beställning.document.labels import RANK_LOOSE, Candidate, normalise
from beställning.form import FormField

_SKIPPED_SDT = {
    qn(f"w:{t}") for t in ("docPartObj", "docPartList", "picture", "group", "citation", "bibliography", "equation")
}


def marks_in_paragraph(finder: SlotFinder, paragraph: Element, checks: list[CheckItem]) -> None:
    """Slots for the controls and form fields in a paragraph; its checkboxes go to `checks`."""
    found = tokens(paragraph)
    for index, token in enumerate(found):
        if isinstance(token, str):
            continue
        before, after = context(found, index)
        if isinstance(token, Glyph):
            checks.append(
                _check_item(
                    token,
                    before,
                    after,
                    [],
                    paragraph,
                    KIND_CELL if owner_cell(paragraph) is not None else KIND_PARAGRAPH,
                )
            )
        elif isinstance(token, LegacyField):
            _legacy_slot(finder, token, before, after, paragraph, checks)
        elif token.tag == W_SDT:
            _sdt_slot(finder, token, before, after, paragraph, checks)


def _check_item(
    mark: Element | LegacyField | Glyph,
    before: str,
    after: str,
    names: list[str],
    paragraph: Element,
    kind: str,
) -> CheckItem:
    own = after or before
    group = before if after else ""
    if not group:
        group = label_before_block(paragraph)
    return CheckItem(mark, own, group, names, paragraph, kind)


def _legacy_slot(
    finder: SlotFinder,
    legacy: LegacyField,
    before: str,
    after: str,
    paragraph: Element,
    checks: list[CheckItem],
) -> None:
    names = [legacy.name, *_bookmarks_around(paragraph, legacy.begin)]
    names = [n for n in names if n]
    if legacy.kind == "FORMCHECKBOX":
        checks.append(_check_item(legacy, before, after, names, paragraph, KIND_FORMFIELD))
        return
    if legacy.kind not in ("FORMTEXT", "FORMDROPDOWN") or legacy.end is None:
        return
    layout, index = finder.layout, finder.index
    label = before or label_before_block(paragraph)
    candidates = merge(*(index.match_name(n) for n in names), index.match_label(label))
    shown = legacy.name or label or "utan namn"
    location = f"formulärfältet '{short(shown)}' ({layout.where_paragraph(paragraph)})"
    text_field = legacy.kind == "FORMTEXT"  # otherwise a dropdown, filled by choosing an entry
    finder.add(
        Slot(
            [legacy.begin],
            KIND_FORMFIELD,
            location,
            layout.pos(paragraph),
            layout.section(paragraph),
            candidates,
            write_text=functools.partial(fill_formtext, legacy) if text_field else None,
            check=None if text_field else functools.partial(set_dropdown, legacy),
            label=label if text_field else "",
        )
    )


def _bookmarks_around(paragraph: Element, begin: Element) -> list[str]:
    """Names of bookmarks that start before a field's begin run and end after it."""
    order = {element: i for i, element in enumerate(paragraph.iter())}
    start_at = order.get(begin, 0)
    ends = {e.get(qn("w:id")): order[e] for e in paragraph.iter(qn("w:bookmarkEnd"))}
    names = []
    for start in paragraph.iter(qn("w:bookmarkStart")):
        if order[start] < start_at and ends.get(start.get(qn("w:id")), 10**9) > start_at:
            names.append(start.get(qn("w:name"), ""))
    return [n for n in names if n and not n.startswith("_")]


def _sdt_names(sdt: Element) -> list[str]:
    props = sdt.find(W_SDTPR)
    if props is None:
        return []
    names = []
    for tag in ("tag", "alias"):
        node = props.find(qn(f"w:{tag}"))
        if node is not None and node.get(W_VAL):
            names.append(node.get(W_VAL, ""))
    return names


def _sdt_usable(sdt: Element) -> bool:
    """A control that holds one value: not a building block, picture, or wrapper of rows or tables."""
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
    finder: SlotFinder, sdt: Element, before: str, after: str, paragraph: Element, checks: list[CheckItem]
) -> None:
    if not _sdt_usable(sdt):
        return
    names = _sdt_names(sdt)
    props = sdt.find(W_SDTPR)
    if props is not None and props.find(W14_CHECKBOX) is not None:
        checks.append(_check_item(sdt, before, after, names, paragraph, KIND_CONTROL))
        return
    label = before or label_before_block(paragraph)
    _add_sdt_text(finder, sdt, names, label, paragraph)


def block_sdt(finder: SlotFinder, sdt: Element, consumed_tables: set[Element]) -> None:
    """Content controls around paragraphs or cells (not inside a paragraph)."""
    parent = sdt.getparent()
    if parent is None or parent.tag == W_P or parent.tag in RUN_WRAPPERS:
        return
    if owner_table(sdt) in consumed_tables or not _sdt_usable(sdt):
        return
    content = sdt.find(W_SDTCONTENT)
    cell = None if content is None else content.find(W_TC)
    names = _sdt_names(sdt)
    props = sdt.find(W_SDTPR)
    anchor = next(sdt.iter(W_P), None)
    if props is not None and props.find(W14_CHECKBOX) is not None:
        return  # block-level checkboxes do not occur in Word's own output
    label = label_beside_cell(cell) if cell is not None else label_before_block(sdt)
    _add_sdt_text(finder, sdt, names, label, anchor if anchor is not None else sdt)


def _add_sdt_text(finder: SlotFinder, sdt: Element, names: list[str], label: str, anchor: Element) -> None:
    layout, index = finder.layout, finder.index
    candidates = merge(*(index.match_name(n) for n in names), index.match_label(label))
    shown = names[-1] if names else label or "utan namn"
    where = layout.where_paragraph(anchor) if anchor.tag == W_P else layout.part_of(anchor).where.strip()
    location = f"innehållskontrollen '{short(shown)}' ({where or 'dokumentet'})"
    placeholder = "".join(run_text(r) for r in sdt.iter(W_R))
    finder.add(
        Slot(
            [sdt],
            KIND_CONTROL,
            location,
            layout.pos(sdt),
            layout.section(sdt),
            candidates,
            write_text=functools.partial(fill_sdt, sdt),
            label=label,
        ),
        f"{' '.join(names)} {placeholder}",
    )


def _is_bool(form_field: FormField) -> bool:
    return form_field.kind == "bool"


def _box_groups(checks: list[CheckItem]) -> list[list[CheckItem]]:
    """Boxes that answer one question: those in one cell, in one paragraph outside tables, or, when
    each cell of a row holds one box ("| Samkörning | ☐ Ja | ☐ Nej |"), those in one row."""
    by_owner: dict[Element, list[CheckItem]] = {}
    for item in checks:
        owner = owner_cell(item.paragraph)
        by_owner.setdefault(owner if owner is not None else item.paragraph, []).append(item)
    by_row: dict[Element, list[CheckItem]] = {}
    groups: list[list[CheckItem]] = []
    for owner, items in by_owner.items():
        row = owner.getparent() if owner.tag == W_TC else None
        if len(items) == 1 and row is not None and row.tag == W_TR:
            by_row.setdefault(row, []).extend(items)
        else:
            groups.append(items)
    groups.extend(items for items in by_row.values() if len(items) >= 2)
    return groups


def checkbox_slots(finder: SlotFinder, checks: list[CheckItem], fields: list[FormField]) -> None:
    """Each box as a yes/no slot, and boxes sharing a cell or paragraph as a Ja/Nej or choice slot."""
    layout, index = finder.layout, finder.index
    # Single checkboxes: the text beside them is a yes/no field's label.
    for item in checks:
        candidates = merge(
            *(index.match_name(n) for n in item.names),
            index.match_label(item.own_label, _is_bool),
        )
        candidates = [c for c in candidates if c.field.kind == "bool"]
        location = f"kryssrutan '{short(item.own_label)}' ({layout.where_paragraph(item.paragraph)})"
        finder.add(
            Slot(
                [item.key],
                item.kind,
                location,
                layout.pos(item.paragraph),
                layout.section(item.paragraph),
                candidates,
                check=functools.partial(check_single, item),
                checkbox=True,
            )
        )
    for items in _box_groups(checks):
        if len(items) < 2:
            continue
        first = items[0]
        label = first.group_label
        keys = [i.key for i in items]
        where = layout.where_paragraph(first.paragraph)
        by_label = {normalise(i.own_label): i for i in items}
        if "ja" in by_label and "nej" in by_label:
            candidates = index.match_label(label, _is_bool)
            location = f"kryssrutorna Ja/Nej vid '{short(label)}' ({where})"
            finder.add(
                Slot(
                    keys,
                    first.kind,
                    location,
                    layout.pos(first.paragraph),
                    layout.section(first.paragraph),
                    candidates,
                    check=functools.partial(check_yes_no, by_label),
                    checkbox=True,
                )
            )
            continue
        for form_field in fields:
            if form_field.kind != "choice":
                continue
            options = index.option_keys(form_field)
            if len({options[k] for k in set(options) & set(by_label)}) < 2:
                continue
            ranks = [c.rank for c in index.match_label(label) if c.field.id == form_field.id]
            rank = min(ranks, default=RANK_LOOSE)
            shown = label if ranks else form_field.label  # the text above may be unrelated
            location = f"kryssrutorna vid '{short(shown)}' ({where})"
            finder.add(
                Slot(
                    keys,
                    first.kind,
                    location,
                    layout.pos(first.paragraph),
                    layout.section(first.paragraph),
                    [Candidate(form_field, rank)],
                    check=functools.partial(check_option, by_label, options),
                    checkbox=True,
                )
            )
