"""As-you-type search over the catalog, insensitive to case and to å/ä/ö.

Each variable gets one precomputed folded string (name, label, table, description, type, value set,
notes, benefit name); a query matches when every folded word is a substring of it. Typing one more
letter narrows the previous result instead of scanning everything again.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from beställning.catalog.folding import fold, fold_uncached
from beställning.catalog.model import Catalog, Variable


@dataclass(frozen=True)
class SearchResult:
    """Benefits whose own text matches, benefits with matching variables, and the variables, best first."""

    query: str
    benefit_ids: tuple[str, ...]  # every benefit to show: own match or a matching variable
    benefit_matches: frozenset[str]  # benefits whose name, area or description matched
    variables: tuple[Variable, ...]

    def variables_of(self, benefit_id: str) -> tuple[Variable, ...]:
        return tuple(v for v in self.variables if v.benefit_id == benefit_id)


def _tokens(query: str) -> tuple[str, ...]:
    return tuple(fold(query).split())


class SearchIndex:
    """A search index over one catalog snapshot (rebuild it when the catalog changes)."""

    def __init__(self, catalog: Catalog) -> None:
        self.catalog = catalog
        self._variables: list[Variable] = list(catalog.all_variables())
        self._names: list[str] = [fold_uncached(f"{v.name} {v.label}") for v in self._variables]
        names = {b.id: b.name for b in catalog.benefits}
        self._haystacks: list[str] = [
            fold_uncached(
                " ".join(
                    (
                        v.name,
                        v.label,
                        v.table,
                        v.description,
                        v.type,
                        v.value_set,
                        v.notes,
                        names[v.benefit_id],
                    )
                )
            )
            for v in self._variables
        ]
        self._benefit_text: dict[str, str] = {
            b.id: fold_uncached(f"{b.name} {b.area} {b.register} {b.description}") for b in catalog.benefits
        }
        self._area = {b.id: b.area for b in catalog.benefits}
        self._register = {b.id: b.register for b in catalog.benefits}
        self._owners: list[str] = [v.benefit_id for v in self._variables]
        self._last: tuple[str, tuple[str, ...], list[int]] | None = None

    def __len__(self) -> int:
        return len(self._variables)

    def _allowed(self, areas: frozenset[str] | None, register: str | None) -> set[str]:
        return {
            b.id
            for b in self.catalog.benefits
            if (areas is None or b.area in areas) and (register is None or b.register == register)
        }

    def _ranked(self, matches: list[int], tokens: tuple[str, ...]) -> list[int]:
        """Names starting with the first word first, then names holding every word, then the rest."""
        names = self._names
        first = tokens[0]
        starts = [i for i in matches if names[i].startswith(first)]
        contains = [i for i in matches if not names[i].startswith(first) and all(t in names[i] for t in tokens)]
        if not starts and not contains:
            return matches
        seen = set(starts)
        seen.update(contains)
        return starts + contains + [i for i in matches if i not in seen]

    def search(self, query: str, areas: Iterable[str] | None = None, register: str | None = None) -> SearchResult:
        """Match `query` against all lists; `areas` and `register` filter by benefit (None: no filter)."""
        area_set = frozenset(areas) if areas is not None else None
        allowed = self._allowed(area_set, register)
        tokens = _tokens(query)
        folded = " ".join(tokens)
        filter_key = (*sorted(area_set or ()), "|", register or "", "*" if area_set is None else "")
        candidates: Iterable[int] = range(len(self._variables))
        if self._last is not None and self._last[1] == filter_key and folded.startswith(self._last[0]):
            candidates = self._last[2]  # narrowing: the previous matches are a superset
        haystacks = self._haystacks
        if len(allowed) < len(self._area):
            owners = self._owners
            candidates = [i for i in candidates if owners[i] in allowed]
        if not tokens:
            matches = list(candidates)
        elif len(tokens) == 1:
            token = tokens[0]
            matches = [i for i in candidates if token in haystacks[i]]
        else:
            matches = [i for i in candidates if all(t in haystacks[i] for t in tokens)]
        self._last = (folded, filter_key, matches)
        if tokens:
            matches = self._ranked(matches, tokens)
        variables = self._variables
        benefit_matches = frozenset(
            bid for bid in allowed if tokens and all(t in self._benefit_text[bid] for t in tokens)
        )
        with_vars = set(map(self._owners.__getitem__, matches))
        shown = tuple(
            b.id
            for b in self.catalog.benefits
            if b.id in allowed and (not tokens or b.id in benefit_matches or b.id in with_vars)
        )
        return SearchResult(query, shown, benefit_matches, tuple(map(variables.__getitem__, matches)))
