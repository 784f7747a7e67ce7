"""The variable catalog (variabelkatalog): what FK can deliver per benefit (förmån).

Bundled concept-level lists compiled from public sources, replaced per benefit by FK's official
.xlsx lists when the user imports them. Search, import, diff, cart and export live beside this.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from beställning.catalog.loader import load_catalog
from beställning.catalog.model import (
    REGISTER_MIDAS,
    REGISTER_OTHER,
    Benefit,
    Catalog,
    KeyFigure,
    LagRule,
    ListInfo,
    Variable,
)

if TYPE_CHECKING:
    from pathlib import Path

    from beställning.order import Order

__all__ = [
    "REGISTER_MIDAS",
    "REGISTER_OTHER",
    "Benefit",
    "Catalog",
    "KeyFigure",
    "LagRule",
    "ListInfo",
    "Variable",
    "export_variable_selection",
    "load_catalog",
]


def export_variable_selection(order: Order, path: Path, catalog: Catalog | None = None) -> None:
    """Write the order's variable selection as Variabelval.xlsx, atomically (see export)."""
    from beställning.catalog.export import export_variable_selection as _export

    _export(order, path, catalog)
