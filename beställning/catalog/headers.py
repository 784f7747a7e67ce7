"""Recognising the header row of a variable list from its column names, Swedish or English.

Each role (name, description, table, …) has variants; a header cell matches after folding, with
text in parentheses, trailing colons and asterisks ignored. Earlier variants win within a role.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from beställning.catalog.folding import fold

ROLES: dict[str, tuple[str, ...]] = {
    "name": (
        "variabelnamn",
        "variabel",
        "variabelnamn i leverans",
        "kolumnnamn",
        "faltnamn",
        "falt",
        "namn",
        "variable name",
        "variable",
        "varname",
        "column name",
        "column",
        "field name",
        "field",
        "name",
    ),
    "label": (
        "etikett",
        "variabeletikett",
        "benamning",
        "rubrik",
        "kort beskrivning",
        "label",
        "variable label",
    ),
    "description": (
        "beskrivning",
        "variabelbeskrivning",
        "forklaring",
        "definition",
        "innehall",
        "description",
        "variable description",
        "explanation",
        "definition",
        "meaning",
    ),
    "table": (
        "tabell",
        "tabellnamn",
        "tabell namn",
        "fil",
        "filnamn",
        "table",
        "table name",
        "dataset",
        "file",
    ),
    "type": ("datatyp", "typ", "format", "variabeltyp", "data type", "datatype", "type", "langd", "length"),
    "value_set": (
        "vardemangd",
        "varden",
        "koder",
        "kod",
        "kodforteckning",
        "kodlista",
        "kodverk",
        "vardeforrad",
        "giltiga varden",
        "value set",
        "values",
        "valid values",
        "codes",
        "code list",
        "categories",
    ),
    "notes": (
        "anmarkning",
        "anmarkningar",
        "kommentar",
        "kommentarer",
        "not",
        "noter",
        "ovrigt",
        "notes",
        "note",
        "comment",
        "comments",
        "remarks",
    ),
    "years": (
        "tillganglig fran",
        "tillgangliga ar",
        "ar",
        "period",
        "from ar",
        "available from",
        "years",
        "year",
    ),
}

_CLEAN = re.compile(r"\([^)]*\)|\[[^\]]*\]|[:*#.]+$")


def normalise_header(text: str) -> str:
    """A header cell folded for matching: 'Variabel­namn (kolumn):' -> 'variabelnamn'."""
    folded = fold(text)
    folded = _CLEAN.sub(" ", folded)
    folded = re.sub(r"[_\-/]+", " ", folded)
    folded = folded.strip(" :*#.")
    return " ".join(folded.split())


def role_of(text: str) -> tuple[str, int] | None:
    """The role a header cell names and its priority (lower is better), or None."""
    key = normalise_header(text)
    if not key:
        return None
    for role, variants in ROLES.items():
        if key in variants:
            return role, variants.index(key)
    return None


@dataclass(frozen=True)
class Header:
    """Which column (0-based) holds each role."""

    row_index: int
    columns: dict[str, int]

    def cell(self, row: Sequence[str], role: str) -> str:
        index = self.columns.get(role)
        return row[index] if index is not None and index < len(row) else ""


def find_header(rows: Sequence[Sequence[str]], hidden: set[int]) -> Header | None:
    """The most complete header among `rows`: it must name a variable column and one more role.

    Visible columns win over hidden ones for the same role; a hidden column is used only when no
    visible column has that role.
    """
    best: Header | None = None
    best_score = 1
    for index, row in enumerate(rows):
        chosen: dict[str, tuple[tuple[bool, int, int], int]] = {}
        for col, value in enumerate(row):
            found = role_of(value) if value and len(value) < 60 else None
            if found is None:
                continue
            role, priority = found
            rank = (col in hidden, priority, col)
            if role not in chosen or rank < chosen[role][0]:
                chosen[role] = (rank, col)
        if "name" not in chosen:
            continue
        score = len(chosen)
        if score > best_score:
            best_score = score
            best = Header(index, {role: col for role, (_, col) in chosen.items()})
    return best
