"""A demonstration register: twenty orders in different states of FK's process.

Nineteen made-up orders and one repeat delivery (a duplicate of one of them).

Used by tests, screenshots and anyone trying the start page. Dates are relative to `today`, so the
reminders always have something to show. Every project, person and document here is made up;
the attached documents are short text files saying so.
"""

from __future__ import annotations

import tempfile
import unicodedata
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from pathlib import Path

from beställning.order import BenefitRequest, Order, SentRecord
from beställning.process import add_months
from beställning.register.store import Register

Ev = tuple[str, int]  # step, days before today


@dataclass(frozen=True)
class DemoOrder:
    """One made-up order and what has happened to it, in days before `today`."""

    title: str
    person: str
    organisation: str
    route: str = "forskning"
    sent: int | None = None
    events: tuple[Ev, ...] = ()
    key_file: bool = True
    desired_in: int | None = None  # desired delivery, days after today
    longer_until_months: int | None = None  # longer retention, months after delivery
    archived: bool = False
    modified_days_ago: int = 0
    quote: tuple[float, float] | None = None  # quoted hours, estimated hours
    benefits: tuple[str, ...] = ("sjuk_rehab",)
    documents: dict[str, str] = field(default_factory=dict)  # step -> file name


BENEFIT_NAMES = {
    "sjuk_rehab": "Sjuk- och rehabiliteringspenning",
    "sa_ersattning": "Sjuk- och aktivitetsersättning",
    "foraldrapenning": "Föräldrapenning och skattad föräldraledighet",
    "tillfallig_foraldrapenning": "Tillfällig föräldrapenning",
    "bostadsbidrag": "Bostadsbidrag",
    "assistansersattning": "Assistansersättning",
}

FULL = ("confirmation", "draft_quote", "agreement", "decision", "key_file")

DEMO: tuple[DemoOrder, ...] = (
    DemoOrder(
        "Sjukfrånvaro efter covid-19", "Anna Lindqvist", "Karolinska Institutet", sent=1, desired_in=150
    ),
    DemoOrder(
        "Föräldraledighet och löneutveckling",
        "Erik Johansson",
        "Uppsala universitet",
        sent=9,
        benefits=("foraldrapenning",),
    ),
    DemoOrder(
        "Återgång i arbete efter utbrändhet",
        "Maria Nilsson",
        "Göteborgs universitet",
        sent=20,
        events=(("confirmation", 18),),
    ),
    DemoOrder(
        "Sjukersättning bland unga vuxna",
        "Johan Berg",
        "Lunds universitet",
        sent=40,
        events=(("confirmation", 38), ("supplement", 25)),
        benefits=("sa_ersattning",),
    ),
    DemoOrder(
        "Tillfällig föräldrapenning och barns hälsa",
        "Sara Ek",
        "Umeå universitet",
        sent=60,
        events=(("confirmation", 58), ("draft_quote", 12)),
        benefits=("tillfallig_foraldrapenning",),
        documents={"draft_quote": "Utkast till offert.txt"},
    ),
    DemoOrder(
        "Rehabiliteringskedjan 2018–2024",
        "Lars Holm",
        "Linköpings universitet",
        sent=80,
        events=(("confirmation", 78), ("draft_quote", 50), ("agreement", 30)),
        quote=None,
    ),
    DemoOrder(
        "Assistansersättning och sysselsättning",
        "Karin Sundberg",
        "Stockholms universitet",
        sent=100,
        events=(("confirmation", 98), ("draft_quote", 70), ("agreement", 50), ("decision", 3)),
        benefits=("assistansersattning",),
        documents={"decision": "Beslut och offert.txt"},
        quote=(34.0, 28.0),
    ),
    DemoOrder(
        "Sjukskrivning och arbetsmiljö i vården",
        "Per Andersson",
        "Örebro universitet",
        sent=130,
        events=(*((s, d) for s, d in zip(FULL, (128, 100, 80, 40, 35), strict=True)),),
        desired_in=20,
        quote=(40.0, 36.0),
    ),
    DemoOrder(
        "Bostadsbidrag och barnfattigdom",
        "Eva Lund",
        "SCB",
        route="statistik",
        sent=150,
        events=(
            ("confirmation", 148),
            ("draft_quote", 120),
            ("agreement", 100),
            ("decision", 70),
            ("delivery", 20),
        ),
        key_file=False,
        benefits=("bostadsbidrag",),
        quote=(12.0, 10.0),
    ),
    DemoOrder(
        "Långtidssjukskrivning och inkomst",
        "Anders Wikström",
        "Karolinska Institutet",
        sent=260,
        events=(*((s, d) for s, d in zip(FULL, (258, 230, 200, 180, 175), strict=True)), ("delivery", 125)),
        quote=(52.0, 40.0),
    ),
    DemoOrder(
        "Föräldrapenning bland egenföretagare",
        "Lena Håkansson",
        "Mittuniversitetet",
        sent=300,
        events=(
            *((s, d) for s, d in zip(FULL, (298, 270, 250, 230, 225), strict=True)),
            ("delivery", 168),
            ("invoice", 120),
        ),
        benefits=("foraldrapenning",),
    ),
    DemoOrder(
        "Psykisk ohälsa och sjukpenning",
        "Oskar Dahl",
        "Lunds universitet",
        sent=320,
        events=(
            *((s, d) for s, d in zip(FULL, (318, 290, 270, 250, 245), strict=True)),
            ("delivery", 176),
            ("invoice", 130),
        ),
        longer_until_months=24,
    ),
    DemoOrder(
        "Arbetsskador inom byggsektorn",
        "Ingrid Sjöberg",
        "KTH",
        sent=420,
        events=(
            *((s, d) for s, d in zip(FULL, (418, 390, 370, 350, 345), strict=True)),
            ("delivery", 260),
            ("invoice", 200),
        ),
        documents={"invoice": "Faktura.txt"},
    ),
    DemoOrder(
        "Sjukpenning i pandemins början",
        "Nils Eriksson",
        "Uppsala universitet",
        sent=700,
        events=(
            *((s, d) for s, d in zip(FULL, (698, 670, 650, 630, 625), strict=True)),
            ("delivery", 560),
            ("invoice", 500),
        ),
        archived=True,
    ),
    DemoOrder(
        "Sjukpenning och pension, statistik",
        "Helena Strand",
        "Inspektionen för socialförsäkringen",
        route="statistik",
        sent=6,
        events=(("confirmation", 4),),
        key_file=False,
    ),
    DemoOrder(
        "Sjukersättning och dödlighet",
        "Fredrik Lindgren",
        "Karolinska Institutet",
        sent=200,
        events=(
            ("confirmation", 198),
            ("draft_quote", 150),
            ("agreement", 120),
            ("decision", 90),
            ("delivery", 30),
        ),
        key_file=False,
        benefits=("sa_ersattning",),
        quote=(22.0, 24.0),
    ),
    DemoOrder(
        "Vård av barn och föräldrars arbetsmarknad",
        "Ulrika Norén",
        "Linnéuniversitetet",
        sent=250,
        events=(
            *((s, d) for s, d in zip(FULL, (248, 220, 200, 160, 150), strict=True)),
            ("delivery", 120),
            ("invoice", 80),
        ),
        benefits=("tillfallig_foraldrapenning",),
    ),
    DemoOrder(
        "Hälsa och arbetsliv 2030 (utkast)",
        "Anna Lindqvist",
        "Karolinska Institutet",
        modified_days_ago=45,
    ),
    DemoOrder(
        "Föräldrapenning och bostadsort (utkast)",
        "Erik Johansson",
        "Uppsala universitet",
        modified_days_ago=2,
        benefits=("foraldrapenning",),
    ),
)


