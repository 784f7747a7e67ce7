"""Choosing one slot per field, never a slot that another field matches better, and writing the text.

Each slot belongs to the fields that match it best, ranked in a fixed order: a slot named by the
field's id first, then one in the field's own section, a checkbox for a yes/no field, the most
specific label match. A slot whose best match is shared by two fields with nothing to tell them
apart is ambiguous: it is left empty and reported, never guessed. A field takes the best of the
slots that belong to it, the earlier place in the document breaking a tie; so a value never lands
in a field that better matches another value, and the same form and order always give the same
result.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass

from beställning.document.fk_form.ooxml import Element
from beställning.document.fk_form.slots import Slot
from beställning.document.labels import RANK_ID, Candidate, LabelIndex
from beställning.form import FormField
from beställning.order import FieldValue

Key = tuple[int, int, int, int]


@dataclass(frozen=True)
class Ambiguity:
    """A place in the form that two or more fields match equally well: left empty."""

    location: str
    field_ids: tuple[str, ...]
    labels: tuple[str, ...]


@dataclass
class Assignment:
    """The outcome of assigning: the slot of each placed field, and the places left empty."""

    placed: dict[str, tuple[Slot, str]]
    ambiguous: list[Ambiguity]
    lost_to: dict[str, str]  # field id -> label of the field that took its only fitting place


def _key(slot: Slot, candidate: Candidate) -> Key | None:
    """How well `candidate` fits `slot` (lower is better), or None when it cannot hold it at all."""
    form_field = candidate.field
    if slot.checkbox:
        if form_field.kind not in ("bool", "choice"):
            return None
        kind_penalty = 0
    else:
        kind_penalty = 1 if form_field.kind == "bool" else 0
    if slot.section is None:
        section_penalty = 1
    else:
        section_penalty = 0 if slot.section == form_field.section_id else 2
    return (0 if candidate.rank == RANK_ID else 1, section_penalty, kind_penalty, candidate.rank)


def assign(
    slots: list[Slot],
    values: list[tuple[FormField, str]],
    index: LabelIndex,
    value_of: Callable[[str], FieldValue],
) -> Assignment:
    """Give each field at most one slot, of those it matches best; write the text values."""
    wanted = {f.id: (f, text) for f, text in values}
    pairs: list[tuple[Key, int, int, int, str]] = []
    ambiguous: list[Ambiguity] = []
    owners: dict[int, set[str]] = {}
    for slot_index, slot in enumerate(slots):
        keyed = [(k, c) for c in slot.candidates if (k := _key(slot, c)) is not None]
        if not keyed:
            continue
        best = min(k for k, _ in keyed)
        winners = [c.field for k, c in keyed if k == best]
        companions = {f.id for f in index.companions(slot.label)} if slot.write_text is not None else set()
        if len(winners) > 1 and not {f.id for f in winners} <= companions:
            if any(f.id in wanted for f in winners):
                ambiguous.append(
                    Ambiguity(slot.location, tuple(f.id for f in winners), tuple(f.label for f in winners))
                )
            continue
        owners[slot_index] = {f.id for f in winners}
        for key, candidate in keyed:
            if candidate.field.id in wanted and candidate.field.id in owners[slot_index]:
                order = index.field_order(candidate.field.id)
                pairs.append((key, slot.position, order, slot_index, candidate.field.id))
    pairs.sort()
    used: set[Element] = set()
    chosen: dict[str, int] = {}
    for *_rank, slot_index, field_id in pairs:
        slot = slots[slot_index]
        if field_id in chosen or any(k in used for k in slot.keys):
            continue
        if slot.check is not None and not slot.check(value_of(field_id)):
            continue
        used.update(slot.keys)
        chosen[field_id] = slot_index
    # A combined label ("Ort och datum") also takes the fields named by its parts.
    sharing: dict[int, list[str]] = {slot_index: [fid] for fid, slot_index in chosen.items()}
    for field_id, slot_index in list(chosen.items()):
        slot = slots[slot_index]
        if slot.write_text is None:
            continue
        companions_list = [f.id for f in index.companions(slot.label)]
        if field_id not in companions_list:
            continue
        for other in companions_list:
            if other in wanted and other not in chosen:
                chosen[other] = slot_index
                sharing[slot_index].append(other)
        sharing[slot_index].sort(key=functools.partial(_rank_in, companions_list))
    placed: dict[str, tuple[Slot, str]] = {}
    for slot_index, field_ids in sharing.items():
        slot = slots[slot_index]
        texts = [wanted[fid][1] for fid in field_ids]
        if slot.write_text is not None:
            joiner = "\n" if any("\n" in t for t in texts) else ", "
            slot.write_text(joiner.join(texts))
        for fid in field_ids:
            placed[fid] = (slot, wanted[fid][1])
    return Assignment(placed, ambiguous, _lost(slots, wanted, chosen, used))


def _lost(
    slots: list[Slot], wanted: dict[str, tuple[FormField, str]], chosen: dict[str, int], used: set[Element]
) -> dict[str, str]:
    """For fields left without a place: the label of a field that took a slot they matched."""
    lost: dict[str, str] = {}
    taken = {slot_index: fid for fid, slot_index in chosen.items()}
    for slot_index, slot in enumerate(slots):
        owner = taken.get(slot_index)
        if owner is None:
            continue
        for candidate in slot.candidates:
            fid = candidate.field.id
            if fid in wanted and fid not in chosen and fid != owner and fid not in lost:
                lost[fid] = wanted[owner][0].label
    return lost


def _rank_in(order: list[str], field_id: str) -> int:
    return order.index(field_id) if field_id in order else -1
