"""User changes to the cost model and lag rules (ändringar), kept with their dates so they can be shown.

When FK changes its hourly rate or a lag (fördröjning), the user records the new value and the date
it applies from; nothing in the code or the bundled resources changes. Every change is kept in
`cost_overrides.json` in the config folder, so the history stays visible. The file also holds the
calibration factor a colleague derives from real quotes (offerter).
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field, fields
from datetime import date, datetime
from pathlib import Path
from typing import Any

from beställning import paths
from beställning.atomic import write_text_atomic

FILE_NAME = "cost_overrides.json"


class OverridesError(Exception):
    """The overrides file or a new value is not usable; the message says what to do, in Swedish."""


@dataclass(frozen=True)
class RateChange:
    """A new hourly rate (timpris, kr exkl. moms) valid from a date."""

    sek_per_hour: float
    valid_from: str  # YYYY-MM-DD
    note: str = ""
    recorded: str = ""  # when the user entered it (ISO timestamp)


@dataclass(frozen=True)
class LagChange:
    """A new lag in months for one benefit (förmån), valid from a date."""

    benefit: str
    months: int
    valid_from: str  # YYYY-MM-DD
    note: str = ""
    recorded: str = ""


@dataclass(frozen=True)
class Calibration:
    """A factor that scales all hours, derived from real quotes (offerter) by a colleague."""

    factor: float = 1.0
    note: str = ""
    based_on: int = 0  # number of quotes behind the factor
    recorded: str = ""


@dataclass
class Overrides:
    """All user changes: rate history, lag history and the current calibration."""

    rates: list[RateChange] = field(default_factory=list)
    lags: list[LagChange] = field(default_factory=list)
    calibration: Calibration = field(default_factory=Calibration)

    def rate_on(self, day: date) -> RateChange | None:
        """The latest rate change in force on `day`, or None (then the bundled rate applies)."""
        valid = [r for r in self.rates if r.valid_from <= day.isoformat()]
        return max(valid, key=lambda r: (r.valid_from, r.recorded)) if valid else None

    def lag_on(self, benefit: str, day: date) -> LagChange | None:
        """The latest lag change for `benefit` in force on `day`, or None."""
        valid = [g for g in self.lags if g.benefit == benefit and g.valid_from <= day.isoformat()]
        return max(valid, key=lambda g: (g.valid_from, g.recorded)) if valid else None


def overrides_path() -> Path:
    return paths.config_dir() / FILE_NAME


def _now() -> str:
    return datetime.now().astimezone().isoformat(timespec="seconds")


def _check_date(value: str) -> str:
    try:
        return date.fromisoformat(value).isoformat()
    except (TypeError, ValueError) as exc:
        raise OverridesError(f"Datumet '{value}' ska skrivas ÅÅÅÅ-MM-DD, t.ex. 2026-01-01.") from exc


_TYPES: dict[str, tuple[type, ...]] = {"str": (str,), "int": (int,), "float": (int, float)}


def _typed(cls: type[Any], item: object) -> Any:
    """Build `cls` from a hand-editable JSON object, checking every value's type and every date."""
    if not isinstance(item, dict):
        raise TypeError(f"en post ska vara ett objekt, inte {item!r}")
    kinds = {f.name: str(f.type) for f in fields(cls)}
    for name, value in item.items():
        if name not in kinds:
            raise TypeError(f"okänd uppgift '{name}'")
        if isinstance(value, bool) or not isinstance(value, _TYPES[kinds[name]]):
            raise TypeError(f"'{name}' har fel typ ({value!r})")
    built = cls(**item)
    if hasattr(built, "valid_from"):
        _check_date(built.valid_from)
    return built


def load_overrides(path: Path | None = None) -> Overrides:
    """Read the user's changes; a missing file means none. A damaged file raises OverridesError."""
    path = path or overrides_path()
    if not path.exists():
        return Overrides()
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        rates = [_typed(RateChange, item) for item in data.get("rates", [])]
        lags = [_typed(LagChange, item) for item in data.get("lags", [])]
        calibration = _typed(Calibration, data.get("calibration", {}))
        if any(not 0 < r.sek_per_hour < 100_000 for r in rates) or any(not 0 <= g.months <= 60 for g in lags):
            raise ValueError("ett timpris eller en fördröjning ligger utanför rimliga gränser")
        if not 0 < calibration.factor < 100:
            raise ValueError("kalibreringsfaktorn ligger utanför rimliga gränser")
    except (OSError, ValueError, TypeError, AttributeError, OverridesError) as exc:
        raise OverridesError(
            f"Filen med ändrade timpriser och fördröjningar ({path}) kan inte läsas ({exc}). "
            "Rätta filen eller ta bort den för att återgå till de inbyggda värdena."
        ) from exc
    return Overrides(rates=rates, lags=lags, calibration=calibration)


def save_overrides(overrides: Overrides, path: Path | None = None) -> None:
    """Write all changes atomically."""
    data: dict[str, Any] = {
        "rates": [asdict(r) for r in overrides.rates],
        "lags": [asdict(g) for g in overrides.lags],
        "calibration": asdict(overrides.calibration),
    }
    write_text_atomic(path or overrides_path(), json.dumps(data, ensure_ascii=False, indent=2) + "\n")


def add_rate_change(sek_per_hour: float, valid_from: str, note: str = "") -> RateChange:
    """Record a new hourly rate; it applies to estimates on or after `valid_from`."""
    if not 0 < sek_per_hour < 100_000:
        raise OverridesError("Timpriset ska vara ett positivt belopp i kronor per timme, t.ex. 850.")
    change = RateChange(float(sek_per_hour), _check_date(valid_from), note.strip(), _now())
    overrides = load_overrides()
    overrides.rates.append(change)
    save_overrides(overrides)
    return change


def add_lag_change(benefit: str, months: int, valid_from: str, note: str = "") -> LagChange:
    """Record a new lag for a benefit; it applies to extraction dates on or after `valid_from`."""
    if not benefit:
        raise OverridesError("Välj vilken förmån fördröjningen gäller.")
    if not 0 <= months <= 60:
        raise OverridesError("Fördröjningen ska vara ett helt antal månader mellan 0 och 60.")
    change = LagChange(benefit, int(months), _check_date(valid_from), note.strip(), _now())
    overrides = load_overrides()
    overrides.lags.append(change)
    save_overrides(overrides)
    return change


def remove_change(kind: str, index: int) -> None:
    """Remove a recorded change ('rate' or 'lag') by its position in the history."""
    overrides = load_overrides()
    items: list[Any] = overrides.rates if kind == "rate" else overrides.lags
    if not 0 <= index < len(items):
        raise OverridesError("Ändringen finns inte längre. Ladda om inställningarna.")
    del items[index]
    save_overrides(overrides)


def set_calibration(factor: float, note: str, based_on: int) -> None:
    """Store the factor that scales all estimated hours (1.0 = no calibration)."""
    if not 0.1 <= factor <= 10:
        raise OverridesError("Kalibreringsfaktorn ska ligga mellan 0,1 och 10 (1,0 betyder ingen justering).")
    if based_on < 0:
        raise OverridesError("Antalet offerter som kalibreringen bygger på kan inte vara negativt.")
    overrides = load_overrides()
    overrides.calibration = Calibration(float(factor), note.strip(), int(based_on), _now())
    save_overrides(overrides)


def get_calibration() -> Calibration:
    """The stored calibration, or factor 1.0 when none is set."""
    return load_overrides().calibration
