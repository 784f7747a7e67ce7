"""Coverage (täckning): which requested months are complete at the planned extraction date.

FK's data lag behind: MiDAS data are orderable once coverage reaches 95 %, about 3 months after the
month for sick/rehab and parental benefit and about 9 months for NEWLY GRANTED sickness/activity
compensation (FK's order page). FK gives no lag for ongoing sickness/activity compensation (granted
earlier); the app shows its own estimate for those beside FK's figure, marked as an estimate.
Outside MiDAS there is no published lag; the catalog's figure is an estimate and is shown as one.

The app's convention: month M is complete from the first day of month M + lag + 1, so as of date D
the latest complete month is month(D) − lag − 1. Lag rules come from the catalog; a change the user
recorded in the settings (with the date it applies from) overrides them.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from datetime import date
from typing import TYPE_CHECKING, Any, Literal

from beställning.cost.overrides import Overrides, load_overrides
from beställning.order import Order

if TYPE_CHECKING:
    from beställning.catalog.model import Catalog

_MONTH = re.compile(r"^\s*(\d{4})-(\d{1,2})\s*$")

Status = Literal["complete", "partial", "incomplete", "no_period", "unknown"]


class CoverageError(Exception):
    """Coverage cannot be computed (unknown benefit, bad month); the message is Swedish, for the user."""


@dataclass(frozen=True, order=True)
class Month:
    """A calendar month; arithmetic in whole months."""

    year: int
    month: int

    @classmethod
    def parse(cls, text: str) -> Month:
        match = _MONTH.match(text)
        if not match or not 1 <= int(match[2]) <= 12:
            raise CoverageError(f"Månaden '{text}' ska skrivas ÅÅÅÅ-MM, t.ex. 2024-12.")
        return cls(int(match[1]), int(match[2]))

    @classmethod
    def of(cls, day: date) -> Month:
        return cls(day.year, day.month)

    @property
    def index(self) -> int:
        return self.year * 12 + self.month - 1

    def plus(self, months: int) -> Month:
        index = self.index + months
        return Month(index // 12, index % 12 + 1)

    def first_day(self) -> date:
        return date(self.year, self.month, 1)

    def __str__(self) -> str:
        return f"{self.year:04d}-{self.month:02d}"


def month_range(first: Month, last: Month) -> Iterator[Month]:
    """Every month from `first` to `last` inclusive (nothing if last < first)."""
    for index in range(first.index, last.index + 1):
        yield Month(index // 12, index % 12 + 1)


def latest_complete_month(as_of: date, lag: int) -> Month:
    """The latest month whose data are complete on `as_of`: month(as_of) − lag − 1."""
    return Month.of(as_of).plus(-lag - 1)


def complete_from(month: Month, lag: int) -> date:
    """The first day on which `month` is complete: the first day of month + lag + 1."""
    return month.plus(lag + 1).first_day()


@dataclass(frozen=True)
class EffectiveLag:
    """The lag that applies: the catalog's rule, or the user's change in force on the extraction date."""

    months: int
    estimate: bool
    basis: str
    source: str
    changed_from: str = ""  # date of the user's change, '' when the catalog's rule applies
    change_note: str = ""
    catalog_months: int | None = None
    scope: str = ""  # whom FK's figure is for when it is not all cases ("nybeviljade ärenden")
    ongoing_months: int | None = None  # our estimate for the other cases

    def describe(self) -> str:
        """One Swedish line: '3 månader', '… (uppskattning)', '… (ändrad …)', or with its scope:
        '9 månader för nybeviljade ärenden; pågående 3 månader (vår uppskattning)'."""
        text = f"{self.months} månader"
        if self.scope:
            text += f" för {self.scope}; pågående {self.ongoing_months} månader (vår uppskattning)"
        if self.changed_from:
            text += f" (ändrad av användaren från {self.changed_from}"
            if self.catalog_months is not None:
                text += f"; katalogen anger {self.catalog_months}"
            text += ")"
        elif self.estimate:
            text += " (uppskattning)"
        return text


@dataclass(frozen=True)
class OngoingLag:
    """A lag FK gives for newly granted cases only, and our estimate for the ongoing ones."""

    scope: str  # whom FK's figure is for, e.g. "nybeviljade ärenden"
    months: int  # our estimate for ongoing cases
    basis: str


# FK's order page gives "about 9 months" for newly granted sjuk- och aktivitetsersättning only
# (shared/domain.md §5). Ongoing compensation is paid monthly from the same MiDAS register, so we
# assume the ordinary MiDAS lag (3 months, as for sick pay and parental benefit) until FK says more.
ONGOING_LAGS: dict[str, OngoingLag] = {
    "sa_ersattning": OngoingLag(
        scope="nybeviljade ärenden",
        months=3,
        basis=(
            "Vår uppskattning: Försäkringskassan anger ingen fördröjning för pågående ersättningar; "
            "samma som övriga förmåner i MiDAS (cirka 3 månader) antas tills Försäkringskassan säger annat."
        ),
    ),
}


@dataclass(frozen=True)
class BenefitInfo:
    """What coverage needs to know about a benefit: its name and lag rule."""

    id: str
    name: str
    register: str
    months: int
    estimate: bool
    basis: str
    source: str


BenefitLookup = Callable[[str], BenefitInfo]


def catalog_lookup(catalog: Catalog | None = None) -> BenefitLookup:
    """Look benefits up in `catalog` (default: the catalog as the user sees it, loaded once here)."""
    try:
        if catalog is None:
            from beställning.catalog import load_catalog

            catalog = load_catalog()
    except Exception as exc:  # the catalog raises its own Swedish errors; keep them, never a traceback
        raise CoverageError(f"Förmånskatalogen kan inte läsas, så täckningen kan inte beräknas ({exc}).") from exc

    def lookup(benefit_id: str) -> BenefitInfo:
        try:
            benefit = catalog.benefit(benefit_id)
        except KeyError as exc:
            known = ", ".join(b.id for b in catalog.benefits)
            raise CoverageError(f"Okänd förmån '{benefit_id}'. Kända förmåner: {known}.") from exc
        lag = benefit.lag
        return BenefitInfo(benefit.id, benefit.name, benefit.register, lag.months, lag.estimate, lag.basis, lag.source)

    return lookup


def effective_lag(info: BenefitInfo, as_of: date, overrides: Overrides) -> EffectiveLag:
    """The catalog's lag for `info`, or the user's change in force on `as_of`."""
    change = overrides.lag_on(info.id, as_of)
    if change is None:
        ongoing = ONGOING_LAGS.get(info.id)
        return EffectiveLag(
            info.months,
            info.estimate,
            info.basis,
            info.source,
            scope=ongoing.scope if ongoing else "",
            ongoing_months=ongoing.months if ongoing else None,
        )
    return EffectiveLag(
        months=change.months,
        estimate=False,
        basis=change.note or "Ändrad av användaren",
        source=f"Ändrad av användaren från {change.valid_from}",
        changed_from=change.valid_from,
        change_note=change.note,
        catalog_months=info.months,
    )


@dataclass(frozen=True)
class BenefitCoverage:
    """Coverage of one requested benefit at the extraction date, with warnings and suggestions."""

    benefit: str
    name: str
    register: str
    as_of: date
    lag: EffectiveLag | None
    period_from: Month | None
    period_to: Month | None
    complete_through: Month | None
    incomplete_months: tuple[Month, ...]
    complete_from: date | None
    status: Status
    warnings: tuple[str, ...] = ()
    suggestions: tuple[str, ...] = ()
    lag_note: str = ""  # why the lag is uncertain (an estimate) or changed by the user; '' otherwise
    lag_scope: str = ""  # whom the lag is for when FK gives it for some cases only ("nybeviljade ärenden")
    ongoing_lag_months: int | None = None  # our estimate for the other (ongoing) cases
    ongoing_complete_through: Month | None = None

    @property
    def complete_months(self) -> tuple[Month, ...]:
        if self.period_from is None or self.period_to is None:
            return ()
        incomplete = set(self.incomplete_months)
        return tuple(m for m in month_range(self.period_from, self.period_to) if m not in incomplete)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready data with the keys the CLI promises."""
        lag = self.lag
        return {
            "benefit": self.benefit,
            "name": self.name,
            "register": self.register,
            "as_of": self.as_of.isoformat(),
            "lag_months": lag.months if lag else None,
            "lag_is_estimate": lag.estimate if lag else None,
            "lag_basis": lag.basis if lag else "",
            "lag_source": lag.source if lag else "",
            "lag_changed_from": lag.changed_from if lag else "",
            "period_from": str(self.period_from) if self.period_from else None,
            "period_to": str(self.period_to) if self.period_to else None,
            "complete_through": str(self.complete_through) if self.complete_through else None,
            "incomplete_months": [str(m) for m in self.incomplete_months],
            "complete_from": self.complete_from.isoformat() if self.complete_from else None,
            "status": self.status,
            "lag_note": self.lag_note,
            "lag_scope": self.lag_scope,
            "ongoing_lag_months": self.ongoing_lag_months,
            "ongoing_lag_is_estimate": True if self.ongoing_lag_months is not None else None,
            "ongoing_complete_through": str(self.ongoing_complete_through) if self.ongoing_complete_through else None,
            "warnings": list(self.warnings),
            "suggestions": list(self.suggestions),
        }


