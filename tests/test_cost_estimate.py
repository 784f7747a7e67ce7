"""Cost estimate: calibration against published figures, how it grows with the order, no-charge."""

from __future__ import annotations

from beställning.cost import estimate
from beställning.order import BenefitRequest, Order, VariablePick


def research_order() -> Order:
    """A typical register study: two MiDAS benefits over ten years, 20 variables, key file, linkage."""
    order = Order(route="forskning")
    order.benefits = [
        BenefitRequest("sjuk_rehab", "Sjuk- och rehabiliteringspenning", "2015-01", "2024-12"),
        BenefitRequest("foraldrapenning", "Föräldrapenning", "2015-01", "2024-12"),
    ]
    order.variables = [VariablePick("sjuk_rehab", f"s{i}") for i in range(12)] + [
        VariablePick("foraldrapenning", f"f{i}") for i in range(8)
    ]
    order.set("population.nyckelfil", True)
    order.set("samkorning.ja", True)
    return order


def statistics_order() -> Order:
    order = Order(route="statistik")
    order.benefits = [BenefitRequest("underhallsstod", "Underhållsstöd", "2023-01", "2024-12")]
    return order


def test_typical_research_order_lands_in_socialstyrelsen_range() -> None:
    est = estimate(research_order())
    assert 10 <= est.hours.expected <= 40
    assert est.hours.low < est.hours.expected < est.hours.high


def test_small_research_order_is_still_at_least_ten_hours() -> None:
    order = Order(route="forskning")
    order.benefits = [BenefitRequest("sjuk_rehab", "Sjuk- och rehabiliteringspenning", "2022-01", "2024-12")]
    order.variables = [VariablePick("sjuk_rehab", f"s{i}") for i in range(5)]
    assert 10 <= estimate(order).hours.expected <= 40


def test_statistics_orders_land_in_2_to_20_hours() -> None:
    assert 2 <= estimate(statistics_order()).hours.expected <= 20
    small = Order(route="statistik")
    small.benefits = [BenefitRequest("foraldrapenning", "Föräldrapenning", "2024-01", "2024-12")]
    small.variables = [VariablePick("foraldrapenning", "v1"), VariablePick("foraldrapenning", "v2")]
    assert 2 <= estimate(small).hours.expected <= 20


def test_kronor_follow_hours_rate_and_vat() -> None:
    est = estimate(research_order())
    assert est.rate == 850
    for part in ("low", "expected", "high"):
        hours = getattr(est.hours, part)
        assert getattr(est.sek_excl_vat, part) == hours * 850
        assert abs(getattr(est.sek_incl_vat, part) - hours * 850 * 1.25) < 1e-6
    assert est.hours.expected % 0.5 == 0


def test_estimate_grows_as_the_order_grows() -> None:
    order = Order(route="forskning")
    steps = []
    steps.append(estimate(order).hours.expected)
    order.benefits.append(BenefitRequest("sjuk_rehab", "Sjuk- och rehabiliteringspenning", "2024-01", "2024-12"))
    steps.append(estimate(order).hours.expected)
    order.benefits[0].period_from = "2015-01"  # ten years instead of one
    steps.append(estimate(order).hours.expected)
    order.variables = [VariablePick("sjuk_rehab", f"v{i}") for i in range(30)]
    steps.append(estimate(order).hours.expected)
    order.benefits.append(BenefitRequest("barnbidrag", "Barnbidrag", "2015-01", "2024-12"))
    steps.append(estimate(order).hours.expected)
    order.set("population.nyckelfil", True)
    steps.append(estimate(order).hours.expected)
    order.set("upprepning.ja", True)
    steps.append(estimate(order).hours.expected)
    assert steps == sorted(steps) and len(set(steps)) == len(steps), steps


def test_breakdown_explains_the_total() -> None:
    est = estimate(research_order())
    ids = [line.id for line in est.breakdown]
    assert ids[:3] == ["base", "secrecy", "delivery"]
    assert "benefit:sjuk_rehab" in ids and "benefit:foraldrapenning" in ids and "key_file" in ids
    assert "linkage" in ids and "repeat_setup" not in ids
    total = sum(line.hours.expected for line in est.breakdown)
    assert abs(total - est.hours.expected) <= 0.25  # rounded to half hours
    sjuk = next(line for line in est.breakdown if line.id == "benefit:sjuk_rehab")
    assert "12 variabler" in sjuk.detail and "9 år utöver det första" in sjuk.detail
    assert "MiDAS" in sjuk.label


def test_benefit_kinds_cost_differently() -> None:
    def one(benefit: str) -> float:
        order = Order(route="forskning")
        order.benefits = [BenefitRequest(benefit, benefit, "2024-01", "2024-12")]
        order.variables = [VariablePick(benefit, "v")]
        return estimate(order).hours.expected

    assert one("sjuk_rehab") < one("assistansersattning") < one("bostadsbidrag")


def test_benefit_with_list_but_no_variables_adds_choice_help() -> None:
    order = Order(benefits=[BenefitRequest("sjuk_rehab", "Sjukpenning", "2024-01", "2024-12")])
    line = next(line for line in estimate(order).breakdown if line.id == "benefit:sjuk_rehab")
    assert "hjälp att välja variabler" in line.detail
    order.variables = [VariablePick("sjuk_rehab", "v")]
    line = next(line for line in estimate(order).breakdown if line.id == "benefit:sjuk_rehab")
    assert "hjälp att välja" not in line.detail


def test_tables_and_wishes_count() -> None:
    order = Order(benefits=[BenefitRequest("sjuk_rehab", "Sjukpenning", "2024-01", "2024-12")])
    order.variables = [
        VariablePick("sjuk_rehab", "t", kind="table"),
        VariablePick("sjuk_rehab", "w", kind="wish"),
    ]
    line = next(line for line in estimate(order).breakdown if line.id == "benefit:sjuk_rehab")
    assert "1 tabell" in line.detail and "1 önskemål" in line.detail


def test_no_charge_with_duty_to_provide_data() -> None:
    order = statistics_order()
    order.set("faktura.uppgiftslamnarskyldighet", True)
    order.set("faktura.uppgiftslamnarskyldighet_grund", "Förordning (2001:100) om den officiella statistiken")
    est = estimate(order)
    assert est.no_charge and est.hours.expected > 0
    assert est.sek_excl_vat.high == 0 and est.sek_incl_vat.high == 0
    assert "uppgiftslämnarskyldighet" in est.no_charge_reason and "2001:100" in est.no_charge_reason
    assert est.to_dict()["no_charge_reason"] == est.no_charge_reason


def test_repeat_deliveries_are_explained() -> None:
    order = research_order()
    order.set("upprepning.ja", True)
    est = estimate(order)
    assert est.per_extra_delivery_hours is not None and est.per_extra_delivery_hours.expected > 0
    assert any("ytterligare leverans" in note for note in est.notes)


def test_missing_period_is_noted() -> None:
    order = Order(benefits=[BenefitRequest("sjuk_rehab", "Sjukpenning")])
    assert any("perioden saknas" in note for note in estimate(order).notes)


def test_disclaimer_says_orientation_not_fk() -> None:
    text = estimate(research_order()).disclaimer
    assert "orientering" in text and "inte Försäkringskassans" in text
