"""Choosing one slot per field when several labels could hold it, and writing the text values.

Ties are broken in a fixed order, so the same form and order always give the same result: a slot
named by the field's id first, then one in the field's own section, a checkbox for a yes/no field,
the best label match, the earlier place in the document, the field's order in our form.
"""

from __future__ import annotations

import functools

from beställning.document.fk_form.ooxml import Element
from beställning.document.fk_form.slots import Slot
from beställning.document.labels import RANK_ID, LabelIndex
from beställning.form import FormField
from beställning.order import Order


def assign(
    slots: list[Slot], values: list[tuple[FormField, str]], index: LabelIndex, order: Order
) -> dict[str, tuple[Slot, str]]:
    """Give each field at most one slot: ids first, then same section, checkboxes, exact labels."""
    wanted = {f.id: (f, text) for f, text in values}
    pairs = []
    for slot_index, slot in enumerate(slots):
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
                index.field_order(form_field.id),
            )
            pairs.append((key, slot_index, form_field.id))
    pairs.sort()
    used: set[Element] = set()
    chosen: dict[str, int] = {}
    for _key, slot_index, field_id in pairs:
        slot = slots[slot_index]
        if field_id in chosen or any(k in used for k in slot.keys):
            continue
        if slot.check is not None and not slot.check(order.get(field_id)):
            continue
        used.update(slot.keys)
        chosen[field_id] = slot_index
    # A combined label ("Ort och datum") also takes the fields named by its parts.
    sharing: dict[int, list[str]] = {slot_index: [fid] for fid, slot_index in chosen.items()}
    for field_id, slot_index in list(chosen.items()):
        slot = slots[slot_index]
        if slot.write_text is None:
            continue
        companions = [f.id for f in index.companions(slot.label)]
        if field_id not in companions:
            continue
        for other in companions:
            if other in wanted and other not in chosen:
                chosen[other] = slot_index
                sharing[slot_index].append(other)
        sharing[slot_index].sort(key=functools.partial(_rank_in, companions))
    result: dict[str, tuple[Slot, str]] = {}
    for slot_index, field_ids in sharing.items():
        slot = slots[slot_index]
        texts = [wanted[fid][1] for fid in field_ids]
        if slot.write_text is not None:
            joiner = "\n" if any("\n" in t for t in texts) else ", "
            slot.write_text(joiner.join(texts))
        for fid in field_ids:
            result[fid] = (slot, wanted[fid][1])
    return result


def _rank_in(order: list[str], field_id: str) -> int:
    return order.index(field_id) if field_id in order else -1
