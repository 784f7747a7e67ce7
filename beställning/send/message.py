"""The email (e-postmeddelandet) to FK: recipient from the form, subject and body from the order.

UTF-8 throughout, attachments with their MIME types and numbered names, and a size check against a
configurable limit. FK publishes no size limit for its mailbox; the default is a common mail-server
limit, which is why the user can change it.
"""

from __future__ import annotations

import email.policy
import email.utils
from dataclasses import dataclass
from email.message import EmailMessage

from beställning.form import FormDefinition, load_form
from beställning.formats import address_problem
from beställning.order import Order
from beställning.send.package import Package
from beställning.settings import Setting
from beställning.text import one_line

MAX_MESSAGE_MB = Setting("send.max_message_mb", 20, "Största storlek på e-postmeddelandet (MB)")
APP_DOMAIN = "bestallningsassistenten.invalid"


@dataclass(frozen=True)
class SizeCheck:
    """The encoded message's size against the limit, with advice when it is too big."""

    size: int
    limit: int

    @property
    def ok(self) -> bool:
        return self.size <= self.limit

    def advice(self) -> str:
        if self.ok:
            return ""
        return (
            f"E-postmeddelandet blir {self.size / 1e6:.1f} MB, mer än gränsen {self.limit / 1e6:.0f} MB "
            "(bilagor växer med ungefär en tredjedel när de kodas för e-post). Gör så här: ta bort bilagor "
            "som inte behövs, spara PDF-filer i mindre storlek, packa stora filer som .zip, eller dela upp "
            "utskicket i flera e-postmeddelanden och ange i ämnesraden att de hör ihop (t.ex. ”del 1 av 2”). "
            "Gränsen ändras under Inställningar om din e-postserver tar emot större meddelanden."
        )


def subject_for(order: Order, form: FormDefinition | None = None) -> str:
    """One line: a line break in the project title would make an invalid header."""
    form = form or load_form()
    return one_line(f"{form.route(order.route).title}: {order.title()}")


def _line(label: str, value: str) -> str | None:
    """'Label: value', or None (no line at all) when the value is empty."""
    return f"{label}: {value}" if value.strip() else None


def _key_file_lines(order: Order) -> list[str]:
    """How the key file will reach FK (domain brief §2): never with this email, only after the decision."""
    sender = order.text("population.nyckelfil_avsandare")
    contact = order.text("population.nyckelfil_kontakt")
    first = "Nyckelfilen (populationsfilen) skickas inte med detta e-postmeddelande."
    if sender == "SCB":
        text = f"{first} SCB skickar den efter Försäkringskassans beslut om utlämnande."
        return [text, f"Kontakt hos SCB: {contact}"] if contact else [text]
    by = f" (avsändare: {sender}{', ' + contact if contact else ''})" if sender and sender != "Beställaren" else ""
    return [f"{first} Den skickas med rekommenderad post efter Försäkringskassans beslut om utlämnande{by}."]


def body_for(order: Order, package: Package, form: FormDefinition | None = None) -> str:
    """The plain-text body: what is ordered, by whom, the numbered attachments, and how to reach us."""
    form = form or load_form()
    route = form.route(order.route)
    org = order.text("bestallare.organisation")
    orgnr = order.text("bestallare.orgnr")
    lines: list[str | None] = [
        "Hej,",
        "",
        f"Härmed skickar vi en {route.title[0].lower()}{route.title[1:]}.",
        "",
        _line("Projekt", order.title()),
        _line("Beställare", f"{org} ({orgnr})" if org and orgnr else org or orgnr),
        _line("Kontaktperson", order.text("bestallare.kontaktperson")),
    ]
    if order.route == "forskning":
        lines.append(_line("Forskningshuvudman", order.text("huvudman.namn")))
        lines.append(_line("Ansvarig forskare", order.text("huvudman.ansvarig")))
        lines.append(_line("Etikprövningsmyndighetens diarienummer", order.text("etik.dnr")))
    if order.benefits:
        lines += ["", "Förmåner:"]
        for benefit in order.benefits:
            period = f" ({benefit.period_from} – {benefit.period_to})" if benefit.period_from else ""
            lines.append(f"  – {benefit.name or benefit.benefit}{period}")
    lines += ["", "Bilagor:"]
    lines += [f"  {f.number}. {f.name}" for f in package.files]
    if order.flag("population.nyckelfil"):
        lines += ["", *_key_file_lines(order)]
    contact: list[str | None] = [
        order.text("bestallare.kontaktperson"),
        org,
        _line("E-post", order.text("bestallare.epost")),
        _line("Telefon", order.text("bestallare.telefon")),
        order.text("bestallare.postadress"),
    ]
    lines += ["", "Kontaktuppgifter:"] + [c for c in contact if c and c.strip()]
    signer = order.text("bestallare.kontaktperson") or order.text("underskrift.namn")  # the sender signs
    lines += ["", "Med vänliga hälsningar", signer]
    text = "\n".join(line for line in lines if line is not None)
    while "\n\n\n" in text:
        text = text.replace("\n\n\n", "\n\n")
    return text.strip() + "\n"


class AddressError(ValueError):
    """A sender or recipient is not exactly one plain address; the message says what to do, in Swedish."""


def sender_address(order: Order, sender: str = "") -> str:
    """Who the message is from: the given sender, else the orderer's e-mail address ('' for a draft)."""
    return one_line(sender) or one_line(order.text("bestallare.epost"))


def address_problems(order: Order, sender: str = "", form: FormDefinition | None = None) -> list[str]:
    """Why the message's From, Reply-To or To could carry anything but one plain address each."""
    form = form or load_form()
    problems = []
    chosen = sender_address(order, sender)
    if chosen:
        problem = address_problem(chosen, "avsändaren (Från och Svara till)")
        if problem:
            problems.append(problem + " Rätta e-postadressen i inställningarna eller under Beställare.")
    recipient_problem = address_problem(form.recipient, "mottagaren")
    if recipient_problem:
        problems.append(recipient_problem)
    return problems


def build_message(
    order: Order,
    package: Package,
    sender: str = "",
    form: FormDefinition | None = None,
) -> EmailMessage:
    """The complete message; `sender` defaults to the orderer's e-mail address (empty for a draft).

    Raises AddressError rather than write a header that could name a second address.
    """
    form = form or load_form()
    problems = address_problems(order, sender, form)
    if problems:
        raise AddressError(" ".join(problems))
    sender = sender_address(order, sender)
    msg = EmailMessage(policy=email.policy.SMTP)
    msg["To"] = one_line(form.recipient)
    if sender:
        msg["From"] = sender
        msg["Reply-To"] = sender
    msg["Subject"] = subject_for(order, form)
    msg["Date"] = email.utils.formatdate(localtime=True)
    domain = sender.rpartition("@")[2] if "@" in sender else APP_DOMAIN
    msg["Message-ID"] = email.utils.make_msgid(domain=domain)
    msg.set_content(body_for(order, package, form), charset="utf-8")
    for item in package.files:
        maintype, _, subtype = item.mime.partition("/")
        msg.add_attachment(item.path.read_bytes(), maintype=maintype, subtype=subtype, filename=item.name)
    return msg


def message_bytes(msg: EmailMessage) -> bytes:
    """The message as sent on the wire (CRLF line ends, headers encoded)."""
    return msg.as_bytes(policy=email.policy.SMTP)


def size_check(msg: EmailMessage, limit_mb: float) -> SizeCheck:
    return SizeCheck(len(message_bytes(msg)), int(limit_mb * 1_000_000))
