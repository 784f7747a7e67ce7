"""What changed between two lists of a benefit, and which saved orders are touched by it."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from beställning import paths
from beställning.catalog.folding import fold
from beställning.catalog.model import Variable

_COMPARED = ("description", "type", "value_set", "notes", "label")
_FIELD_NAMES = {
    "description": "beskrivning",
    "type": "typ",
    "value_set": "värdemängd",
    "notes": "anmärkning",
    "label": "etikett",
}


@dataclass(frozen=True)
class ChangedVariable:
    old: Variable
    new: Variable
    fields: tuple[str, ...]  # Swedish names of the fields that differ

    def describe(self) -> str:
        return f"{_label(self.new)}: ändrad {', '.join(self.fields)}"


@dataclass(frozen=True)
class ListDiff:
    """Added, removed and changed variables between an old and a new list of one benefit."""

    benefit_id: str
    added: tuple[Variable, ...]
    removed: tuple[Variable, ...]
    changed: tuple[ChangedVariable, ...]

    @property
    def empty(self) -> bool:
        return not (self.added or self.removed or self.changed)

    def touched(self) -> tuple[Variable, ...]:
        """Old variables that are gone or different: picks of these need a look."""
        return self.removed + tuple(c.old for c in self.changed)

    def summary(self) -> str:
        return f"{len(self.added)} nya, {len(self.removed)} borttagna, {len(self.changed)} ändrade variabler"


def _label(variable: Variable) -> str:
    return f"{variable.table} / {variable.name}" if variable.table else variable.name


def _norm(value: str) -> str:
    return " ".join(value.split())


def diff_lists(benefit_id: str, old: Sequence[Variable], new: Sequence[Variable]) -> ListDiff:
    """Compare two lists by (table, name), folded; field differences ignore whitespace."""
    old_by_key = {v.key(): v for v in old}
    new_by_key = {v.key(): v for v in new}
    added = tuple(v for k, v in new_by_key.items() if k not in old_by_key)
    removed = tuple(v for k, v in old_by_key.items() if k not in new_by_key)
    changed = []
    for key, new_var in new_by_key.items():
        old_var = old_by_key.get(key)
        if old_var is None:
            continue
        fields = tuple(_FIELD_NAMES[f] for f in _COMPARED if _norm(getattr(old_var, f)) != _norm(getattr(new_var, f)))
        if fields:
            changed.append(ChangedVariable(old_var, new_var, fields))
    return ListDiff(benefit_id, added, removed, tuple(changed))


@dataclass(frozen=True)
class AffectedOrder:
    """A saved order that uses a removed or changed variable (or a table containing one)."""

    path: Path
    title: str
    variables: tuple[str, ...]  # what the order picked, as shown to the user


def saved_order_files() -> list[Path]:
    """Drafts (drafts_dir()/*.json) and stored orders (data_dir()/orders/*/order.json)."""
    files = sorted(paths.drafts_dir().glob("*.json"))
    files += sorted((paths.data_dir() / "orders").glob("*/order.json"))
    return files


def orders_affected(diff: ListDiff, files: Iterable[Path] | None = None) -> list[AffectedOrder]:
    """Saved orders whose picks of this benefit hit a removed or changed variable (unreadable: skipped)."""
    from beställning.order import OrderFileError, load_order

    touched = diff.touched()
    if not touched:
        return []
    ids = {v.id for v in touched}
    keys = {v.key() for v in touched}
    tables = {fold(v.table).strip() for v in touched}
    result = []
    for path in files if files is not None else saved_order_files():
        try:
            order = load_order(path)
        except (OrderFileError, OSError, ValueError):
            continue
        hits = []
        for pick in order.variables:
            if pick.benefit != diff.benefit_id:
                continue
            key = (fold(pick.table).strip(), fold(pick.variable).strip())
            if pick.kind == "table":
                if fold(pick.table or pick.variable).strip() in tables:
                    hits.append(f"hela tabellen {pick.table or pick.variable}")
            elif pick.kind != "wish" and (pick.variable_id in ids or key in keys):
                hits.append(f"{pick.table} / {pick.variable}" if pick.table else pick.variable)
        if hits:
            result.append(AffectedOrder(path, order.title(), tuple(hits)))
    return result
