"""Speed and peak memory of the personnummer guard on a 150 MB document.xml (in a .docx) and a 150 MB CSV.

Targets (issue 10): >= 50 MB/s, peak RSS <= 2x the largest part. Each file is scanned in a child
process so its peak RSS (resource.getrusage, ru_maxrss) is its own; the baseline RSS of the child
after imports is printed too. MB/s is per wall-clock second and per CPU second (the machine is shared).

    .venv/bin/python bench/bench_scan.py [--mb 150]
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

MB = 1024 * 1024
TARGET_MB_S = 50.0
W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def _test_number() -> str:
    from tests.pnr_numbers import make_numbers

    return make_numbers(1, seed=99)[0]


WORDS = [
    "sjukpenning",
    "förmån",
    "utbetalning",
    "period",
    "beslut",
    "ärende",
    "variabel",
    "diagnos",
    "arbetsgivare",
    "ersättning",
    "kommun",
    "län",
    "omfattning",
    "deltid",
    "heltid",
    "återgång",
    "rehabilitering",
    "läkarintyg",
    "handläggare",
    "underlag",
    "uppgift",
]


def _paragraphs(rng: random.Random, count: int) -> bytes:
    """Word-like paragraphs, each different (dates, amounts, org numbers), split into runs as Word does."""
    out = []
    for _ in range(count):
        words = " ".join(rng.choice(WORDS) for _ in range(12))
        out.append(
            '<w:p><w:pPr><w:pStyle w:val="Normal"/></w:pPr><w:r><w:rPr><w:b/></w:rPr><w:t>'
            f"{words} {rng.randrange(2015, 2026)}-{rng.randrange(1, 13):02d}-{rng.randrange(1, 29):02d}, "
            f"belopp {rng.randrange(100, 99999)} kr, dnr 2024-{rng.randrange(10**5):05d}-01 och </w:t></w:r>"
            f'<w:r><w:t xml:space="preserve">{" ".join(rng.choice(WORDS) for _ in range(8))}.</w:t></w:r></w:p>'
        )
    return "".join(out).encode()


def make_docx(path: Path, size: int) -> int:
    """A .docx whose document.xml is `size` bytes, with one synthetic number at the end; returns its size."""
    rng = random.Random(1)
    head = f'<?xml version="1.0" encoding="UTF-8"?><w:document {W}><w:body>'.encode()
    tail = f"<w:p><w:r><w:t>{_test_number()}</w:t></w:r></w:p></w:body></w:document>".encode()
    written = 0
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        with zf.open("word/document.xml", "w", force_zip64=True) as out:
            out.write(head)
            written += len(head)
            while written < size - len(tail):
                block = _paragraphs(rng, 2000)
                out.write(block)
                written += len(block)
            out.write(tail)
            written += len(tail)
    return written


def make_csv(path: Path, size: int) -> int:
    """A statistics-like CSV (dates, org numbers, amounts, places) with one synthetic number at the end."""
    rng = random.Random(2)
    places = ["Malmö", "Umeå", "Åre", "Göteborg", "Luleå", "Visby"]
    written = 0
    with path.open("wb") as out:
        out.write(b"lopnr;datum;orgnr;belopp;ort;forman\n")
        row = 0
        while written < size:
            lines = []
            for _ in range(5000):
                row += 1
                lines.append(
                    f"{row};{rng.randrange(2015, 2026)}-{rng.randrange(1, 13):02d}-{rng.randrange(1, 29):02d};"
                    f"{rng.choice(['202100-5521', '556036-0793', '212000-0142'])};{rng.randrange(100000)};"
                    f"{rng.choice(places)};{rng.choice(WORDS)}\n"
                )
            block = "".join(lines).encode()
            out.write(block)
            written += len(block)
        line = f"999999;{_test_number()};x;0;Åre;x\n".encode()
        out.write(line)
        written += len(line)
    return written


def child(path: str) -> None:
    from beställning.send.scan import scan_path

    baseline = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    start, cpu = time.perf_counter(), time.process_time()
    report = scan_path(Path(path))
    wall, used = time.perf_counter() - start, time.process_time() - cpu
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    print(
        json.dumps(
            {
                "wall": wall,
                "cpu": used,
                "peak": peak,
                "baseline": baseline,
                "findings": len(report.findings),
                "unreadable": [u.reason for u in report.unreadable],
            }
        )
    )


def regex_ceiling(path: Path) -> float:
    """MB/s of the simplest digit search Python's re can do on this text: the ceiling for any regex scan."""
    import re

    text = path.read_text(encoding="utf-8")[: 20 * MB]
    start = time.process_time()
    sum(1 for _ in re.finditer(r"[0-9]{6}", text))
    return len(text) / MB / (time.process_time() - start)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--mb", type=int, default=150)
    parser.add_argument("--child")
    args = parser.parse_args()
    if args.child:
        child(args.child)
        return
    work = Path(tempfile.mkdtemp(prefix="bench-scan-"))
    cases = [("document.xml i .docx", work / "stor.docx", make_docx), ("CSV", work / "stor.csv", make_csv)]
    for label, path, make in cases:
        part = make(path, args.mb * MB)
        out = subprocess.run(
            [sys.executable, __file__, "--child", str(path)], check=True, capture_output=True, text=True
        ).stdout
        result = json.loads(out)
        mb = part / MB
        rate, cpu_rate = mb / result["wall"], mb / result["cpu"]
        peak, base = result["peak"] / MB, result["baseline"] / MB
        print(
            f"{label}: {mb:.0f} MB (fil {path.stat().st_size / MB:.0f} MB), {result['wall']:.1f} s: "
            f"{rate:.1f} MB/s vägg, {cpu_rate:.1f} MB/s CPU (mål >= {TARGET_MB_S:.0f}) "
            f"{'OK' if rate >= TARGET_MB_S else 'UNDER MÅL'}; "
            f"topp-RSS {peak:.0f} MB (varav {base:.0f} MB efter import; mål <= {2 * mb:.0f} MB) "
            f"{'OK' if peak <= 2 * mb else 'ÖVER MÅL'}; fynd {result['findings']}, ej granskade {result['unreadable']}"
        )
        if path.suffix == ".csv":
            print(f"  referens: re.finditer('[0-9]{{6}}') på samma CSV: {regex_ceiling(path):.0f} MB/s CPU här")
        path.unlink()


if __name__ == "__main__":
    main()
