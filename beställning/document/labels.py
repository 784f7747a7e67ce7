"""Matching the labels of FK's Word form (blankett) to the fields of our form definition.

FK's file is not available to us, so its wording is unknown: a label may read "E-postadress:",
"E-post *" or "3. Mejladress". Labels are compared on a normalised key (casefolded, diacritics
folded so å/ä/ö compare as a/a/o everywhere, punctuation, spaces and leading numbering removed)
against each field's label, its synonyms and its id. Content-control tags and bookmark names are
compared the same way, so a tag "bestallare_epost" or "Epost" finds the e-mail field.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass

from beställning.form import FormDefinition, FormField, Route

# How good a match is; lower wins. A name equal to the field id is unambiguous.
RANK_ID = 0
RANK_LABEL = 1
RANK_SYNONYM = 2
RANK_LOOSE = 3
RANK_CONTAINS = 4

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
class Candidate:
    """A field that a label or name could mean, and how good the match is."""

    field: FormField
    rank: int


class LabelIndex:
    """Looks up form fields by label text or by a control's tag/bookmark name."""

    def __init__(self, fields: list[FormField]) -> None:
        self._fields = fields
        self._order = {f.id: index for index, f in enumerate(fields)}
        self._by_key: dict[str, list[Candidate]] = {}
        self._by_name: dict[str, list[Candidate]] = {}
        self._phrases: list[tuple[tuple[str, ...], FormField]] = []
        for form_field in fields:
            self._add(self._by_key, normalise(form_field.label), form_field, RANK_LABEL)
            for synonym in form_field.synonyms:
                self._add(self._by_key, normalise(synonym), form_field, RANK_SYNONYM)
            for phrase in (form_field.label, *form_field.synonyms):
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
    def for_route(cls, form: FormDefinition, route: Route) -> LabelIndex:
        fields = [f for s in form.sections_for(route) for f in s.fields_for(route)]
        return cls(fields)

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

        Swedish puts the head noun first ("Telefonnummer till kontaktperson"), so the phrase that
        starts earliest wins, then the longest one.
        """
        label_words = words(text)
        if not label_words or len(label_words) > _MAX_LABEL_WORDS:
            return []
        best: tuple[int, int] | None = None
        found: dict[str, Candidate] = {}
        for phrase, form_field in self._phrases:
            if not keep(form_field):
                continue
            size = len(phrase)
            for start in range(len(label_words) - size + 1):
                if label_words[start : start + size] == phrase:
                    score = (start, -len("".join(phrase)))
                    if best is None or score < best:
                        best, found = score, {}
                    if score == best:
                        found[form_field.id] = Candidate(form_field, RANK_CONTAINS)
                    break
        return list(found.values())

    def companions(self, text: str) -> list[FormField]:
        """Fields named by the parts of a combined label ("Ort och datum" -> ort, datum)."""
        parts = [p for p in _SPLIT_WORDS.split(text) if normalise(p)]
        if len(parts) < 2:
            return []
        result: list[FormField] = []
        for part in parts:
            exact = [c.field for c in self._by_key.get(normalise(part), ()) if c.rank <= RANK_SYNONYM]
            if len(exact) == 1 and exact[0] not in result:
                result.append(exact[0])
        return result

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
