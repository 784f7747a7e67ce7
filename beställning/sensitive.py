"""Sensitive personal data (känsliga personuppgifter) that an order implies by what it asks for.

Data about health are sensitive personal data (GDPR art. 9.1; "uppgifter om hälsa", art. 4.15), and
research on sensitive personal data needs ethics approval (etikprövningslagen 3 §), so FK asks for
the ethics application and decision. A researcher who picks "Diagnos" but answers No to "känsliga
personuppgifter" would get the order back: the app treats such an order as handling sensitive data.

Health data are recognised by the words below in a picked variable's name, group or description, or
in a free-text wish, so FK's own imported lists are covered as well as the bundled catalog.
"""

from __future__ import annotations

import re

from beställning.catalog.folding import fold_uncached
from beställning.order import Order

# Folded (lower case, å/ä/ö → a/a/o) stems of words that name health data. Each one names a
# diagnosis, a medical condition, or care given, as in FK's sick-leave, disability and dental data.
HEALTH_STEMS = (
    "diagnos",  # Diagnos, huvuddiagnos, bidiagnos (sjukpenning, SA, läkarintyg, arbetsskada)
    "icd",  # ICD-10 codes
    "sjukdom",
    "halsa",  # hälsa, munhälsa
    "funktionsnedsattning",  # läkarintygets funktionsnedsättning
    "aktivitetsbegransning",
    "tillstandskod",  # tandvårdsstödets tillståndskod
    "atgardskod",  # tandvårdens åtgärdskod: the treatment given
    "tandnummer",
    "tander",  # antal kvarvarande och intakta tänder
)
_WORD = re.compile(r"\w+")


def _mentions_health(text: str) -> bool:
    return any(word.startswith(HEALTH_STEMS) or "diagnos" in word for word in _WORD.findall(fold_uncached(text)))


def health_data_items(order: Order) -> list[str]:
    """The picked variables and wishes of `order` that are data about health, as the user named them."""
    found: list[str] = []
    for pick in order.variables:
        if _mentions_health(" ".join((pick.variable, pick.table, pick.description))):
            found.append(pick.variable or pick.table or pick.description[:40])
    for request in order.benefits:
        if request.wishes.strip() and _mentions_health(request.wishes):
            found.append(f"önskemål för {request.name or request.benefit}")
    return list(dict.fromkeys(found))


def handles_sensitive_data(order: Order) -> bool:
    """Whether the order handles sensitive personal data: as the user says, or as its variables imply."""
    if order.route != "forskning":
        return False
    return order.flag("etik.kansliga") or bool(health_data_items(order))