def _months_text(months: tuple[Month, ...]) -> str:
    if not months:
        return ""
    if len(months) == 1:
        return str(months[0])
    return f"{months[0]}–{months[-1]} ({len(months)} månader)"


def benefit_coverage(
    info: BenefitInfo,
    as_of: date,
    period_from: str = "",
    period_to: str = "",
    overrides: Overrides | None = None,
) -> BenefitCoverage:
    """Coverage of one benefit for the requested months (YYYY-MM, either may be empty) at `as_of`."""
    overrides = overrides if overrides is not None else load_overrides()
    lag = effective_lag(info, as_of, overrides)
    through = latest_complete_month(as_of, lag.months)
    warnings: list[str] = []
    lag_note = ""
    if lag.estimate:
        lag_note = (
            f"Fördröjningen för {info.name} är en uppskattning ({lag.months} månader); "
            f"Försäkringskassan publicerar ingen fördröjning utanför MiDAS. Underlag: {lag.basis}"
        )
    elif lag.changed_from:
        lag_note = f"Fördröjningen för {info.name} är ändrad av användaren: {lag.describe()}."
    ongoing = ONGOING_LAGS.get(info.id) if lag.scope else None
    ongoing_through = latest_complete_month(as_of, ongoing.months) if ongoing else None
    if ongoing is not None:
        lag_note = (
            f"Cirka {lag.months} månaders fördröjning gäller {ongoing.scope} (Försäkringskassan). För pågående "
            f"{info.name.lower()} anger Försäkringskassan ingen fördröjning; vår uppskattning är "
            f"{ongoing.months} månader som för övriga förmåner i MiDAS (kompletta till och med {ongoing_through})."
        )
    try:
        start = Month.parse(period_from) if period_from.strip() else None
        end = Month.parse(period_to) if period_to.strip() else None
    except CoverageError as exc:
        warnings.append(f"{info.name}: {exc}")
        start = end = None
    no_period = BenefitCoverage(
        benefit=info.id,
        name=info.name,
        register=info.register,
        as_of=as_of,
        lag=lag,
        period_from=start,
        period_to=end,
        complete_through=through,
        incomplete_months=(),
        complete_from=None,
        status="no_period",
        lag_note=lag_note,
        lag_scope=ongoing.scope if ongoing else "",
        ongoing_lag_months=ongoing.months if ongoing else None,
        ongoing_complete_through=ongoing_through,
    )
    if start is None or end is None or end < start:
        if start is not None and end is not None:
            warnings.append(f"{info.name}: perioden slutar ({end}) före den börjar ({start}). Rätta perioden.")
        else:
            warnings.append(f"{info.name}: ange period (från och till) för att se vilka månader som är kompletta.")
        return replace(no_period, warnings=tuple(warnings))
    incomplete = tuple(m for m in month_range(max(start, through.plus(1)), end))
    whole_from = complete_from(end, lag.months)
    suggestions: list[str] = []
    if not incomplete:
        status: Status = "complete"
    else:
        status = "partial" if start <= through else "incomplete"
        scope = f" för {ongoing.scope}" if ongoing else ""
        warnings.append(
            f"{info.name}: {_months_text(incomplete)} är inte kompletta{scope} vid uttaget {as_of.isoformat()} "
            f"(kompletta till och med {through})."
        )
        if status == "partial":
            suggestions.append(f"Avsluta perioden med {through} i stället för {end}.")
        suggestions.append(
            f"Eller planera uttaget till tidigast {whole_from.isoformat()}, då hela perioden till och med "
            f"{end} är komplett."
        )
    return replace(
        no_period,
        incomplete_months=incomplete,
        complete_from=whole_from,
        status=status,
        warnings=tuple(warnings),
        suggestions=tuple(suggestions),
    )


