"""LibreOffice opens FK's filled form: convert it to PDF and find a filled value in the text."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from beställning.document.fill_fk import fill_fk_form
from beställning.order import Order
from tests import fk_templates as t

pytestmark = pytest.mark.libreoffice


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) saknas")
def test_filled_mixed_form_converts_to_pdf(tmp_path: Path) -> None:
    order = Order(route="forskning")
    order.set("bestallare.kontaktperson", "Anna Lindqvist")
    order.set("bestallare.orgnr", "202100-9994")
    order.set("population.beskrivning", "Personer födda 1975–1995")  # goes to the appendix
    out = fill_fk_form(order, t.build_mixed(tmp_path / "blankett.docx"), tmp_path / "ifylld.docx").output
    profile = tmp_path / "lo_profile"
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(out),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    pdf = tmp_path / "ifylld.pdf"
    assert pdf.exists() and pdf.stat().st_size > 1000
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext saknas; PDF:en skapades")
    text = subprocess.run(["pdftotext", str(pdf), "-"], check=True, capture_output=True, text=True).stdout
    assert "Anna Lindqvist" in text
    assert "202100-9994" in text
    assert "Uppgifter som inte fick plats i blanketten" in text
    assert "Personer födda 1975–1995" in text
