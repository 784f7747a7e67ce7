"""Matching the labels of FK's Word form (blankett) to the fields of our form definition.

FK's file is not available to us, so its wording is unknown: a label may read "E-postadress:",
"E-post *" or "3. Mejladress". Labels are compared on a normalised key (casefolded, diacritics
folded so å/ä/ö compare as a/a/o everywhere, punctuation, spaces and leading numbering removed)
against each field's label, its synonyms, the agency wordings of the label vocabulary
(`resources/form/labels.json`, each with its reason) and its id. Content-control tags and
bookmark names are compared the same way, so a tag "bestallare_epost" or "Epost" finds the e-mail
field.

The most specific wording wins: an exact label beats a synonym, a synonym beats a generic
wording that several fields share ("Adress", "Namn"), and inside a longer label the phrase that
covers most of it wins ("Fakturamottagare / adress" is the invoice address, not the postal one).
Besides our form's fields the index knows three list fields a form may have instead of tables:
all benefits and periods in one field, all variables in one field, and the route (ändamål) boxes.
"""

from __future__ import annotations

import functools
import json
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass

from beställning.form import FormDefinition, FormField, Route
from resources import resource

# How good a match is; lower wins. A name equal to the field id is unambiguous.
RANK_ID = 0
RANK_LABEL = 1
RANK_SYNONYM = 2
RANK_GENERIC = 3  # a wording several fields share; a section heading decides between them
RANK_LOOSE = 4
RANK_CONTAINS = 5

# The list fields a form may have instead of a benefits or variables table, and the route boxes.
LIST_BENEFITS = "lista.formaner"
LIST_VARIABLES = "lista.variabler"
ROUTE_FIELD = "andamal"

# A label longer than this is running text, not a label, when looking for a phrase inside it.
_MAX_LABEL_WORDS = 8
_SPLIT_WORDS = re.compile(r"\s+(?:och|samt|&)\s+|\s*[/,;]\s*")

_PARENTHESES = re.compile(r"\([^)]*\)|\[[^\]]*\]")
_LEADING_NUMBER = re.compile(r"^[0-9]+")

# Words that mark a heading as belonging to a section of our form (a hint to tell apart labels
# such as "Namn" that occur both under the orderer and under the signature).
SECTION_WORDS: dict[str, tuple[str, ...]] = {
    "bestallare": ("bestallare",),
    "forskningshuvudman": ("forskningshuvudman", "huvudman"),
    "projekt": ("projekt", "syfte"),
    "etik": ("etik", "rattsliggrund"),
    "population": ("population", "nyckelfil"),
    "data": ("forman", "uppgifterperforman", "onskadeuppgifter"),
    "samkorning": ("samkorning", "upprepade"),
    "leverans": ("leverans",),
    "sakerhet": ("sakerhet", "skyddavuppgift"),
    "gallring": ("gallring", "lagring"),
    "fakturering": ("faktur",),
    "bilagor": ("bilag",),
    "underskrift": ("underskrift", "signatur"),
}


def normalise(text: str) -> str:
    """The comparison key of a label: letters and digits only, casefolded, diacritics folded."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    key = "".join(ch for ch in decomposed if ch.isalnum() and not unicodedata.combining(ch))
    return _LEADING_NUMBER.sub("", key)


def words(text: str) -> tuple[str, ...]:
    """The label's words, folded like `normalise`, without a leading number ("3. E-post")."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    folded = "".join(
        ch if ch.isalnum() else " " for ch in decomposed if not unicodedata.combining(ch) and ch != "-"
    )
    parts = folded.split()
    while parts and parts[0].isdigit():
        parts.pop(0)
    return tuple(parts)


def loose(text: str) -> str:
    """A looser key: parenthesised asides dropped ("Telefon (dagtid)" -> "telefon")."""
    return normalise(_PARENTHESES.sub(" ", text))


def section_of_heading(text: str) -> str | None:
    """The section id a heading text points to, if any of the section's words occurs in it."""
    key = normalise(text)
    if not key or len(key) > 60:
        return None
    for section_id, words in SECTION_WORDS.items():
        if any(word in key for word in words):
            return section_id
    return None


