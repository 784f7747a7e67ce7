"""The mail to FK is signed by whoever sends it (the contact person), not by the form's signatory."""

from __future__ import annotations

from pathlib import Path

from beställning.order import load_order
from beställning.send.message import body_for
from beställning.send.package import Package

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def test_the_body_is_signed_by_the_contact_person_who_sends_it(tmp_path: Path) -> None:
    order = load_order(EXAMPLES / "forskning.json")
    assert order.text("underskrift.namn") != order.text("bestallare.kontaktperson")
    package = Package(order, tmp_path, None, [])  # type: ignore[arg-type]
    body = body_for(order, package)
    assert body.rstrip().endswith("Med vänliga hälsningar\nAnna Lindqvist")
    order.set("bestallare.kontaktperson", "")
    assert body_for(order, package).rstrip().endswith("Med vänliga hälsningar\nErik Sandberg")
