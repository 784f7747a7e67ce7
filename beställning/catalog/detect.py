"""Guessing which benefit (förmån) an official list is about, from its file name and title text."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from beställning.catalog.folding import fold

# Folded phrases per benefit; longer phrases are matched first and blanked, so "tillfällig
# föräldrapenning" is not also counted as "föräldrapenning".
PHRASES: dict[str, tuple[str, ...]] = {
    "tillfallig_foraldrapenning": (
        "tillfallig foraldrapenning",
        "tillfalligforaldrapenning",
        "vard av barn",
        "tfp",
    ),
    "sa_ersattning": (
        "sjuk och aktivitetsersattning",
        "sjukersattning och aktivitetsersattning",
        "aktivitetsersattning",
        "sjukersattning",
    ),
    "sjuk_rehab": (
        "sjuk och rehabiliteringspenning",
        "sjukpenning och rehabiliteringspenning",
        "rehabiliteringspenning",
        "sjukpenning",
    ),
    "foraldrapenning": ("skattad foraldraledighet", "foraldrapenning"),
    "assistansersattning": ("assistansersattning",),
    "bilstod": ("bilstod",),
    "merkostnadsersattning": ("merkostnadsersattning",),
    "omvardnadsbidrag": ("omvardnadsbidrag",),
    "lakarintyg": ("lakarintygsregistret", "lakarintygsregister", "lakarintyg"),
    "arbetsskadeersattning": ("arbetsskadeersattning", "arbetsskadelivranta", "arbetsskada"),
    "tandvardsstod": ("statligt tandvardsstod", "tandvardsstod", "tandvardsstodet"),
}
_ORDERED = sorted(((p, b) for b, ps in PHRASES.items() for p in ps), key=lambda x: -len(x[0]))


def _normalise(text: str) -> str:
    return " " + " ".join(re.sub(r"[-_/.,;:()\[\]]+", " ", fold(text)).split()) + " "


def benefits_mentioned(text: str) -> Counter[str]:
    """How often each benefit is named in `text`."""
    work = _normalise(text)
    counts: Counter[str] = Counter()
    for phrase, benefit in _ORDERED:
        pattern = re.compile(rf"(?<=[ ]){re.escape(phrase)}(?=[ ])")
        hits = pattern.findall(work)
        if hits:
            counts[benefit] += len(hits)
            work = pattern.sub(lambda m: "#" * len(m.group(0)), work)
    return counts


def _unique_top(counts: Counter[str]) -> str | None:
    ranked = counts.most_common(2)
    if not ranked:
        return None
    if len(ranked) == 2 and ranked[0][1] == ranked[1][1]:
        return None
    return ranked[0][0]


def detect_benefit(file_name: str, title_texts: Iterable[str]) -> str | None:
    """The benefit the file is about: from its name if that names one, else from titles; None if unclear."""
    from_name = benefits_mentioned(file_name.rsplit(".", 1)[0])
    if len(from_name) == 1:
        return next(iter(from_name))
    return _unique_top(benefits_mentioned("\n".join(title_texts)))