@dataclass(frozen=True)
class Vocabulary:
    """The label vocabulary: agency wordings per field (with `generic` marking shared ones)."""

    wordings: dict[str, tuple[tuple[str, bool], ...]]
    extra_fields: tuple[FormField, ...]
    route_options: dict[str, tuple[str, ...]]  # route -> box texts meaning it


@functools.cache
def load_vocabulary() -> Vocabulary:
    """`resources/form/labels.json`, read once."""
    data = json.loads(resource("form", "labels.json").read_text(encoding="utf-8"))
    wordings = {
        field_id: tuple((entry["label"], bool(entry.get("generic"))) for entry in entries)
        for field_id, entries in data["fields"].items()
    }
    lists = data["lists"]
    route = data["route"]
    extra = (
        _list_field(LIST_BENEFITS, lists["formaner"], "data"),
        _list_field(LIST_VARIABLES, lists["variabler"], "data"),
        FormField(
            id=ROUTE_FIELD,
            kind="choice",
            label=route["label"],
            label_en="Purpose",
            help=route["reason"],
            section_id="projekt",
            options=tuple(route["options"]),
            synonyms=tuple(e["label"] for e in route["labels"]),
        ),
    )
    options = {key: tuple(texts) for key, texts in route["options"].items()}
    return Vocabulary(wordings, extra, options)


def _list_field(field_id: str, entry: dict[str, object], section_id: str) -> FormField:
    labels = entry["labels"]
    assert isinstance(labels, list)
    return FormField(
        id=field_id,
        kind="multiline",
        label=str(entry["label"]),
        label_en=str(entry["label"]),
        help=str(entry["reason"]),
        section_id=section_id,
        synonyms=tuple(str(e["label"]) for e in labels),
    )


@dataclass(frozen=True)
class Candidate:
    """A field that a label or name could mean, and how good the match is."""

    field: FormField
    rank: int


