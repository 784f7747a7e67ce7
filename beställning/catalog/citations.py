"""Source citations as a reader sees them (källhänvisningar).

The bundled catalogue keeps its provenance in a compact form for the people who maintain it:
bracketed keys such as [S3] or [OP] that resolve in `sources`, and line locators (L283) into the
project's text copy of FK's annual report. Those are exact but cryptic, so what is shown instead is
the citation text itself, a key that stands alone replaced by its source's name, and the full
references listed below it. The data in resources/catalog/ is not changed.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

_KEY = re.compile(r"\[([A-ZÅÄÖ]+[0-9]*[A-Z0-9]*)\]")
_LINE_GROUP = re.compile(r"\s*\((?:L\d+(?:,\s*)?)+\)")  # "(L1042, L3034)"
_LINE_ITEM = re.compile(r",?\s*\bL\d+\b")  # ", L1162" or "L2578,"
_INTERNAL_NOTE = re.compile(r"^(?:Tabell \d+|L\d+) anger\b")  # a cross-check between two places in the report
_ABBREVIATIONS = {"ÅR 2024": "FK årsredovisning 2024"}


def source_name(reference: str) -> str:
    """A source's name without its web address: "ISF Rapport 2015:5, Bilaga 1 – Data, s. 49"."""
    return re.split(r":\s*https?://", reference, maxsplit=1)[0].strip().rstrip(".")


def readable_source(text: str, sources: Mapping[str, str]) -> str:
    """`text` with bracketed keys and line locators taken out, or replaced where they stand alone.

    "ISF Rapport 2015:5 s. 49 [S3]; rattsjukskrivning.se [S2]" -> "ISF Rapport 2015:5 s. 49;
    rattsjukskrivning.se"; "[M2]; FK:s beställningssida [OP]" -> "FK vägledning …; FK:s beställningssida";
    "FK årsredovisning 2024, Tabell 3 (L283)" -> "FK årsredovisning 2024, Tabell 3".
    """
    parts = []
    for segment in text.split(";"):
        words = _KEY.sub("", segment).replace(",", " ").strip()
        if len(words) > 5:  # a citation of its own ("FK [A5], [A6]" says too little: name the sources)
            cleaned = re.sub(r"\s*" + _KEY.pattern + r"(?:\s*,\s*" + _KEY.pattern + r")*", "", segment)
        else:  # only keys: name the sources
            cleaned = ", ".join(source_name(sources.get(key, key)) for key in _KEY.findall(segment))
        cleaned = _LINE_ITEM.sub("", _LINE_GROUP.sub("", cleaned)).strip(" ,")
        for short, full in _ABBREVIATIONS.items():
            cleaned = cleaned.replace(short, full)
        if cleaned:
            parts.append(cleaned)
    return "; ".join(dict.fromkeys(parts))


def readable_text(text: str) -> str:
    """Prose (a variable's notes) with its bracketed source keys taken out; the source field cites them."""
    return re.sub(r"\s+([.,;:])", r"\1", _KEY.sub("", text)).replace("  ", " ").strip()


def cited_references(texts: Iterable[str], sources: Mapping[str, str]) -> list[str]:
    """The full references of every known key cited in `texts`, in order of first citation."""
    keys = dict.fromkeys(key for text in texts for key in _KEY.findall(text) if key in sources)
    return [sources[key] for key in keys]


def public_note(note: str) -> str:
    """A key figure's note as shown to users: "" for the compilers' cross-checks ("Tabell 91 anger …")."""
    return "" if _INTERNAL_NOTE.match(note.strip()) else note
