"""Coverage: the lag convention around month ends and year boundaries, warnings and suggestions."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from beställning.cost.overrides import Overrides, add_lag_change, load_overrides
from beställning.coverage import (
    BenefitInfo,
    CoverageError,
    Month,
    benefit_coverage,
    complete_from,
    latest_complete_month,
    order_coverage,
)
from beställning.order import BenefitRequest, Order

SJUK = BenefitInfo(
    "sjuk_rehab", "Sjuk- och rehabiliteringspenning", "MiDAS", 3, False, "FK: cirka 3 månader", "OP"
)
SA = BenefitInfo(
    "sa_ersattning", "Sjuk- och aktivitetsersättning", "MiDAS", 9, False, "FK: cirka 9 månader", "OP"
)
UHS = BenefitInfo(
    "underhallsstod", "Underhållsstöd", "Utanför MiDAS", 4, True, "handläggningstid 90 dagar", "ÅR"
)
INFOS = {i.id: i for i in (SJUK, SA, UHS)}


def lookup(benefit_id: str) -> BenefitInfo:
    if benefit_id not in INFOS:
        raise CoverageError(f"Okänd förmån '{benefit_id}'.")
    return INFOS[benefit_id]


def m(text: str) -> Month:
    return Month.parse(text)


def test_domain_example() -> None:
    as_of = date(2026, 11, 22)
    assert str(latest_complete_month(as_of, 3)) == "2026-07"
    assert str(latest_complete_month(as_of, 9)) == "2026-01"


@pytest.mark.parametrize(
    ("as_of", "lag", "expected"),
    [
        (date(2026, 7, 31), 3, "2026-03"),  # last day of a month
        (date(2026, 8, 1), 3, "2026-04"),  # first day of the next: one more month complete
        (date(2026, 12, 31), 3, "2026-08"),
        (date(2027, 1, 1), 3, "2026-09"),  # across the year boundary
        (date(2027, 1, 1), 0, "2026-12"),
        (date(2026, 3, 15), 9, "2025-05"),
        (date(2026, 2, 28), 1, "2025-12"),
        (date(2024, 2, 29), 2, "2023-11"),  # leap day
    ],
)
def test_latest_complete_month_around_month_ends(as_of: date, lag: int, expected: str) -> None:
    assert str(latest_complete_month(as_of, lag)) == expected


def test_complete_from_is_first_day_of_month_plus_lag_plus_one() -> None:
    assert complete_from(m("2026-04"), 3) == date(2026, 8, 1)
    assert complete_from(m("2026-11"), 3) == date(2027, 3, 1)
    assert complete_from(m("2026-12"), 0) == date(2027, 1, 1)
    assert complete_from(m("2026-06"), 9) == date(2027, 4, 1)


def test_both_rules_agree_every_day_for_three_years() -> None:
    day = date(2025, 1, 1)
    months = [m("2024-01").plus(i) for i in range(48)]
    while day <= date(2027, 12, 31):
        for lag in (0, 1, 3, 9, 11):
            through = latest_complete_month(day, lag)
            for month in months:
                assert (month <= through) == (day >= complete_from(month, lag)), (day, lag, month)
        day += timedelta(days=7 if day.day < 25 else 1)  # every day near month ends, weekly elsewhere


def test_month_parse_and_arithmetic() -> None:
    assert m("2026-12").plus(1) == Month(2027, 1)
    assert m("2027-01").plus(-1) == Month(2026, 12)
    assert str(m("2026-3")) == "2026-03"
    with pytest.raises(CoverageError, match="ÅÅÅÅ-MM"):
        Month.parse("2026-13")
    with pytest.raises(CoverageError):
        Month.parse("juli 2026")


def test_partial_period_lists_incomplete_months_and_suggests() -> None:
    cov = benefit_coverage(SJUK, date(2026, 11, 22), "2020-01", "2026-10", Overrides())
    assert cov.status == "partial"
    assert str(cov.complete_through) == "2026-07"
    assert [str(x) for x in cov.incomplete_months] == ["2026-08", "2026-09", "2026-10"]
    assert cov.complete_from == date(2027, 2, 1)
    assert any("2026-07" in s and "Avsluta" in s for s in cov.suggestions)
    assert any("2027-02-01" in s for s in cov.suggestions)
    assert cov.complete_months[0] == m("2020-01") and cov.complete_months[-1] == m("2026-07")


def test_month_end_decides_whether_last_month_is_complete() -> None:
    before = benefit_coverage(SJUK, date(2026, 7, 31), "2025-01", "2026-04", Overrides())
    after = benefit_coverage(SJUK, date(2026, 8, 1), "2025-01", "2026-04", Overrides())
    assert before.status == "partial" and [str(x) for x in before.incomplete_months] == ["2026-04"]
    assert after.status == "complete" and after.incomplete_months == ()
    assert before.complete_from == after.complete_from == date(2026, 8, 1)
    assert after.suggestions == ()


def test_whole_period_incomplete_only_suggests_ordering_later() -> None:
    cov = benefit_coverage(SA, date(2026, 11, 22), "2026-03", "2026-06", Overrides())
    assert cov.status == "incomplete"
    assert len(cov.incomplete_months) == 4
    assert not any("Avsluta" in s for s in cov.suggestions)
    assert any("2027-04-01" in s for s in cov.suggestions)


def test_estimated_lag_is_labelled() -> None:
    cov = benefit_coverage(UHS, date(2026, 11, 22), "2024-01", "2025-12", Overrides())
    assert cov.status == "complete"
    assert cov.lag is not None and cov.lag.estimate
    assert "uppskattning" in cov.lag_note and "handläggningstid 90 dagar" in cov.lag_note
    assert cov.warnings == ()
    assert "uppskattning" in cov.lag.describe()


def test_missing_or_reversed_period_warns_without_crashing() -> None:
    none = benefit_coverage(SJUK, date(2026, 11, 22), "", "", Overrides())
    assert none.status == "no_period" and str(none.complete_through) == "2026-07"
    reversed_ = benefit_coverage(SJUK, date(2026, 11, 22), "2026-05", "2026-01", Overrides())
    assert reversed_.status == "no_period"
    assert any("före den börjar" in w for w in reversed_.warnings)
    bad = benefit_coverage(SJUK, date(2026, 11, 22), "2026-1x", "2026-05", Overrides())
    assert bad.status == "no_period" and any("ÅÅÅÅ-MM" in w for w in bad.warnings)


def test_user_lag_change_applies_from_its_date() -> None:
    add_lag_change("sjuk_rehab", 4, "2026-10-01", "FK:s nya uppgift")
    overrides = load_overrides()
    later = benefit_coverage(SJUK, date(2026, 11, 22), "2026-01", "2026-07", overrides)
    assert later.lag is not None and later.lag.months == 4 and later.lag.changed_from == "2026-10-01"
    assert str(later.complete_through) == "2026-06"
    assert "katalogen anger 3" in later.lag.describe()
    assert "ändrad av användaren" in later.lag_note
    earlier = benefit_coverage(SJUK, date(2026, 9, 30), "2026-01", "2026-07", overrides)
    assert earlier.lag is not None and earlier.lag.months == 3 and not earlier.lag.changed_from


def test_order_coverage_keeps_unknown_benefits() -> None:
    order = Order(
        benefits=[
            BenefitRequest("sjuk_rehab", "Sjuk- och rehabiliteringspenning", "2024-01", "2026-09"),
            BenefitRequest("okand", "Något annat", "2024-01", "2024-12"),
        ]
    )
    result = order_coverage(order, date(2026, 11, 22), lookup=lookup, overrides=Overrides())
    assert [c.status for c in result] == ["partial", "unknown"]
    data = result[1].to_dict()
    assert data["complete_through"] is None and "Okänd" in data["warnings"][0]


def test_to_dict_has_promised_keys() -> None:
    data = benefit_coverage(SJUK, date(2026, 11, 22), "2026-01", "2026-09", Overrides()).to_dict()
    for key in ("benefit", "lag_months", "complete_through", "incomplete_months", "complete_from"):
        assert key in data
    assert data == data | {
        "benefit": "sjuk_rehab",
        "lag_months": 3,
        "complete_through": "2026-07",
        "incomplete_months": ["2026-08", "2026-09"],
        "complete_from": "2027-01-01",
    }
