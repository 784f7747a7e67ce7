"""How old the bundled data are: the dates of the form source, the catalog and the cost model.

Shown in "Om Beställningsassistenten" so a user sees when FK's pages behind the app were last read;
data older than a year may no longer match FK's forms, lists or prices. The dates are those the files
themselves state (the form's source text, the catalog's dated sources, the hourly rate's valid_from),
never the files' modification times, which a copy or an install changes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

STALE_AFTER_DAYS = 365
_ISO_DATE = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")


@dataclass(frozen=True)
class DataDate:
    """One bundled data set (dataunderlag), the date its source states, and that source."""

    key: str  # "form", "catalog" or "cost"
    label: str  # Swedish
    as_of: date | None  # None when the source states no date
    source: str

    def is_stale(self, today: date) -> bool:
        """Older than a year (or undated): FK may have changed the page since."""
        return self.as_of is None or (today - self.as_of).days > STALE_AFTER_DAYS


def newest_date(*texts: str) -> date | None:
    """The latest valid YYYY-MM-DD date written in the texts, or None."""
    found: list[date] = []
    for text in texts:
        for match in _ISO_DATE.finditer(text):
            try:
                found.append(date(int(match[1]), int(match[2]), int(match[3])))
            except ValueError:
                continue
    return max(found, default=None)


def bundled_data_dates() -> list[DataDate]:
    """The form source, the bundled catalog and the bundled cost model, each with its stated date."""
    from beställning.catalog.loader import load_bundled
    from beställning.cost.model import bundled_model_path, read_model_file
    from beställning.form import load_form

    form = load_form()
    catalog = load_bundled()
    model = read_model_file(bundled_model_path())
    newest_source = max(catalog.sources, key=lambda key: newest_date(catalog.sources[key]) or date.min, default="")
    catalog_source = catalog.sources.get(newest_source, "")
    return [
        DataDate("form", "Blankettens underlag", newest_date(form.source), form.source),
        DataDate("catalog", "Variabelkatalogen", newest_date(*catalog.sources.values()), catalog_source),
        DataDate("cost", "Kostnadsmodellens timpris", newest_date(model.rate.valid_from), model.rate.source),
    ]
