"""Scanning files and the order's free text for personal identity numbers before anything is sent.

FK takes the key file (nyckelfil) with personnummer only by registered post, after its decision, so
the guard looks everywhere a number can hide in what leaves: text and CSV files in any common
encoding, Excel cells (text and numbers), Word body, tables, content controls, headers, footers,
comments and embedded files, PDF text and PDF attachments, and .zip archives (recursively, within
limits that stop zip bombs). Files are recognised by content as well as by name, so a renamed key
file is still read. Reports carry only masked numbers.
"""

from __future__ import annotations

import bisect
import codecs
import html
import io
import logging
import re
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any
from xml.etree import ElementTree

from beställning.order import Order
from beställning.send.pnr import find_pnr, numeric_candidates
from beställning.zipguard import MB, ZipLimits, ZipTooLarge, read_member, size_problem, size_text

TEXT_SUFFIXES = {
    ".toml",
    ".ini",
    ".cfg",
    ".yaml",
    ".yml",
    ".log",
    ".html",
    ".htm",
    ".rtf",
    ".tex",
    ".py",
    ".csv",
    ".txt",
    ".tsv",
    ".tab",
    ".dat",
    ".json",
    ".xml",
    ".sql",
    ".sps",
    ".do",
    ".sas",
    ".r",
    ".md",
}
IMAGE_SUFFIXES = {".png", ".jpg", ".jpeg", ".gif", ".tif", ".tiff", ".bmp", ".heic", ".webp"}

# Binary formats whose numbers the guard cannot read (a personnummer stored as a number in a Stata or
# SPSS file is a few binary bytes): they block, with advice, instead of passing with a note.
_CANNOT_CHECK = "kan inte granskas: spara som .xlsx/.csv/.docx/.pdf eller ta bort filen."
_OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_SAS7BDAT_MAGIC = bytes.fromhex("000000000000000000000000c2ea8160b31411cfbd92080009c7318c181f1011")
_STATS_SUFFIXES = {
    ".sav": "SPSS-fil",
    ".zsav": "SPSS-fil",
    ".por": "SPSS-fil",
    ".dta": "Stata-fil",
    ".sas7bdat": "SAS-fil",
    ".xpt": "SAS-fil",
    ".parquet": "Parquet-fil",
    ".rds": "R-datafil",
    ".rdata": "R-datafil",
    ".feather": "Feather-fil",
}


@dataclass(frozen=True)
class Finding:
    """A personal identity number found: in which file (or field), where in it, masked."""

    source: str
    place: str
    masked: str
    kind: str

    def describe(self) -> str:
        return f"{self.source}: {self.place}: {self.masked} ({self.kind})"


@dataclass(frozen=True)
class Unreadable:
    """A file the guard could not read: it cannot vouch for it, so it blocks like a finding."""

    source: str
    reason: str

    def describe(self) -> str:
        return f"{self.source}: {self.reason}"


@dataclass
class ScanReport:
    """Everything one scan saw: findings, files it could not read, and notes on partial coverage."""

    findings: list[Finding] = field(default_factory=list)
    unreadable: list[Unreadable] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def clean(self) -> bool:
        return not self.findings and not self.unreadable

    def merge(self, other: ScanReport) -> None:
        self.findings.extend(other.findings)
        self.unreadable.extend(other.unreadable)
        self.notes.extend(other.notes)


@dataclass(frozen=True)
class ScanLimits:
    """Bounds that keep a hostile or huge file from exhausting memory (zip bombs)."""

    max_file_bytes: int = 200 * MB
    max_total_unpacked: int = 1024 * MB
    max_members: int = 20_000
    max_depth: int = 5
    max_ratio: int = 200  # uncompressed/compressed, checked for members above 1 MB


class ScanCancelled(Exception):
    """The user cancelled the scan."""


class _Budget:
    """What the scan of one top-level file shares with every nested archive in it.

    The unpacked bytes left, so nesting cannot multiply the limit, and the user's cancel check.
    """

    def __init__(self, limits: ScanLimits, cancel: CancelCheck | None = None) -> None:
        self.limits = limits
        self.left = limits.max_total_unpacked
        self.cancel = cancel

    def check_cancelled(self) -> None:
        if self.cancel is not None and self.cancel():
            raise ScanCancelled

    def zip_limits(self) -> ZipLimits:
        """What the next archive may inflate to: no more than the bytes left, no member above a file's limit."""
        limits = self.limits
        return ZipLimits(self.left, limits.max_file_bytes, limits.max_ratio, ratio_floor_bytes=MB)


