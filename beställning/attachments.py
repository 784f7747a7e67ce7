"""What FK requires with an order: the attachments (bilagor) for its route and answers, and why.

One rule set for both the validation of the order and the send checklist (domain.md §1: the form;
for research with sensitive personal data the ethics application, Etikprövningsmyndigheten's
decision and any supplements with their decisions; a data processor agreement when the data go to
someone other than the research principal; the variable selection when variables are chosen).
"""

from __future__ import annotations

from dataclasses import dataclass

from beställning.form import FormDefinition, load_form
from beställning.order import Order
from beställning.sensitive import handles_sensitive_data


@dataclass(frozen=True)
class Requirement:
    """An attachment kind FK (or this order) needs, and why, in Swedish."""

    kind: str
    title: str
    required: bool
    generated: bool
    reason: str


def requirements(order: Order, form: FormDefinition | None = None) -> list[Requirement]:
    """What this order must send, in FK's order; generated items are made by the app."""
    form = form or load_form()

    def req(kind: str, reason: str) -> Requirement:
        spec = form.attachment_kind(kind)
        return Requirement(kind, spec.title, True, spec.generated, reason)

    result = [req("blankett", "Den ifyllda blanketten skickas alltid.")]
    if handles_sensitive_data(order):
        sensitive = "Forskning med känsliga personuppgifter kräver etikprövning."
        result.append(req("etikansokan", f"{sensitive} Bifoga etikansökan med dess bilagor."))
        result.append(req("etikbeslut", f"{sensitive} Bifoga Etikprövningsmyndighetens beslut."))
        if order.text("etik.kompletteringar").strip():
            result.append(
                req(
                    "kompletteringar",
                    "Beställningen nämner kompletteringar till Etikprövningsmyndigheten; bifoga dem med sina beslut.",
                )
            )
    if order.route == "forskning" and order.flag("sakerhet.annan_mottagare"):
        result.append(
            req(
                "pub_avtal",
                "Uppgifterna lämnas till någon annan än forskningshuvudmannen, så ett "
                "personuppgiftsbiträdesavtal ska bifogas.",
            )
        )
    if order.variables:
        result.append(req("variabelval", "Variabelvalet skapas ur beställningens valda variabler."))
    return result
