"""LibreOffice round trip for tests: .docx → PDF → text, as a person's office suite would open it."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

needs_libreoffice = pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) saknas")


def docx_to_pdf(docx: Path, work: Path) -> Path:
    """Convert with a throwaway LibreOffice profile; returns the PDF (asserted to exist)."""
    profile = work / "lo-profile"
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(work),
            str(docx),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    pdf = work / f"{docx.stem}.pdf"
    assert pdf.exists() and pdf.stat().st_size > 1000, "LibreOffice wrote no PDF"
    return pdf


def pdf_text(pdf: Path) -> str:
    """The PDF's text (pdftotext); skips the test when poppler is missing."""
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext saknas; PDF:en skapades")
    return subprocess.run(["pdftotext", str(pdf), "-"], check=True, capture_output=True, text=True).stdout
