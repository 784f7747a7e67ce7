"""Loading the catalog: the bundled lists in resources/catalog, overlaid by imported official lists."""

from __future__ import annotations

import json
import threading
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from beställning.catalog.model import (
    REGISTER_MIDAS,
    REGISTER_OTHER,
    Benefit,
    Catalog,
    KeyFigure,
    LagRule,
    ListInfo,
    Variable,
    make_catalog,
)

if TYPE_CHECKING:
    from beställning.catalog.store import ImportStore


class CatalogDataError(Exception):
    """The bundled catalog files are malformed (a packaging bug, not a user error)."""


def _str(entry: dict[str, Any], key: str, where: str, required: bool = True) -> str:
    value = entry.get(key, "")
    if not isinstance(value, str) or (required and not value.strip()):
        raise CatalogDataError(f"{where}: '{key}' saknas eller är inte text.")
    return value


def _lag(raw: Any, where: str) -> LagRule:
    if not isinstance(raw, dict) or not isinstance(raw.get("months"), int):
        raise CatalogDataError(f"{where}: 'lag' ska ha ett heltal 'months'.")
    if not isinstance(raw.get("estimate"), bool):
        raise CatalogDataError(f"{where}: 'lag.estimate' ska vara true/false.")
    return LagRule(raw["months"], raw["estimate"], _str(raw, "basis", where), _str(raw, "source", where))


def _figure(raw: Any, where: str) -> KeyFigure:
    if not isinstance(raw, dict) or not isinstance(raw.get("value"), int | float):
        raise CatalogDataError(f"{where}: nyckeltal saknar 'value'.")
    if not isinstance(raw.get("year"), int):
        raise CatalogDataError(f"{where}: nyckeltal saknar 'year'.")
    return KeyFigure(
        label=_str(raw, "label", where),
        value=float(raw["value"]),
        unit=_str(raw, "unit", where, required=False),
        year=raw["year"],
        source=_str(raw, "source", where),
        note=_str(raw, "note", where, required=False),
    )


def _benefit(raw: Any) -> Benefit:
    if not isinstance(raw, dict):
        raise CatalogDataError("benefits.json: varje förmån ska vara ett objekt.")
    where = f"benefits.json/{raw.get('id')}"
    register = _str(raw, "register", where)
    if register not in (REGISTER_MIDAS, REGISTER_OTHER):
        raise CatalogDataError(f"{where}: okänt register {register!r}.")
    if not isinstance(raw.get("has_list"), bool):
        raise CatalogDataError(f"{where}: 'has_list' ska vara true/false.")
    return Benefit(
        id=_str(raw, "id", where),
        name=_str(raw, "name", where),
        area=_str(raw, "area", where),
        register=register,
        has_list=raw["has_list"],
        description=_str(raw, "description", where),
        lag=_lag(raw.get("lag"), where),
        key_figures=tuple(_figure(f, where) for f in raw.get("key_figures", [])),
        source=_str(raw, "source", where),
    )


def variable_from_dict(raw: Any, benefit_id: str, where: str, concept: bool) -> Variable:
    """A Variable from its JSON form (bundled file or stored import)."""
    if not isinstance(raw, dict):
        raise CatalogDataError(f"{where}: varje variabel ska vara ett objekt.")
    return Variable(
        id=_str(raw, "id", where),
        benefit_id=benefit_id,
        table=_str(raw, "table", where, required=False),
        name=_str(raw, "name", where),
        description=_str(raw, "description", where, required=False),
        type=_str(raw, "type", where, required=False),
        value_set=_str(raw, "value_set", where, required=False),
        notes=_str(raw, "notes", where, required=False),
        source=_str(raw, "source", where, required=concept),
        concept=concept,
        confidence=_str(raw, "confidence", where, required=False),
        label=_str(raw, "label", where, required=False),
    )


def variable_to_dict(variable: Variable) -> dict[str, str]:
    """The JSON form of a variable (without benefit_id and concept, which the file gives)."""
    keys = (
        "id",
        "table",
        "name",
        "label",
        "description",
        "type",
        "value_set",
        "notes",
        "source",
        "confidence",
    )
    return {k: getattr(variable, k) for k in keys if getattr(variable, k) or k in ("id", "name")}


def _read_json(name: str) -> Any:
    from resources import resource

    path = resource("catalog", name)
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise CatalogDataError(f"{path}: kan inte läsas ({exc}).") from exc


@cache
def load_bundled() -> Catalog:
    """The bundled catalog only (no imports); parsed once per process."""
    raw_benefits = _read_json("benefits.json")
    raw_vars = _read_json("variables.json")
    benefits = tuple(_benefit(b) for b in raw_benefits["benefits"])
    ids = [b.id for b in benefits]
    if len(set(ids)) != len(ids):
        raise CatalogDataError("benefits.json: samma förmåns-id förekommer flera gånger.")
    variables: dict[str, tuple[Variable, ...]] = {}
    for benefit_id, entries in raw_vars["variables"].items():
        if benefit_id not in ids:
            raise CatalogDataError(f"variables.json: okänd förmån {benefit_id!r}.")
        variables[benefit_id] = tuple(
            variable_from_dict(e, benefit_id, f"variables.json/{benefit_id}", concept=True) for e in entries
        )
    sources = {**raw_benefits.get("sources", {}), **raw_vars.get("sources", {})}
    return make_catalog(benefits, variables, sources=sources)


# The merged catalog, kept until the imported lists change. Key: where the lists live and the
# state file's identity (inode, mtime, size), which every import and restore rewrites atomically.
_cached: tuple[tuple[object, ...], Catalog] | None = None
_cache_lock = threading.Lock()


def _state_key(root: Path) -> tuple[object, ...]:
    state = root / "state.json"
    try:
        st = state.stat()
    except OSError:
        return (str(root), None)
    return (str(root), st.st_ino, st.st_mtime_ns, st.st_size)


def invalidate() -> None:
    """Forget the cached catalog; the import and restore service calls this after changing the lists."""
    global _cached
    with _cache_lock:
        _cached = None


def load_catalog() -> Catalog:
    """The catalog as the user sees it: bundled lists, replaced per benefit by imported official lists.

    Cached: reading a big imported list takes a while and the estimate asks on every keystroke. The
    cache is dropped when the imported lists' state file changes or `invalidate()` is called.
    """
    global _cached
    from beställning.catalog.store import ImportStore

    store = ImportStore()
    key = _state_key(store.root)
    with _cache_lock:
        if _cached is not None and _cached[0] == key:
            return _cached[1]
    catalog = _build(store)
    with _cache_lock:
        if _state_key(store.root) == key:  # unchanged while we read: safe to keep
            _cached = (key, catalog)
    return catalog


def _build(store: ImportStore) -> Catalog:
    bundled = load_bundled()
    variables = {b.id: bundled.variables(b.id) for b in bundled.benefits}
    lists: dict[str, ListInfo] = {}
    for benefit in bundled.benefits:
        active = store.active(benefit.id)
        if active is None:
            continue
        variables[benefit.id] = active.variables
        lists[benefit.id] = active.info
    return make_catalog(bundled.benefits, variables, lists, dict(bundled.sources))
