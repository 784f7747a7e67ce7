"""The guard on files LibreOffice writes (.odt, .ods, .odp, .rtf, .pptx, .html, .docx, .xlsx from HTML input).

LibreOffice splits a number into several spans or runs when its formatting changes mid-number, and
stores spreadsheet numbers as numbers (the leading zero of someone born 2000-2009 lost).
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from beställning.send.scan import scan_path
from tests.libreoffice import needs_libreoffice
from tests.pnr_numbers import make_numbers, masked

pytestmark = [pytest.mark.libreoffice, needs_libreoffice]

P1, P2 = make_numbers(2, seed=21)
Y1 = make_numbers(1, seed=22, born_2000s=True)[0]
S1 = make_numbers(1, seed=23, coordination=True)[0]

# Formatting changes in the middle of each number, so LibreOffice writes several spans/runs.
DOCUMENT = f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>Test</title></head><body>
<p>Person: {P1[:4]}<b>{P1[4:6]}</b>-<i>{P1[6:]}</i></p>
<p>Samordning: <span style="color:red">{S1[:6]}</span>&nbsp;{S1[6:]}</p>
<p>Organisationsnummer 202100-5521, dnr 2024-01234-01, tel 070-123 45 67.</p>
</body></html>"""
SHEET = f"lopnr,nummer\n1,{Y1}\n2,{P2}\n"  # Calc splits at commas and reads 0605… as a number: the zero is lost
HAS_IMPRESS = any(Path(p).exists() for p in ("/usr/lib/libreoffice/program/libsdlo.so",)) or bool(
    list(Path("/usr/lib/libreoffice/program").glob("libsdlo*"))
)


def convert(source: Path, target: str, work: Path, filter_options: str = "") -> Path:
    profile = work / "lo-profile"
    target_arg = f"{target}:{filter_options}" if filter_options else target
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--convert-to",
            target_arg,
            "--outdir",
            str(work / "out"),
            str(source),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    out = work / "out" / f"{source.stem}.{target.split(':')[0]}"
    assert out.exists(), f"LibreOffice wrote no {target}"
    return out


@pytest.fixture(scope="module")
def lo_files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    work = tmp_path_factory.mktemp("lo")
    doc = work / "brev.html"
    doc.write_text(DOCUMENT, encoding="utf-8")
    sheet = work / "tabell.csv"
    sheet.write_text(SHEET, encoding="utf-8")
    odt = convert(doc, "odt", work)
    files = {"odt": odt}
    for target in ("rtf", "docx", "html"):
        files[target] = convert(odt, target, work)
    for target in ("ods", "xlsx"):
        files[target] = convert(sheet, target, work, "")
    files["csv"] = convert(files["ods"], "csv", work)  # Calc writes the numbers as numbers: no zero
    files["sheet.html"] = convert(files["ods"], "html", work)  # the value in sdval="…", no zero either
    if HAS_IMPRESS:
        files["pptx"] = convert(odt, "pptx", work)
        files["odp"] = convert(odt, "odp", work)
    return files


@pytest.mark.parametrize("kind", ["odt", "rtf", "docx", "html"])
def test_documents_from_libreoffice(lo_files: dict[str, Path], kind: str) -> None:
    report = scan_path(lo_files[kind])
    found = {f.masked for f in report.findings}
    assert {masked(P1), masked(S1)} <= found, (kind, report.findings, report.unreadable)
    assert not report.unreadable


@pytest.mark.parametrize("kind", ["ods", "xlsx", "csv", "sheet.html"])
def test_spreadsheets_from_libreoffice_with_numeric_cells(lo_files: dict[str, Path], kind: str) -> None:
    report = scan_path(lo_files[kind])
    found = {f.masked for f in report.findings}
    assert {masked(Y1), masked(P2)} <= found, (kind, report.findings, report.unreadable)
    assert not report.unreadable


@pytest.mark.parametrize("kind", ["odp", "pptx"])
def test_presentations_from_libreoffice(lo_files: dict[str, Path], kind: str) -> None:
    if kind not in lo_files:
        pytest.skip("LibreOffice Impress saknas; PPTX byggs för hand i test_scan_formats.py")
    report = scan_path(lo_files[kind])
    assert not report.unreadable, report.unreadable
    # Writer → Impress conversion may drop body text; whatever it kept must be found, and at least one number.
    assert report.findings, (kind, report.notes)
