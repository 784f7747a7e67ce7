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
