"""Which route (ändamål) FK's form is for, read from its title, so a wrong form is caught before writing.

FK has one form per route: "Beställning av individdata för statistikändamål" and "… för
forskning" (shared/domain.md §1). The title is the first short paragraph (body or page header)
that names exactly one route; a line naming both is a choice (route boxes), not a title.
"""

from __future__ import annotations

import re

from beställning.document.fk_form.layout import Layout
from beställning.document.fk_form.ooxml import W_P
from beställning.document.fk_form.runs import paragraph_text
from beställning.form import Route

_ROUTE_WORDS: dict[Route, re.Pattern[str]] = {
    "statistik": re.compile(r"statistikändamål|för statistik\b", re.I),
    "forskning": re.compile(r"för forskning|forskningsändamål", re.I),
}
_TITLE_WORDS = re.compile(r"beställning|individdata|blankett", re.I)
_MAX_TITLE = 140
_LOOK_AT = 15  # paragraphs from the top of each part

ROUTE_NAMES: dict[Route, str] = {"statistik": "statistikändamål", "forskning": "forskning"}


def form_route(layout: Layout) -> Route | None:
    """The route the form's title names, or None when it names none (or both)."""
    for part in layout.parts:
        seen = 0
        for paragraph in part.root.iter(W_P):
            text = " ".join(paragraph_text(paragraph).split())
            if not text:
                continue
            seen += 1
            if seen > _LOOK_AT:
                break
            if len(text) > _MAX_TITLE or not _TITLE_WORDS.search(text):
                continue
            named = [route for route, pattern in _ROUTE_WORDS.items() if pattern.search(text)]
            if len(named) == 1:
                return named[0]
    return None


def route_warning(form: Route | None, order: Route) -> str:
    """A Swedish warning when the form is for the other route; '' when they agree or it is unknown."""
    if form is None or form == order:
        return ""
    return (
        f"Blanketten är Försäkringskassans blankett för {ROUTE_NAMES[form]}, men beställningen gäller "
        f"{ROUTE_NAMES[order]}. Ladda ned blanketten för {ROUTE_NAMES[order]} från Försäkringskassans "
        f"webbplats, eller byt ändamål i beställningen om det är den som är fel."
    )