class _TooBig(Exception):
    pass


_REMOVE_IT = "Ta bort filen ur paketet."


CancelCheck = Callable[[], bool]


def scan_text(text: str, source: str, place: str = "") -> list[Finding]:
    """Findings in a text, placed by line number when the text has several lines."""
    hits = find_pnr(text)
    if not hits:
        return []
    newlines = [i for i, char in enumerate(text) if char == "\n"] if "\n" in text else []
    findings = []
    for hit in hits:
        where = place
        if newlines:
            line = f"rad {bisect.bisect_left(newlines, hit.start) + 1}"
            where = f"{place}, {line}" if place else line
        findings.append(Finding(source, where or "text", hit.masked, hit.kind))
    return findings


def decode_text(data: bytes) -> str:
    """Bytes as text: BOMs honoured, UTF-16 without BOM guessed from NUL bytes, else UTF-8 or cp1252."""
    for bom, encoding in (
        (codecs.BOM_UTF32_LE, "utf-32-le"),
        (codecs.BOM_UTF32_BE, "utf-32-be"),
        (codecs.BOM_UTF8, "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
    ):
        if data.startswith(bom):
            return data[len(bom) :].decode(encoding, errors="replace")
    sample = data[:4096]
    if len(sample) >= 4 and sample.count(0) > len(sample) // 4:
        odd_zero = sample[1::2].count(0) > sample[0::2].count(0)
        return data.decode("utf-16-le" if odd_zero else "utf-16-be", errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        return data.decode("latin-1")


def scan_path(path: Path, limits: ScanLimits | None = None, cancel: CancelCheck | None = None) -> ScanReport:
    """Scan one file on disk; a file that cannot be read is reported, never raised."""
    limits = limits or ScanLimits()
    path = Path(path)
    report = ScanReport()
    report.findings.extend(scan_text(path.name, path.name, "filnamnet"))
    try:
        size = path.stat().st_size
        if size > limits.max_file_bytes:
            report.unreadable.append(Unreadable(path.name, _too_big_text(size, limits.max_file_bytes)))
            return report
        data = path.read_bytes()
    except FileNotFoundError:
        report.unreadable.append(Unreadable(str(path), "filen finns inte."))
        return report
    except IsADirectoryError:
        report.unreadable.append(Unreadable(str(path), "är en mapp, inte en fil. Packa den som .zip."))
        return report
    except OSError as exc:
        report.unreadable.append(Unreadable(str(path), f"filen kan inte läsas ({exc.strerror})."))
        return report
    report.merge(scan_bytes(path.name, data, limits=limits, cancel=cancel))
    return report


def scan_bytes(
    name: str,
    data: bytes,
    source: str | None = None,
    limits: ScanLimits | None = None,
    cancel: CancelCheck | None = None,
) -> ScanReport:
    """Scan a file's content; `name` decides the type when the content does not."""
    limits = limits or ScanLimits()
    return _scan(name, data, source or name, _Budget(limits, cancel), 0)


def _too_big_text(size: int, limit: int) -> str:
    return (
        f"filen är för stor att granska ({size_text(size)}, gränsen är {size_text(limit)}). "
        "Ta bort den ur paketet eller dela upp den."
    )


def _scan(name: str, data: bytes, source: str, budget: _Budget, depth: int) -> ScanReport:
    budget.check_cancelled()
    suffix = PurePosixPath(name).suffix.lower()
    report = ScanReport()
    try:
        if data.startswith(b"PK\x03\x04") or data.startswith(b"PK\x05\x06"):
            _scan_zip_like(data, source, suffix, budget, depth, report)
        elif data.startswith(b"%PDF"):
            _scan_pdf(data, source, budget, depth, report)
        elif (binary_kind := _binary_data_kind(data, suffix)) is not None:
            report.unreadable.append(Unreadable(source, binary_kind))
        elif suffix == ".pdf":
            _scan_pdf(data, source, budget, depth, report)
        elif suffix in (".docx", ".xlsx", ".xlsm", ".zip"):
            report.unreadable.append(Unreadable(source, f"filen är inte en giltig {suffix}-fil (skadad?)."))
        elif suffix in IMAGE_SUFFIXES:
            report.notes.append(f"{source}: en bild; text i bilder kan inte granskas. Kontrollera den själv.")
        elif suffix in TEXT_SUFFIXES or not _looks_binary(data):
            report.findings.extend(scan_text(decode_text(data), source))
            if suffix not in TEXT_SUFFIXES:
                report.notes.append(
                    f"{source}: okänd filtyp, granskad som text; tal som lagras binärt kan inte upptäckas."
                )
        else:
            report.findings.extend(_scan_binary(data, source))
            report.notes.append(
                f"{source}: okänd binär filtyp, granskad som text (8-bitars och UTF-16); "
                "tal som lagras binärt kan inte upptäckas."
            )
    except ScanCancelled:
        raise
    except _TooBig as exc:
        report.unreadable.append(Unreadable(source, str(exc)))
    except Exception as exc:  # a broken file must be reported, never crash the guard
        report.unreadable.append(Unreadable(source, f"filen kan inte läsas ({type(exc).__name__}: {exc})."))
    return report


def _binary_data_kind(data: bytes, suffix: str) -> str | None:
    """Why a binary office or statistics file cannot be checked (one Swedish sentence), or None.

    Known by content (old Office files, SPSS, Parquet, SAS, new Stata) or else by file name.
    """
    if data.startswith(_OLE2_MAGIC):
        if "EncryptedPackage".encode("utf-16-le") in data:
            return (
                "Office-filen är lösenordsskyddad och kan inte granskas: ta bort lösenordet, "
                "eller ta bort filen ur paketet."
            )
        kind = "en äldre Office-fil (.doc/.xls/.ppt)"
    elif data.startswith((b"$FL2", b"$FL3")):
        kind = "en SPSS-fil"
    elif data.startswith(b"PAR1"):
        kind = "en Parquet-fil"
    elif data.startswith(_SAS7BDAT_MAGIC):
        kind = "en SAS-fil"
    elif data.startswith(b"<stata_dta>"):
        kind = "en Stata-fil"
    elif suffix in _STATS_SUFFIXES:
        kind = f"en {_STATS_SUFFIXES[suffix]}"
    else:
        return None
    return f"{kind[0].upper()}{kind[1:]} {_CANNOT_CHECK}"


def _looks_binary(data: bytes) -> bool:
    """Whether a file is binary rather than text: NUL bytes that no UTF-16 text explains, or many controls."""
    sample = data[:8192]
    if not sample:
        return False
    if any(sample.startswith(bom) for bom in (codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return False
    zeros = sample.count(0)
    if zeros and zeros > len(sample) // 4:
        # UTF-16 text without BOM: the NULs sit in one byte column only.
        even, odd = sample[0::2].count(0), sample[1::2].count(0)
        return min(even, odd) > len(sample) // 50
    controls = sum(1 for byte in sample if byte < 32 and byte not in (9, 10, 12, 13))
    return zeros > 0 or controls > len(sample) // 20


def _scan_binary(data: bytes, source: str) -> list[Finding]:
    """Findings in a binary file read as 8-bit text and as UTF-16LE at both byte alignments, once each."""
    texts = [
        data.decode("latin-1"),
        data.decode("utf-16-le", errors="replace"),
        data[1:].decode("utf-16-le", errors="replace"),
    ]
    seen: set[tuple[str, str]] = set()
    findings: list[Finding] = []
    for text in texts:
        for finding in scan_text(text, source, "binärt innehåll"):
            key = (finding.masked, finding.kind)
            if key not in seen:
                seen.add(key)
                findings.append(finding)
    return findings


def _check_zip(zf: zipfile.ZipFile, budget: _Budget, source: str) -> list[zipfile.ZipInfo]:
    """The members of an archive, refused when their declared sizes look like a zip bomb."""
    limits = budget.limits
    infos = [info for info in zf.infolist() if not info.is_dir()]
    if len(infos) > limits.max_members:
        raise _TooBig(f"arkivet har {len(infos)} filer, fler än gränsen {limits.max_members} (skydd mot zip-bomb).")
    problem = size_problem(infos, budget.zip_limits())
    if problem:
        raise _TooBig(f"{problem} {_REMOVE_IT}")
    return infos


def _read_member(zf: zipfile.ZipFile, info: zipfile.ZipInfo, budget: _Budget) -> bytes:
    try:
        content = read_member(zf, info, min(budget.limits.max_file_bytes, budget.left))
    except ZipTooLarge as exc:
        raise _TooBig(f"{exc} {_REMOVE_IT}") from exc
    budget.left -= len(content)
    return content


def _scan_zip_like(
    data: bytes,
    source: str,
    suffix: str,
    budget: _Budget,
    depth: int,
    report: ScanReport,
) -> None:
    if depth > budget.limits.max_depth:
        raise _TooBig(f"zip-filer nästlade i fler än {budget.limits.max_depth} nivåer kan inte granskas.")
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        infos = _check_zip(zf, budget, source)
        names = {info.filename for info in infos}
        if "word/document.xml" in names:
            _scan_docx(zf, infos, source, budget, depth, report)
        elif "xl/workbook.xml" in names:
            _scan_xlsx(data, source, report)
            _scan_xlsx_parts(zf, infos, source, budget, report)
            for info in infos:
                if info.filename.startswith("xl/embeddings/"):
                    _scan_member(zf, info, source, budget, depth, report)
        else:
            for info in infos:
                report.findings.extend(scan_text(info.filename, f"{source} → {info.filename}", "filnamnet"))
                _scan_member(zf, info, source, budget, depth, report)


def _scan_member(
    zf: zipfile.ZipFile,
    info: zipfile.ZipInfo,
    source: str,
    budget: _Budget,
    depth: int,
    report: ScanReport,
) -> None:
    inner = f"{source} → {info.filename}"
    if info.flag_bits & 0x1:
        report.unreadable.append(Unreadable(inner, "filen är lösenordsskyddad i arkivet och kan inte granskas."))
        return
    report.merge(_scan(info.filename, _read_member(zf, info, budget), inner, budget, depth + 1))


# --- Word -----------------------------------------------------------------------------------------

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_TEXT_TAGS = {_W + "t", _W + "delText", _W + "instrText"}


def _part_label(name: str) -> str:
    stem = PurePosixPath(name).stem
    for prefix, label in (
        ("header", "sidhuvud"),
        ("footer", "sidfot"),
        ("footnotes", "fotnoter"),
        ("endnotes", "slutnoter"),
        ("comments", "kommentarer"),
    ):
        if stem.startswith(prefix):
            number = stem[len(prefix) :]
            return f"{label} {number}".strip()
    return "dokumentet" if stem == "document" else stem


def _para_text(element: ElementTree.Element) -> str:
    """The text of one paragraph, without paragraphs nested in it (text boxes are visited on their own)."""
    parts: list[str] = []
    for child in element:
        tag = child.tag
        if tag == _W + "p":
            continue
        if tag in _TEXT_TAGS:
            parts.append(child.text or "")
        elif tag == _W + "tab":
            parts.append("\t")
        elif tag in (_W + "br", _W + "cr"):
            parts.append("\n")
        elif tag == _W + "noBreakHyphen":
            parts.append("-")
        elif tag == _W + "default":  # legacy form field default text
            parts.append(child.get(_W + "val", ""))
        parts.append(_para_text(child))
    return "".join(parts)


def _docx_paragraphs(root: ElementTree.Element) -> Iterator[tuple[str, str]]:
    """(place, text) for every paragraph in a Word XML part, with table positions where they apply."""
    parents = {child: parent for parent in root.iter() for child in parent}

    def nearest(element: ElementTree.Element, tag: str) -> ElementTree.Element | None:
        current = parents.get(element)
        while current is not None and current.tag != tag:
            current = parents.get(current)
        return current

    tables = {tbl: index for index, tbl in enumerate(root.iter(_W + "tbl"), start=1)}
    for number, para in enumerate(root.iter(_W + "p"), start=1):
        text = _para_text(para)
        if not text.strip():
            continue
        cell = nearest(para, _W + "tc")
        row = nearest(cell, _W + "tr") if cell is not None else None
        table = nearest(row, _W + "tbl") if row is not None else None
        if cell is not None and row is not None and table is not None:
            rows = [tr for tr in table.iter(_W + "tr") if nearest(tr, _W + "tbl") is table]
            cells = [tc for tc in row.iter(_W + "tc") if nearest(tc, _W + "tr") is row]
            place = f"tabell {tables[table]}, rad {rows.index(row) + 1}, cell {cells.index(cell) + 1}"
        else:
            place = f"stycke {number}"
        yield place, text


def _scan_docx(
    zf: zipfile.ZipFile,
    infos: list[zipfile.ZipInfo],
    source: str,
    budget: _Budget,
    depth: int,
    report: ScanReport,
) -> None:
    for info in infos:
        name = info.filename
        top_level = name.startswith("word/") and "/" not in name[5:]
        glossary = name.startswith("word/glossary/") and "/" not in name[14:]
        if (top_level or glossary) and name.endswith(".xml"):
            label = _part_label(name)
            if glossary:
                label = f"byggblock ({label})"
            root = ElementTree.fromstring(_read_member(zf, info, budget))
            for place, text in _docx_paragraphs(root):
                report.findings.extend(scan_text(text, source, f"{label}, {place}"))
        elif name.startswith("customXml/") and name.endswith(".xml"):
            root = ElementTree.fromstring(_read_member(zf, info, budget))
            report.findings.extend(_scan_values(_xml_texts(root), source, "anpassad XML-data"))
        elif name.startswith("docProps/") and name.endswith(".xml"):
            root = ElementTree.fromstring(_read_member(zf, info, budget))
            text = "\n".join(t for t in root.itertext() if t.strip())
            report.findings.extend(scan_text(text, source, "dokumentegenskaper"))
        elif name.startswith("word/embeddings/"):
            _scan_member(zf, info, source, budget, depth, report)


# --- Excel ----------------------------------------------------------------------------------------


def _scan_xlsx(data: bytes, source: str, report: ScanReport) -> None:
    import openpyxl
    from openpyxl.utils import get_column_letter

    workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    try:
        for sheet in workbook.worksheets:
            for row_number, row in enumerate(sheet.iter_rows(values_only=True), start=1):
                for col_number, value in enumerate(row, start=1):
                    texts = _cell_texts(value)
                    if not texts:
                        continue
                    place = f"blad ”{sheet.title}”, cell {get_column_letter(col_number)}{row_number}"
                    for text in texts:
                        found = scan_text(text, source, place)
                        report.findings.extend(found)
                        if found:
                            break
    finally:
        workbook.close()


# Elements whose text is one value (a shared string, a comment, a header); their runs are joined.
_TEXT_BLOCKS = {
    "si",
    "is",
    "text",
    "oddHeader",
    "oddFooter",
    "evenHeader",
    "evenFooter",
    "firstHeader",
    "firstFooter",
}
_HEADER_FOOTER = re.compile(rb"<(?:[\w.-]+:)?headerFooter\b.*?(?:/>|</(?:[\w.-]+:)?headerFooter>)", re.DOTALL)
_HEADER_CODES = re.compile(r'&"[^"]*"|&\d{1,3}(?=\D)|&[A-Za-z&]')


def _local(tag: str) -> str:
    return tag.rpartition("}")[2]


def _xml_texts(element: ElementTree.Element) -> list[str]:
    """Every text and attribute value in an XML part, one value a line; runs inside a value are joined.

    A number stored as a number (a pivot cache's <n v="8112189876"/>) gives its padded digit forms too.
    """
    out: list[str] = []
    local = _local(element.tag)
    if local in _TEXT_BLOCKS:
        return ["".join(element.itertext())]
    if element.text and element.text.strip():
        out.append(element.text)
    for key, value in element.attrib.items():
        if local == "n" and key == "v":
            out.extend(_cell_texts(_number(value)))
        else:
            out.append(value)
    for child in element:
        out.extend(_xml_texts(child))
        if child.tail and child.tail.strip():
            out.append(child.tail)
    return out


def _scan_values(texts: list[str], source: str, place: str) -> list[Finding]:
    """Findings in many short values (one XML part), all placed at `place`: line numbers would mislead."""
    return [Finding(source, place, hit.masked, hit.kind) for hit in find_pnr("\n".join(texts))]


def _number(text: str) -> float | None:
    try:
        return float(text)
    except ValueError:
        return None


def _header_footer_texts(sheet_xml: bytes) -> list[str]:
    """The header and footer texts of one worksheet's raw XML, with Excel's &-codes taken out."""
    texts: list[str] = []
    for match in _HEADER_FOOTER.finditer(sheet_xml):
        snippet = match.group().decode("utf-8", errors="replace")
        for part in re.findall(r">([^<]*)<", snippet):
            if part.strip():
                texts.append(_HEADER_CODES.sub(" ", html.unescape(part)))
    return texts


def _scan_xlsx_parts(
    zf: zipfile.ZipFile,
    infos: list[zipfile.ZipInfo],
    source: str,
    budget: _Budget,
    report: ScanReport,
) -> None:
    """What openpyxl does not show as cell values: comments, every shared string, pivot caches, headers.

    Shared strings and pivot caches mostly repeat the cells, so only numbers not already found in a
    cell are reported from them.
    """
    in_cells = {finding.masked for finding in report.findings if finding.source == source}
    for info in infos:
        name = info.filename
        if not name.endswith(".xml"):
            continue
        base = PurePosixPath(name).name
        repeats_cells = False
        if name.startswith(("xl/comments", "xl/threadedComments/")):
            place = "kommentarer"
        elif name == "xl/sharedStrings.xml":
            place, repeats_cells = "delade texter", True
        elif name.startswith("xl/pivotCache/"):
            place, repeats_cells = "pivottabellens data", True
        elif PurePosixPath(name).parent.as_posix() in ("xl/worksheets", "xl/chartsheets"):
            texts = _header_footer_texts(_read_member(zf, info, budget))
            report.findings.extend(_scan_values(texts, source, f"sidhuvud/sidfot ({base})"))
            continue
        else:
            continue
        root = ElementTree.fromstring(_read_member(zf, info, budget))
        found = _scan_values(_xml_texts(root), source, f"{place} ({base})")
        if repeats_cells:
            found = [finding for finding in found if finding.masked not in in_cells]
        report.findings.extend(found)


def _cell_texts(value: Any) -> list[str]:
    """Texts to check in one cell: the string itself, or the digits of a whole number."""
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    if isinstance(value, bool):
        return []
    if isinstance(value, float) and value.is_integer() and 0 < value < 1e13:
        value = int(value)
    if isinstance(value, int):
        return numeric_candidates(value)
    return []


# --- PDF ------------------------------------------------------------------------------------------


def _scan_pdf(
    data: bytes,
    source: str,
    budget: _Budget,
    depth: int,
    report: ScanReport,
) -> None:
    from pypdf import PdfReader

    logging.getLogger("pypdf").setLevel(logging.ERROR)
    reader = PdfReader(io.BytesIO(data))
    if reader.is_encrypted and not reader.decrypt(""):
        report.unreadable.append(Unreadable(source, "PDF-filen är lösenordsskyddad och kan inte granskas."))
        return
    empty: list[int] = []
    for number, page in enumerate(reader.pages, start=1):
        budget.check_cancelled()
        text = page.extract_text() or ""
        if not text.strip():
            empty.append(number)
            continue
        report.findings.extend(scan_text(text, source, f"sida {number}"))
    if empty:
        pages = ", ".join(str(n) for n in empty[:10]) + (" …" if len(empty) > 10 else "")
        report.notes.append(
            f"{source}: sida {pages} har ingen text som kan läsas (inskannad bild?). Kontrollera dem själv."
        )
    for name, contents in reader.attachments.items():
        for content in contents:
            if len(content) > budget.left:
                raise _TooBig(f"bilagan {name} i PDF-filen är för stor att granska.")
            budget.left -= len(content)
            report.merge(_scan(name, content, f"{source} → {name}", budget, depth + 1))


# --- The order's own text -------------------------------------------------------------------------


def scan_order(order: Order, source: str = "beställningen") -> ScanReport:
    """Findings in every free-text value of the order: fields, wishes, variables, attachment titles."""
    from beställning.form import load_form

    form = load_form()
    report = ScanReport()
    for field_id, value in order.fields.items():
        if isinstance(value, str) and value:
            label = form.field(field_id).label if form.has_field(field_id) else field_id
            report.findings.extend(scan_text(value, source, f"fältet ”{label}”"))
    for benefit in order.benefits:
        report.findings.extend(scan_text(benefit.wishes, source, f"önskemål för {benefit.name or benefit.benefit}"))
    for pick in order.variables:
        for text in (pick.variable, pick.description, pick.justification):
            report.findings.extend(scan_text(text, source, f"variabeln ”{pick.variable}”"))
    for attachment in order.attachments:
        report.findings.extend(scan_text(attachment.title, source, "bilagans titel"))
    return report