def planned_extraction(order: Order) -> date | None:
    """The extraction date the order plans: its desired delivery date (önskat leveransdatum), if valid.

    FK extracts the data for delivery, so the months complete on that date are what the order gets.
    """
    text = order.text("leverans.onskat_datum").strip()
    try:
        return date.fromisoformat(text) if text else None
    except ValueError:
        return None


def order_coverage(
    order: Order,
    as_of: date | None = None,
    lookup: BenefitLookup | None = None,
    overrides: Overrides | None = None,
    *,
    catalog: Catalog | None = None,
) -> list[BenefitCoverage]:
    """Coverage of every benefit in `order` at the extraction date `as_of` (default today).

    A benefit the catalog does not know gets status 'unknown' with a warning instead of stopping.
    `catalog` (default: the catalog as the user sees it) is used when no `lookup` is given.
    """
    as_of = as_of or date.today()
    if not order.benefits:
        return []
    lookup = lookup or catalog_lookup(catalog)
    overrides = overrides if overrides is not None else load_overrides()
    result = []
    for request in order.benefits:
        try:
            info = lookup(request.benefit)
        except CoverageError as exc:
            result.append(
                BenefitCoverage(
                    benefit=request.benefit,
                    name=request.name or request.benefit,
                    register="",
                    as_of=as_of,
                    lag=None,
                    period_from=None,
                    period_to=None,
                    complete_through=None,
                    incomplete_months=(),
                    complete_from=None,
                    status="unknown",
                    warnings=(str(exc),),
                )
            )
            continue
        if request.name and request.name != info.name:
            info = replace(info, name=request.name)
        result.append(benefit_coverage(info, as_of, request.period_from, request.period_to, overrides))
    return result
