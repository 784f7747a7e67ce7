"""Time of the ethics check for a generated 60-page application (target <= 1 s, reading included).

Each case is read cold (the extraction cache cleared before every run): a complete application whose
requirements sit on the last pages; one that mentions none of them (every term searched through every
page); the complete one read by the pypdf fallback (for information: it is the path when PDFium is
missing); the same text as .docx; and, where LibreOffice is installed, a 60-page PDF written by
LibreOffice (embedded fonts, kerning), as researchers' PDFs are.
"""

from __future__ import annotations

import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from beställning.ethics import check_ethics  # noqa: E402
from beställning.ethics.extract import _read_cached  # noqa: E402
from tests.ethics_documents import APPLICATION, decision_lines, make_docx, make_pdf, research_order  # noqa: E402

PAGES = 60
LINES_PER_PAGE = 46
RUNS = 5
TARGET_S = 1.0
VOCABULARY = (
    "forskningen studien projektet analysen deltagarna resultaten metoden frågeställningen hypotesen "
    "urvalet kontrollgruppen registret variablerna sambanden effekten arbetsmarknaden hälsan utbildningen "
    "inkomsten kommunen regionen vården behandlingen uppföljningen tidpunkten risken skyddet sekretessen "
    "säkerheten åtkomsten lagringen gallringen publiceringen granskningen ansvaret huvudmannen nyttan "
    "jämförs beskrivs undersöks analyseras redovisas skyddas lagras krypteras bedöms motiveras används "
    "och att som för med på av till i om det en ett inte de kan ska har är var"
)
WORDS = VOCABULARY.split()


def filler_lines(rng: random.Random, count: int) -> list[str]:
    lines = []
    for _ in range(count):
        words = [rng.choice(WORDS) for _ in range(rng.randint(11, 15))]
        line = " ".join(words)
        lines.append(line[0].upper() + line[1:] + ".")
    return lines


def application_pages(with_requirements: bool, lines_per_page: int = LINES_PER_PAGE) -> list[list[str]]:
    rng = random.Random(14)
    pages = [filler_lines(rng, lines_per_page) for _ in range(PAGES)]
    if with_requirements:
        for index, lines in enumerate(APPLICATION.values()):
            pages[PAGES - 6 + index][10:10] = lines
    return pages


def _paragraph(lines: list[str]) -> str:
    """Lines as one paragraph; a word split at a line end ("föräldra-") joined again."""
    text = ""
    for line in lines:
        text = text[:-1] + line if text.endswith("-") else f"{text} {line}".strip()
    return text


def time_case(label: str, folder: Path, application: Path) -> None:
    order = research_order(application=str(application), decision=str(folder / "etikbeslut.pdf"))
    times = []
    for _ in range(RUNS):
        _read_cached.cache_clear()
        start = time.perf_counter()
        report = check_ethics(order, folder)
        times.append(time.perf_counter() - start)
    counts = {status: sum(e.status == status for e in report.entries) for status in ("found", "missing")}
    worst = max(times)
    verdict = "OK" if worst <= TARGET_S else "OVER TARGET"
    print(
        f"{label}: median {statistics.median(times) * 1000:.0f} ms, max {worst * 1000:.0f} ms "
        f"(target <= {TARGET_S * 1000:.0f} ms) {verdict}; {counts['found']} found, {counts['missing']} missing "
        f"of {len(report.entries)}"
    )


def main() -> None:
    folder = Path(tempfile.mkdtemp(prefix="bench-ethics-"))
    (folder / "etikbeslut.pdf").write_bytes(make_pdf(decision_lines()))
    for with_requirements, name in ((True, "komplett"), (False, "utan-krav")):
        pdf = folder / f"{name}.pdf"
        pdf.write_bytes(make_pdf(application_pages(with_requirements)))
        time_case(f"{PAGES}-page PDF, {name} ({pdf.stat().st_size // 1024} kB)", folder, pdf)
    from beställning.ethics import extract

    pdfium = extract._pdfium_pages
    extract._pdfium_pages = lambda data: None  # type: ignore[assignment]
    try:
        time_case(f"{PAGES}-page PDF, komplett, pypdf fallback (PDFium missing)", folder, folder / "komplett.pdf")
    finally:
        extract._pdfium_pages = pdfium
    docx = make_docx(folder / "komplett.docx", application_pages(True))
    time_case(f"{PAGES}-page .docx, komplett", folder, docx)
    # For LibreOffice: lines grouped in paragraphs, as many as fill one of its pages.
    lo_pages = [[_paragraph(page[i : i + 5]) for i in range(0, len(page), 5)] for page in application_pages(True, 20)]
    docx = make_docx(folder / "lo.docx", lo_pages)
    if shutil.which("soffice") is None:
        print("LibreOffice (soffice) saknas: ingen PDF från LibreOffice mätt.")
        return
    subprocess.run(
        ["soffice", f"-env:UserInstallation={(folder / 'lo').as_uri()}", "--headless", "--convert-to", "pdf",
         "--outdir", str(folder / "lo-out"), str(docx)],
        check=True, capture_output=True, timeout=300,
    )  # fmt: skip
    lo_pdf = folder / "lo-out" / "lo.pdf"
    from pypdf import PdfReader

    pages = len(PdfReader(lo_pdf).pages)
    time_case(f"{pages}-page PDF from LibreOffice, komplett ({lo_pdf.stat().st_size // 1024} kB)", folder, lo_pdf)


if __name__ == "__main__":
    main()