def weekday_before(day: date) -> date:
    """The day itself, or the Friday before when it falls on a weekend (FK does not post on Sundays)."""
    return day - timedelta(days=max(day.weekday() - 4, 0))


def _email(person: str) -> str:
    plain = unicodedata.normalize("NFKD", person.lower()).encode("ascii", "ignore").decode()
    return plain.replace(" ", ".") + "@example.se"


def _stamp(day: date) -> str:
    return datetime.combine(day, time(10, 0)).astimezone().isoformat(timespec="seconds")


def build_order(spec: DemoOrder, today: date) -> Order:
    """The made-up order as an Order (not stored)."""
    order = Order(route="statistik" if spec.route == "statistik" else "forskning")
    order.fields.update(
        {
            "projekt.titel": spec.title,
            "bestallare.kontaktperson": spec.person,
            "bestallare.organisation": spec.organisation,
            "bestallare.epost": _email(spec.person),
            "population.nyckelfil": spec.key_file,
        }
    )
    if spec.desired_in is not None:
        order.fields["leverans.onskat_datum"] = (today + timedelta(days=spec.desired_in)).isoformat()
    if spec.longer_until_months is not None:
        delivered = next(weekday_before(today - timedelta(days=d)) for s, d in spec.events if s == "delivery")
        order.fields["gallring.langre"] = True
        order.fields["gallring.till"] = add_months(delivered, spec.longer_until_months).isoformat()
        order.fields["gallring.skal"] = "Uppföljning med en andra leverans planeras."
    for benefit in spec.benefits:
        order.benefits.append(
            BenefitRequest(benefit, BENEFIT_NAMES.get(benefit, benefit), "2018-01", "2024-12")
        )
    if spec.sent is not None:
        sent_day = weekday_before(today - timedelta(days=spec.sent))
        order.sent.append(
            SentRecord(
                f"<demo-{len(spec.title)}@example.se>",
                _stamp(sent_day),
                ["statistikenheten@forsakringskassan.se"],
            )
        )
        order.fields["underskrift.datum"] = sent_day.isoformat()
    last = min(
        (d for _, d in spec.events), default=spec.sent if spec.sent is not None else spec.modified_days_ago
    )
    order.created = _stamp(today - timedelta(days=(spec.sent or spec.modified_days_ago) + 5))
    order.modified = _stamp(today - timedelta(days=last))
    return order


def seed_demo(register: Register, today: date | None = None) -> list[str]:
    """Add the twenty demo orders to `register`; returns their ids in DEMO order, the repeat last."""
    today = today or date.today()
    ids: list[str] = []
    with tempfile.TemporaryDirectory() as tmp:
        for spec in DEMO:
            order = build_order(spec, today)
            register.save(order)
            for step, days in spec.events:
                docs: list[Path] = []
                if step in spec.documents:
                    path = Path(tmp) / spec.documents[step]
                    path.write_text(
                        f"Demodokument för {spec.title}. Inte ett dokument från Försäkringskassan.\n",
                        encoding="utf-8",
                    )
                    docs.append(path)
                register.record_event(
                    order.id, step, weekday_before(today - timedelta(days=days)), documents=docs
                )
            if spec.quote is not None:
                quoted, estimated = spec.quote
                decided = next(
                    (weekday_before(today - timedelta(days=d)) for s, d in spec.events if s == "decision"),
                    today,
                )
                register.set_quote(order.id, quoted, estimated, decided)
            if spec.archived:
                register.set_archived(order.id)
            ids.append(order.id)
    repeat = register.duplicate(ids[12])
    ids.append(repeat.id)
    return ids
