"""LibreOffice opens FK's filled form: convert it to PDF and find a filled value in the text."""

from __future__ import annotations

from pathlib import Path

import pytest

from beställning.document.fk_form import fill_fk_form
from beställning.order import Order
from tests import fk_templates as t
from tests.libreoffice import docx_to_pdf, needs_libreoffice, pdf_text

pytestmark = pytest.mark.libreoffice


@needs_libreoffice
def test_filled_mixed_form_converts_to_pdf(tmp_path: Path) -> None:
    order = Order(route="forskning")
    order.set("bestallare.kontaktperson", "Anna Lindqvist")
    order.set("bestallare.orgnr", "202100-9994")
    order.set("population.beskrivning", "Personer födda 1975–1995")  # goes to the appendix
    out = fill_fk_form(order, t.build_mixed(tmp_path / "blankett.docx"), tmp_path / "ifylld.docx").output
    text = pdf_text(docx_to_pdf(out, tmp_path))
    assert "Anna Lindqvist" in text
    assert "202100-9994" in text
    assert "Uppgifter som inte fick plats i blanketten" in text
    assert "Personer födda 1975–1995" in text


@needs_libreoffice
def test_an_agency_form_reads_as_filled_in_libreoffice(tmp_path: Path) -> None:
    """As a case officer sees it: each value on its label's line, the boxes ticked, the periods one a line."""
    import subprocess

    from beställning.order import load_order
    from tests.conftest import EXAMPLES

    order = load_order(EXAMPLES / "forskning.json")
    template = t.build_agency_cells(tmp_path / "blankett.docx")
    out = fill_fk_form(order, template, tmp_path / "ifylld.docx").output
    pdf = docx_to_pdf(out, tmp_path)
    layout = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    lines = [" ".join(line.split()) for line in layout.splitlines()]
    assert "Beställningen avser: ☐ Statistikändamål ☒ Forskningsändamål" in lines
    assert "Känsliga personuppgifter ☒ Ja ☐ Nej" in lines
    assert "Registersamkörning ☒ Ja ☐ Nej" in lines
    assert "Upprepade leveranser ☐ Ja ☒ Nej" in lines
    assert "Uppgiftslämnarskyldighet ☐ Ja ☒ Nej" in lines
    assert "Etiskt godkännande (dnr) 2025-01234-01" in lines
    assert "Fakturamottagare / adress Exempeluniversitetet" in lines
    assert "Förmåner och perioder Sjuk- och rehabiliteringspenning:" in lines
    assert "Klicka eller tryck" not in layout
