"""The catalog's data model: benefits (förmåner), their lag rules, key figures and variables.

Everything is frozen: a catalog is a snapshot, replaced as a whole when a list is imported.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Literal

REGISTER_MIDAS = "MiDAS"
REGISTER_OTHER = "Utanför MiDAS"

# How sure the public sources are about a bundled entry (see resources/catalog/README.md).
CONFIDENCE_LABELS = {
    "D-MiDAS": "Uppgiven om MiDAS i källan",
    "D-FK": "Uppgiven om FK:s registerdata",
    "D": "Uppgiven om FK:s registerdata",
    "S": "Syns i FK:s statistik",
    "I": "Härledd ur regler eller studier – trolig uppgift, bekräfta med FK",
}


def confidence_label(code: str) -> str:
    """The Swedish text for a confidence code ('' for none)."""
    return CONFIDENCE_LABELS.get(code, code)


@dataclass(frozen=True)
class LagRule:
    """How many months after a month its data are complete (fördröjning); an estimate outside MiDAS."""

    months: int
    estimate: bool
    basis: str
    source: str


@dataclass(frozen=True)
class KeyFigure:
    """One figure about a benefit from a public source (e.g. recipients 2024 in FK's annual report)."""

    label: str
    value: float
    unit: str
    year: int
    source: str
    note: str = ""

    def display(self) -> str:
        """The value in Swedish format: space as thousands separator, comma as decimal mark."""
        if float(self.value).is_integer():
            number = f"{int(self.value):,}".replace(",", "\u00a0")
        else:
            number = f"{self.value:,.1f}".replace(",", "\u00a0").replace(".", ",")
        return f"{number} {self.unit}".strip()


@dataclass(frozen=True)
class Benefit:
    """A benefit (förmån) FK can deliver data on: where its data live and what is known about it."""

    id: str
    name: str
    area: str
    register: str  # REGISTER_MIDAS or REGISTER_OTHER
    has_list: bool
    description: str
    lag: LagRule
    key_figures: tuple[KeyFigure, ...]
    source: str

    @property
    def in_midas(self) -> bool:
        return self.register == REGISTER_MIDAS


@dataclass(frozen=True)
class Variable:
    """A data item of one benefit: a documented concept (bundled) or a row of FK's official list.

    `concept` is True for bundled entries: the name is a concept from public documentation, never an
    FK column name. Imported entries carry FK's own names and `concept=False`.
    """

    id: str
    benefit_id: str
    table: str
    name: str
    description: str = ""
    type: str = ""
    value_set: str = ""
    notes: str = ""
    source: str = ""
    concept: bool = True
    confidence: str = ""
    label: str = ""

    def key(self) -> tuple[str, str]:
        """Identity within a list for diffs: table and name, folded."""
        from beställning.catalog.folding import fold

        return (fold(self.table).strip(), fold(self.name).strip())


ListKind = Literal["bundled", "imported"]


@dataclass(frozen=True)
class ListInfo:
    """Where a benefit's variables come from: the bundled compilation or an imported official list."""

    kind: ListKind
    imported_at: str = ""  # ISO date-time of the import
    file_name: str = ""
    sha256: str = ""
    entry_id: str = ""  # the stored import's id (see store)

    def display(self) -> str:
        """Provenance as the UI shows it."""
        if self.kind == "imported":
            return f"Officiell lista, importerad {self.imported_at[:10]}"
        return "Sammanställd från offentliga källor"


_EMPTY: tuple[Variable, ...] = ()


@dataclass(frozen=True)
class Catalog:
    """All benefits and, per benefit, its variables and where they come from."""

    benefits: tuple[Benefit, ...]
    _variables: MappingProxyType[str, tuple[Variable, ...]] = field(repr=False)
    _lists: MappingProxyType[str, ListInfo] = field(repr=False)
    sources: MappingProxyType[str, str] = field(default_factory=lambda: MappingProxyType({}), repr=False)

    def benefit(self, benefit_id: str) -> Benefit:
        """The benefit with this id; KeyError if unknown."""
        for benefit in self.benefits:
            if benefit.id == benefit_id:
                return benefit
        raise KeyError(benefit_id)

    def has_benefit(self, benefit_id: str) -> bool:
        return any(b.id == benefit_id for b in self.benefits)

    def variables(self, benefit_id: str) -> tuple[Variable, ...]:
        """The benefit's variables (empty for an unknown id is not allowed: KeyError)."""
        self.benefit(benefit_id)
        return self._variables.get(benefit_id, _EMPTY)

    def tables(self, benefit_id: str) -> tuple[str, ...]:
        """Table names in list order (bundled lists: data areas)."""
        seen: dict[str, None] = {}
        for variable in self.variables(benefit_id):
            seen.setdefault(variable.table, None)
        return tuple(seen)

    def table_variables(self, benefit_id: str, table: str) -> tuple[Variable, ...]:
        return tuple(v for v in self.variables(benefit_id) if v.table == table)

    def variable(self, variable_id: str) -> Variable:
        """A variable by id; KeyError if none."""
        benefit_id = variable_id.split(":", 1)[0]
        if self.has_benefit(benefit_id):
            for variable in self.variables(benefit_id):
                if variable.id == variable_id:
                    return variable
        raise KeyError(variable_id)

    def list_info(self, benefit_id: str) -> ListInfo:
        """Where this benefit's variables come from."""
        self.benefit(benefit_id)
        return self._lists.get(benefit_id, ListInfo("bundled"))

    def all_variables(self) -> tuple[Variable, ...]:
        return tuple(v for b in self.benefits for v in self._variables.get(b.id, _EMPTY))

    def areas(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(b.area for b in self.benefits))


def make_catalog(
    benefits: tuple[Benefit, ...],
    variables: dict[str, tuple[Variable, ...]],
    lists: dict[str, ListInfo] | None = None,
    sources: dict[str, str] | None = None,
) -> Catalog:
    """Build a Catalog from plain dicts (read-only views are stored)."""
    return Catalog(
        benefits=benefits,
        _variables=MappingProxyType(dict(variables)),
        _lists=MappingProxyType(dict(lists or {})),
        sources=MappingProxyType(dict(sources or {})),
    )