class LabelIndex:
    """Looks up form fields by label text or by a control's tag/bookmark name."""

    def __init__(self, fields: list[FormField], vocabulary: Vocabulary | None = None) -> None:
        self._fields = fields
        self._order = {f.id: index for index, f in enumerate(fields)}
        self._by_key: dict[str, list[Candidate]] = {}
        self._by_name: dict[str, list[Candidate]] = {}
        self._phrases: list[tuple[tuple[str, ...], FormField]] = []
        wordings = vocabulary.wordings if vocabulary else {}
        self.route_options = vocabulary.route_options if vocabulary else {}
        for form_field in fields:
            own = wordings.get(form_field.id, ())
            specific = [label for label, generic in own if not generic]
            self._add(self._by_key, normalise(form_field.label), form_field, RANK_LABEL)
            for synonym in (*form_field.synonyms, *specific):
                self._add(self._by_key, normalise(synonym), form_field, RANK_SYNONYM)
            for label, generic in own:
                if generic:
                    self._add(self._by_key, normalise(label), form_field, RANK_GENERIC)
            for phrase in (form_field.label, *form_field.synonyms, *specific):
                phrase_words = words(_PARENTHESES.sub(" ", phrase))
                if len(phrase_words) >= 2 or (phrase_words and len(phrase_words[0]) >= 5):
                    self._phrases.append((phrase_words, form_field))
            self._add(self._by_name, normalise(form_field.id), form_field, RANK_ID)

    @staticmethod
    def _add(table: dict[str, list[Candidate]], key: str, form_field: FormField, rank: int) -> None:
        if not key:
            return
        entries = table.setdefault(key, [])
        for index, existing in enumerate(entries):
            if existing.field.id == form_field.id:
                if rank < existing.rank:
                    entries[index] = Candidate(form_field, rank)
                return
        entries.append(Candidate(form_field, rank))

    @classmethod
    def for_route(cls, form: FormDefinition, route: Route, *, lists: bool = True) -> LabelIndex:
        """Our form's fields on `route`, with the vocabulary; `lists` adds the list and route fields."""
        vocabulary = load_vocabulary()
        fields = [f for s in form.sections_for(route) for f in s.fields_for(route)]
        if lists:
            fields += vocabulary.extra_fields
        return cls(fields, vocabulary)

    def option_keys(self, form_field: FormField) -> dict[str, str]:
        """The box texts (normalised) that stand for each option of a choice field."""
        keys = {normalise(option): option for option in form_field.options}
        if form_field.id == ROUTE_FIELD:
            for route, texts in self.route_options.items():
                keys.update((normalise(text), route) for text in texts)
        return keys

    def field(self, field_id: str) -> FormField | None:
        return next((f for f in self._fields if f.id == field_id), None)

    def field_order(self, field_id: str) -> int:
        return self._order.get(field_id, len(self._order))

    def match_label(self, text: str, only: Callable[[FormField], bool] | None = None) -> list[Candidate]:
        """Fields whose label or synonym equals `text` once normalised, else a looser match.

        `only` limits the fields considered (e.g. yes/no fields beside a checkbox).
        """
        keep = only or (lambda _field: True)
        found = [c for c in self._by_key.get(normalise(text), ()) if keep(c.field)]
        if not found:
            found = [
                Candidate(c.field, RANK_LOOSE) for c in self._by_key.get(loose(text), ()) if keep(c.field)
            ]
        if not found:
            found = self._containing(text, keep)
        return found

    def _containing(self, text: str, keep: Callable[[FormField], bool]) -> list[Candidate]:
        """Fields whose label or synonym occurs as whole words inside a short label.

        The phrase that covers most of the label wins ("Fakturamottagare / adress": the invoice
        recipient, not the address); Swedish puts the head noun first ("Telefonnummer till
        kontaktperson"), so between phrases of one length the one that starts earliest wins.
        """
        label_words = words(text)
        if not label_words or len(label_words) > _MAX_LABEL_WORDS:
            return []
        best: tuple[int, int] | None = None  # (-length covered, start)
        found: dict[str, Candidate] = {}
        for phrase, form_field in self._phrases:
            if not keep(form_field):
                continue
            size = len(phrase)
            for start in range(len(label_words) - size + 1):
                if label_words[start : start + size] == phrase:
                    score = (-len("".join(phrase)), start)
                    if best is None or score < best:
                        best, found = score, {}
                    if score == best:
                        found[form_field.id] = Candidate(form_field, RANK_CONTAINS)
                    break
        return list(found.values())

    def companions(self, text: str) -> list[FormField]:
        """Fields named by the parts of a combined label ("Ort och datum" -> ort, datum).

        A part that is only a shared (generic) wording of another part's field qualifies it instead
        of naming a second field: "Fakturamottagare / adress" is the invoice address alone, not the
        invoice address and the postal address.
        """
        parts = [p for p in _SPLIT_WORDS.split(text) if normalise(p)]
        if len(parts) < 2:
            return []
        named: list[tuple[str, FormField]] = []
        for part in parts:
            key = normalise(part)
            exact = [c.field for c in self._by_key.get(key, ()) if c.rank <= RANK_SYNONYM]
            if len(exact) == 1 and all(exact[0] is not f for _, f in named):
                named.append((key, exact[0]))
        chosen = {f.id for _, f in named}
        result = []
        for key, form_field in named:
            generic_for = {c.field.id for c in self._by_key.get(key, ()) if c.rank == RANK_GENERIC}
            if generic_for & (chosen - {form_field.id}):
                continue
            result.append(form_field)
        return result if len(result) > 1 else []

    def match_name(self, name: str) -> list[Candidate]:
        """Fields a tag, title or bookmark name stands for: the id, or else a label or synonym."""
        key = normalise(name)
        best: dict[str, Candidate] = {}
        for candidate in [*self._by_name.get(key, ()), *self._by_key.get(key, ())]:
            known = best.get(candidate.field.id)
            if known is None or candidate.rank < known.rank:
                best[candidate.field.id] = candidate
        return list(best.values())

    def is_label(self, text: str) -> bool:
        return bool(self.match_label(text))
