"""Validation: mandatory fields per route, formats, and FK's consistency rules."""

from __future__ import annotations

import copy
from datetime import date

import pytest

from beställning.formats import luhn_ok, normalize_orgnr, orgnr_problem, parse_month
from beställning.order import Attachment, BenefitRequest, Order, load_order
from beställning.validation import Problem, is_sendable, validate
from tests.conftest import EXAMPLES

TODAY = date(2026, 11, 23)


def research() -> Order:
    return load_order(EXAMPLES / "forskning.json")


def fields_of(problems: list[Problem], blocking: bool = True) -> set[str]:
    return {p.field for p in problems if p.blocking == blocking}


def test_examples_are_sendable() -> None:
    for name in ("forskning.json", "statistik.json"):
        assert is_sendable(validate(load_order(EXAMPLES / name), TODAY)), name


def test_empty_order_lists_mandatory_fields_per_route() -> None:
    research_problems = fields_of(validate(Order(route="forskning"), TODAY))
    statistics_problems = fields_of(validate(Order(route="statistik"), TODAY))
    assert {"projekt.fragestallningar", "huvudman.namn", "bestallare.epost", "benefits"} <= research_problems
    assert "etik.rattslig_grund" not in research_problems
    assert {"etik.rattslig_grund", "projekt.statistik"} <= statistics_problems
    assert "huvudman.namn" not in statistics_problems
    assert all(p.message for p in validate(Order(), TODAY))


@pytest.mark.parametrize(
    ("field", "value", "fragment"),
    [
        ("bestallare.epost", "anna.exempel.se", "e-postadress"),
        ("bestallare.orgnr", "202100-9995", "Kontrollsiffran"),
        ("bestallare.orgnr", "811218-9876", "personnummer"),
        ("bestallare.orgnr", "12345", "tio siffror"),
        ("bestallare.telefon", "ring mig", "telefonnummer"),
        ("underskrift.datum", "2026-02-30", "finns inte"),
        ("underskrift.datum", "30 februari", "ÅÅÅÅ-MM-DD"),
        ("leverans.format", "Excel", "alternativen"),
    ],
)
def test_format_problems_name_their_field(field: str, value: str, fragment: str) -> None:
    order = research()
    order.set(field, value)
    problems = [p for p in validate(order, TODAY) if p.field == field]
    assert problems and problems[0].blocking and fragment in problems[0].message


def test_period_must_be_months_in_order() -> None:
    order = research()
    order.benefits[0].period_from, order.benefits[0].period_to = "2024-05", "2023-01"
    order.benefits[1].period_from = "2019/01"
    problems = validate(order, TODAY)
    assert "benefits[0].period_to" in fields_of(problems)
    assert "benefits[1].period_from" in fields_of(problems)


def test_sensitive_data_needs_ethics_decision_and_attachments() -> None:
    order = research()
    order.set("etik.dnr", "")
    order.attachments = []
    problems = validate(order, TODAY)
    messages = " ".join(p.message for p in problems if p.blocking)
    assert "etik.dnr" in fields_of(problems)
    assert "etikansökan" in messages and "Etikprövningsmyndigheten" in messages
    order.set("etik.kansliga", False)
    # The example picks Diagnos (health data): still sensitive, whatever the box says.
    assert not is_sendable(validate(order, TODAY))
    order.variables = [v for v in order.variables if "diagnos" not in v.variable.lower()]
    for request in order.benefits:
        request.wishes = ""
    assert is_sendable(validate(order, TODAY))


def test_supplements_need_their_attachment() -> None:
    order = research()
    order.set("etik.kompletteringar", "Komplettering dnr 2025-04567-02, beslut 2025-09-01")
    assert not is_sendable(validate(order, TODAY))
    order.attachments.append(Attachment("kompletteringar", "komplettering.pdf"))
    assert is_sendable(validate(order, TODAY))


def test_other_recipient_needs_data_processor_agreement() -> None:
    order = research()
    order.set("sakerhet.annan_mottagare", True)
    problems = validate(order, TODAY)
    assert any("personuppgiftsbiträdesavtal" in p.message for p in problems if p.blocking)
    order.attachments.append(Attachment("pub_avtal", "PUB.pdf"))
    assert is_sendable(validate(order, TODAY))


def test_linkage_and_repeat_deliveries_remind_about_ethics_application() -> None:
    order = research()
    order.set("upprepning.ja", True)
    warnings = [p for p in validate(order, TODAY) if not p.blocking]
    assert {"samkorning.ja", "upprepning.ja"} <= {p.field for p in warnings}
    assert all("etikansökan" in p.message for p in warnings if p.field in ("samkorning.ja", "upprepning.ja"))


def test_hidden_fields_are_not_required() -> None:
    order = research()
    order.set("leverans.format", "Annat")
    assert not any(p.field == "leverans.format_annat" for p in validate(order, TODAY))
    clone = copy.deepcopy(order)
    clone.set("gallring.langre", True)
    clone.set("gallring.till", "2020-01-01")
    assert "gallring.till" in fields_of(validate(clone, TODAY))


def test_duplicate_benefit_is_a_warning() -> None:
    order = research()
    order.benefits.append(
        BenefitRequest("sjuk_rehab", "Sjuk- och rehabiliteringspenning", "2010-01", "2011-12")
    )
    assert "benefits[2].benefit" in fields_of(validate(order, TODAY), blocking=False)


def test_orgnr_helpers() -> None:
    assert normalize_orgnr("2021005521") == "202100-5521"
    assert normalize_orgnr("16202100-5521") == "202100-5521"
    assert orgnr_problem("202100-5521") is None
    assert luhn_ok("8112189876") and not luhn_ok("8112189875")
    assert parse_month("2024-13") is None and parse_month("2024-02") == (2024, 2)


def test_longer_retention_needs_a_date_beyond_six_months() -> None:
    order = research()
    order.set("gallring.langre", True)
    assert "gallring.till" in fields_of(validate(order, TODAY))  # required once longer retention is asked
    order.set("gallring.till", "2027-05-01")  # within six months of the desired delivery 2027-03-01
    assert "gallring.till" in fields_of(validate(order, TODAY), blocking=False)
    order.set("gallring.till", "2029-12-31")
    order.set("gallring.skal", "Uppföljning av kohorten kräver en andra leverans med samma löpnummer.")
    assert not [p for p in validate(order, TODAY) if p.field.startswith("gallring")]
