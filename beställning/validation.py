"""Validation of an order: mandatory fields per route, formats, and FK's consistency rules.

Each problem names its field (a form field id, or `benefits[i].<part>` / `attachments`), is blocking
or a warning, and says in Swedish what to do. An order with no blocking problem can be sent.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Literal

from beställning.attachments import requirements
from beställning.coverage import CoverageError, order_coverage
from beställning.form import FormDefinition, FormField, load_form
from beställning.formats import date_problem, is_email, is_phone, orgnr_problem, parse_date, parse_month
from beställning.order import Order
from beställning.process import add_months
from beställning.sensitive import handles_sensitive_data, health_data_items

Severity = Literal["blocking", "warning"]


@dataclass(frozen=True)
class Problem:
    """One thing to fix (blocking) or to consider (warning), tied to a field and a form section."""

    field: str
    section: str
    severity: Severity
    message: str

    @property
    def blocking(self) -> bool:
        return self.severity == "blocking"


def _format_problem(form_field: FormField, value: str, today: date) -> str | None:
    if form_field.kind == "email" and not is_email(value):
        return "Ange en giltig e-postadress, t.ex. namn@universitet.se."
    if form_field.kind == "orgnr":
        return orgnr_problem(value)
    if form_field.kind == "phone" and not is_phone(value):
        return "Ange ett telefonnummer med riktnummer, t.ex. 018-471 00 00."
    if form_field.kind == "date":
        return date_problem(value, today)
    if form_field.kind == "choice" and form_field.options and value not in form_field.options:
        return f"Välj ett av alternativen: {', '.join(form_field.options)}."
    return None


def _field_problems(order: Order, form: FormDefinition, today: date) -> list[Problem]:
    problems = []
    for form_field in form.all_fields():
        if not order.is_visible(form_field):
            continue
        value = order.get(form_field.id)
        if isinstance(value, bool):
            continue
        if not value.strip():
            if order.route in form_field.required_for:
                problems.append(
                    Problem(
                        form_field.id,
                        form_field.section_id,
                        "blocking",
                        f"Fyll i {form_field.label.lower()}.",
                    )
                )
            continue
        message = _format_problem(form_field, value, today)
        if message:
            problems.append(Problem(form_field.id, form_field.section_id, "blocking", message))
    return problems


def _benefit_problems(order: Order) -> list[Problem]:
    if not order.benefits:
        return [Problem("benefits", "data", "blocking", "Lägg till minst en förmån med period.")]
    problems = []
    seen: set[str] = set()
    for index, request in enumerate(order.benefits):
        name = request.name or request.benefit or f"förmån {index + 1}"
        key = f"benefits[{index}]"
        if not request.benefit:
            problems.append(Problem(f"{key}.benefit", "data", "blocking", "Välj vilken förmån uppgifterna gäller."))
        elif request.benefit in seen:
            problems.append(Problem(f"{key}.benefit", "data", "warning", f"{name} finns två gånger. Slå ihop raderna."))
        seen.add(request.benefit)
        start, end = parse_month(request.period_from), parse_month(request.period_to)
        for part, value, parsed in (
            ("period_from", request.period_from, start),
            ("period_to", request.period_to, end),
        ):
            if not value.strip():
                problems.append(Problem(f"{key}.{part}", "data", "blocking", f"Ange period för {name} som ÅÅÅÅ-MM."))
            elif parsed is None:
                problems.append(
                    Problem(
                        f"{key}.{part}",
                        "data",
                        "blocking",
                        f"Perioden för {name} ska skrivas ÅÅÅÅ-MM, t.ex. 2019-01.",
                    )
                )
        if start and end and start > end:
            problems.append(
                Problem(f"{key}.period_to", "data", "blocking", f"Perioden för {name} slutar före den börjar.")
            )
    return problems


def _has_attachment(order: Order, kind: str) -> bool:
    return any(a.kind == kind for a in order.attachments)


def _implied_sensitive_problems(order: Order) -> list[Problem]:
    """Health data picked while the order says it handles no sensitive personal data."""
    if order.route != "forskning" or order.flag("etik.kansliga"):
        return []
    items = health_data_items(order)
    if not items:
        return []
    named = ", ".join(items[:4]) + (" m.fl." if len(items) > 4 else "")
    return [
        Problem(
            "etik.kansliga",
            "etik",
            "blocking",
            f"{named} är uppgifter om hälsa, alltså känsliga personuppgifter, och kräver etikprövning. "
            "Markera att projektet behandlar känsliga personuppgifter och ange etikbeslutet, "
            "eller ta bort variablerna.",
        )
    ]


def _route_attachment_problems(order: Order, form: FormDefinition) -> list[Problem]:
    """Attachments of a kind the route does not have (ethics documents on a statistics order)."""
    problems = []
    for attachment in order.attachments:
        known = {k.id: k for k in form.attachment_kinds}
        kind = known.get(attachment.kind)
        if kind is not None and order.route not in kind.routes:
            problems.append(
                Problem(
                    "attachments",
                    "bilagor",
                    "warning",
                    f"{kind.title} hör till beställningar för forskning; statistikbeställningar har ingen "
                    f"etikprövning. Ta bort {Path(attachment.path).name} eller ändra typen till Övrig bilaga.",
                )
            )
    return problems


def _coverage_problems(order: Order, today: date) -> list[Problem]:
    """Months not yet complete at the planned extraction (the desired delivery date, else today)."""
    wanted = parse_date(order.text("leverans.onskat_datum"))
    as_of = wanted if wanted is not None and wanted > today else today
    try:
        coverage = order_coverage(order, as_of)
    except (CoverageError, OSError, ValueError):
        return []  # an unreadable catalog or settings file is reported where it is used
    problems = []
    for index, result in enumerate(coverage):
        if not result.incomplete_months:
            continue
        months = result.incomplete_months
        span = str(months[0]) if len(months) == 1 else f"{months[0]}–{months[-1]}"
        advice = " ".join(result.suggestions)
        estimate = " Fördröjningen är en uppskattning." if result.lag is not None and result.lag.estimate else ""
        problems.append(
            Problem(
                f"benefits[{index}].period_to",
                "data",
                "warning",
                f"{result.name}: {span} är inte kompletta vid uttaget {as_of.isoformat()} "
                f"(kompletta till och med {result.complete_through}).{estimate} {advice}".strip(),
            )
        )
    return problems


def _consistency_problems(order: Order, today: date, form: FormDefinition) -> list[Problem]:
    problems: list[Problem] = []
    research = order.route == "forskning"
    problems += _implied_sensitive_problems(order)
    if handles_sensitive_data(order):
        for field_id, what in (("etik.dnr", "diarienummer"), ("etik.beslutsdatum", "beslutsdatum")):
            if not order.text(field_id).strip():
                problems.append(
                    Problem(
                        field_id,
                        "etik",
                        "blocking",
                        f"Känsliga personuppgifter kräver etikprövning: ange Etikprövningsmyndighetens {what}.",
                    )
                )
    for requirement in requirements(order):
        if not requirement.generated and not _has_attachment(order, requirement.kind):
            problems.append(Problem("attachments", "bilagor", "blocking", requirement.reason))
    problems += _route_attachment_problems(order, form)
    if order.flag("samkorning.ja") and not order.flag("population.nyckelfil"):
        problems.append(
            Problem(
                "population.nyckelfil",
                "population",
                "blocking",
                "Samkörning med andra register kräver en nyckelfil (populationsfil med personnummer och "
                "löpnummer) som Försäkringskassan tar emot efter beslutet. Markera att en nyckelfil kommer "
                "att skickas och av vem (t.ex. SCB), eller avmarkera samkörningen.",
            )
        )
    if research and order.flag("samkorning.ja"):
        problems.append(
            Problem(
                "samkorning.ja",
                "samkorning",
                "warning",
                "Påminnelse: samkörningen ska också anges i etikansökan.",
            )
        )
    if research and order.flag("upprepning.ja"):
        problems.append(
            Problem(
                "upprepning.ja",
                "samkorning",
                "warning",
                "Påminnelse: upprepade leveranser ska anges i etikansökan, "
                "och varje leverans kräver ny prövning och offert.",
            )
        )
    if order.flag("population.nyckelfil"):
        problems.append(
            Problem(
                "population.nyckelfil",
                "population",
                "warning",
                "Skicka inte nyckelfilen nu. Försäkringskassan tar emot den först efter beslut om utlämnande, "
                "med rekommenderad post (eller digitalt från SCB).",
            )
        )
    decision = parse_date(order.text("etik.beslutsdatum"))
    if decision and decision > today:
        problems.append(
            Problem(
                "etik.beslutsdatum",
                "etik",
                "blocking",
                "Beslutsdatumet ligger i framtiden. Kontrollera datumet.",
            )
        )
    wanted = parse_date(order.text("leverans.onskat_datum"))
    if wanted and wanted < today:
        problems.append(
            Problem(
                "leverans.onskat_datum",
                "leverans",
                "warning",
                f"Önskat leveransdatum {wanted.isoformat()} har redan passerat. Ange ett datum efter i dag "
                f"({today.isoformat()}).",
            )
        )
    problems += _retention_problems(order, today)
    if order.flag("gallring.langre") and not order.text("gallring.skal").strip():
        problems.append(
            Problem(
                "gallring.skal",
                "gallring",
                "warning",
                "Motivera varför uppgifterna ska sparas längre än sex månader.",
            )
        )
    for index, pick in enumerate(order.variables):
        if not pick.justification.strip():
            problems.append(
                Problem(
                    f"variables[{index}].justification",
                    "data",
                    "warning",
                    f"Motivera variabeln {pick.variable} mot frågeställningarna.",
                )
            )
    return problems


def _retention_problems(order: Order, today: date) -> list[Problem]:
    """Longer retention than FK's six months needs a date later than six months after delivery."""
    if not order.flag("gallring.langre"):
        return []
    keep_until = parse_date(order.text("gallring.till"))
    if keep_until is None:
        return []  # a missing or malformed date is reported as a field problem (it is required when shown)
    if keep_until <= today:
        return [Problem("gallring.till", "gallring", "blocking", "Datumet för längre lagring måste ligga i framtiden.")]
    delivery = parse_date(order.text("leverans.onskat_datum")) or today
    if keep_until <= add_months(delivery, 6):
        return [
            Problem(
                "gallring.till",
                "gallring",
                "warning",
                "Datumet ligger inom de sex månader som Försäkringskassan ändå sparar filerna efter leverans. "
                "Ange ett senare datum, eller avmarkera längre lagring.",
            )
        ]
    return []


def validate(order: Order, today: date | None = None, form: FormDefinition | None = None) -> list[Problem]:
    """All problems of the order, blocking first, in form order within each severity."""
    form = form or load_form()
    today = today or date.today()
    problems = _field_problems(order, form, today) + _benefit_problems(order)
    problems += _consistency_problems(order, today, form) + _coverage_problems(order, today)
    section_order = {s.id: i for i, s in enumerate(form.sections)}
    return sorted(problems, key=lambda p: (not p.blocking, section_order.get(p.section, 99)))


def is_sendable(problems: list[Problem]) -> bool:
    return not any(p.blocking for p in problems)
