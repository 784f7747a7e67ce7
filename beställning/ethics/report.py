"""The result of reading the ethics documents against the order: one entry per requirement.

An entry is found (with file, page and a short quote), missing (with what to do), unreadable (the
document could not be read, e.g. a scanned PDF), absent (the document is not attached) or not
applicable. Only "found" passes; the others are warnings, never blocks: the researcher may know
better. `to_json` gives the shape that `bestallning ethics --json` and `check --json` share:
`{"id", "found", "file", "page", "quote", "advice"}`, `found` null when the requirement does not
apply or cannot be checked.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import PurePath
from typing import Any, Literal

Status = Literal["found", "missing", "unreadable", "absent", "not_applicable"]

# Ids of the fixed requirements, in the order they are shown; benefits come as "benefit:<id>".
FK_SOURCE = "fk_source"
LINKAGE = "linkage"
REPEATED = "repeated"
DNR = "dnr"
DECISION_DATE = "decision_date"
PERIOD = "period"
SUPPLEMENTS = "supplements"
BENEFIT_PREFIX = "benefit:"

LABELS = {
    FK_SOURCE: "Försäkringskassan som källa",
    LINKAGE: "Samkörning med andra register",
    REPEATED: "Mer än en leverans",
    DNR: "Diarienummer i beslutet",
    DECISION_DATE: "Beslutsdatum",
    PERIOD: "Period",
    SUPPLEMENTS: "Kompletteringar",
}


MARKS: dict[Status, str] = {"found": "✔", "missing": "⚠", "unreadable": "⚠", "absent": "⚠", "not_applicable": "–"}


@dataclass(frozen=True)
class EthicsEntry:
    """One requirement: whether the ethics documents meet it, where, and what to do if not."""

    id: str
    label: str
    status: Status
    file: str | None = None
    page: int | None = None
    quote: str | None = None
    advice: str | None = None

    @property
    def found(self) -> bool | None:
        if self.status == "found":
            return True
        if self.status == "missing":
            return False
        return None

    @property
    def needs_attention(self) -> bool:
        """Missing, unreadable or not attached: worth a warning."""
        return self.status in ("missing", "unreadable", "absent")

    def where(self) -> str:
        """'Etikansökan.pdf, s. 3', or the file name alone when its pages are unknown."""
        name = PurePath(self.file).name if self.file else ""
        return f"{name}, s. {self.page}" if name and self.page is not None else name

    def describe(self) -> str:
        """The entry as a line or two of Swedish text: mark, requirement, quote and place, or what to do."""
        line = f"{MARKS[self.status]} {self.label}"
        if self.quote:
            line += f": ”{self.quote}”" + (f" ({self.where()})" if self.where() else "")
        if self.advice:
            line += f"\n    {self.advice}" if self.quote else f": {self.advice}"
        return line

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "found": self.found,
            "file": self.file,
            "page": self.page,
            "quote": self.quote,
            "advice": self.advice,
        }


@dataclass(frozen=True)
class EthicsReport:
    """Every requirement for one order; `applies` is False when the order needs no ethics review."""

    entries: tuple[EthicsEntry, ...]
    applies: bool = True

    def entry(self, entry_id: str) -> EthicsEntry:
        for entry in self.entries:
            if entry.id == entry_id:
                return entry
        raise KeyError(entry_id)

    @property
    def warnings(self) -> tuple[EthicsEntry, ...]:
        return tuple(entry for entry in self.entries if entry.needs_attention)

    def to_json(self) -> list[dict[str, Any]]:
        return [entry.to_json() for entry in self.entries]
