"""Which kind of data a benefit (förmån) gives: MiDAS periods, payment data with a list, or no list.

The catalog is the authority (its `register` and `has_list`). The team's shared benefit ids below,
taken from FK's order page (domain brief §4), are the fallback when the catalog is not installed or
does not know an id, so an estimate can always be made.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from beställning.catalog.model import Catalog

BenefitKind = Literal["midas", "payments", "no_list"]

MIDAS = frozenset({"sjuk_rehab", "sa_ersattning", "foraldrapenning"})
WITH_LIST = frozenset(
    {
        "tillfallig_foraldrapenning", "assistansersattning", "bilstod", "merkostnadsersattning",
        "omvardnadsbidrag", "lakarintyg", "arbetsskadeersattning", "tandvardsstod",
    }
)  # fmt: skip


def _from_catalog(benefit_id: str, catalog: Catalog | None) -> BenefitKind | None:
    try:
        if catalog is None:
            from beställning.catalog import load_catalog

            catalog = load_catalog()
        benefit = catalog.benefit(benefit_id)
    except Exception:  # the catalog is optional here: missing module, unknown id, unreadable file
        return None
    if str(getattr(benefit, "register", "")).strip().lower() == "midas":
        return "midas"
    return "payments" if getattr(benefit, "has_list", False) else "no_list"


def benefit_kind(benefit_id: str, catalog: Catalog | None = None) -> BenefitKind:
    """The kind of `benefit_id`; unknown ids count as without a list (FK must propose variables).

    Pass `catalog` when asking about several benefits, so the catalog is looked up once.
    """
    kind = _from_catalog(benefit_id, catalog)
    if kind is not None:
        return kind
    if benefit_id in MIDAS:
        return "midas"
    return "payments" if benefit_id in WITH_LIST else "no_list"
