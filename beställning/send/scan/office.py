"""Zip archives, and the office files that are zip archives: OOXML (Word, Excel, PowerPoint) and ODF.

In an office file every XML part is read (not a chosen few), each with the rules of its kind, so
text in a place nobody thought of is still seen; parts that are not XML are scanned by content
(embedded files, altChunk parts) or named in the fixed list (pictures, fonts, printer settings).
A part the guard cannot read (macros, ActiveX, an unknown binary) blocks.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Callable
from pathlib import PurePosixPath
from typing import TYPE_CHECKING

from beställning.send.scan import xmltext
from beställning.send.scan.columns import ColumnNumbers
from beställning.send.scan.formats import IMAGE_SUFFIXES
from beställning.send.scan.report import PICTURE_WHY, REMOVE_IT, CannotRead, Finding, TooBig
from beställning.zipguard import ZipLimits, open_member, size_problem

if TYPE_CHECKING:
    from beställning.send.scan.engine import Part, Scanner

_XML_SUFFIXES = {".xml", ".rels", ".vml"}
_FONT_SUFFIXES = {".odttf", ".ttf", ".otf", ".fntdata", ".eot", ".woff"}
_HEADER_CODES = re.compile(r'&"[^"]*"|&\d{1,3}(?=\D)|&[A-Za-z&]')
_FORMULA_JOIN = re.compile(r'"\s*&\s*"')


def scan_zip(scanner: Scanner, part: Part, depth: int) -> None:
    limits = scanner.limits
    with zipfile.ZipFile(part.stream) as zf:
        infos = [info for info in zf.infolist() if not info.is_dir()]
        if len(infos) > limits.max_members:
            raise TooBig(f"arkivet har {len(infos)} filer, fler än gränsen {limits.max_members} (skydd mot zip-bomb).")
        problem = size_problem(infos, _zip_limits(scanner))
        if problem:
            raise TooBig(f"{problem} {REMOVE_IT}")
        names = {info.filename for info in infos}
        if "[Content_Types].xml" in names and any(n.startswith(("word/", "xl/", "ppt/")) for n in names):
            _Ooxml(scanner, part, zf, infos, depth).scan()
        elif "content.xml" in names or ("mimetype" in names and "META-INF/manifest.xml" in names):
            _Odf(scanner, part, zf, infos, depth).scan()
        else:
            for info in infos:
                inner = f"{part.source} → {info.filename}"
                scanner.file_name(info.filename, inner)
                _nested(scanner, zf, info, inner, depth)


def _zip_limits(scanner: Scanner) -> ZipLimits:
    limits = scanner.limits
    return ZipLimits(scanner.left, limits.max_file_bytes, limits.max_ratio, ratio_floor_bytes=limits.ratio_floor)


def _refuse_encrypted(info: zipfile.ZipInfo) -> None:
    if info.flag_bits & 0x1:
        raise CannotRead(
            f"{info.filename} är lösenordsskyddad i arkivet och kan inte granskas. "
            "Packa den utan lösenord, eller ta bort den ur paketet."
        )


def _nested(scanner: Scanner, zf: zipfile.ZipFile, info: zipfile.ZipInfo, inner: str, depth: int) -> None:
    if info.flag_bits & 0x1:
        scanner.unreadable(inner, "filen är lösenordsskyddad i arkivet och kan inte granskas. " + REMOVE_IT)
        return
    with open_member(zf, info, scanner.member_limit()) as handle:
        scanner.scan_nested(info.filename, inner, handle, depth, packed=info.compress_size)


class _Package:
    """What OOXML and ODF readers share: opening members under the budget and scanning XML parts."""

    def __init__(
        self, scanner: Scanner, part: Part, zf: zipfile.ZipFile, infos: list[zipfile.ZipInfo], depth: int
    ) -> None:
        self.scanner = scanner
        self.part = part
        self.zf = zf
        self.infos = infos
        self.depth = depth
        self.pictures = 0

    def open(self, info: zipfile.ZipInfo) -> io.BufferedReader:
        _refuse_encrypted(info)
        self.scanner.check_cancelled()
        return open_member(self.zf, info, self.scanner.member_limit(), self.scanner.spend)

    def xml(
        self,
        info: zipfile.ZipInfo,
        dialect: xmltext.Dialect,
        placer: xmltext.Placer,
        sink: Callable[[Finding], None] | None = None,
        hook: xmltext.Hook | None = None,
        views: xmltext.Views | None = None,
    ) -> None:
        if info.file_size == 0:
            return  # an empty part (LibreOffice writes empty Configurations2/… files): nothing to read
        for namespaces in (True, False):
            with self.open(info) as handle:
                try:
                    xmltext.scan_xml_part(
                        handle,
                        info.file_size,
                        dialect,
                        placer,
                        self.part.source,
                        self.scanner.file_sha256,
                        sink or self.scanner.sink,
                        hook,
                        namespaces,
                        views,
                    )
                    return
                except xmltext.UnboundPrefix:
                    continue  # read again without namespaces (the error comes at the root, before any text)
                except ValueError as exc:
                    raise CannotRead(f"{info.filename}: {exc}. Spara om filen, eller ta bort den ur paketet.") from exc
        raise CannotRead(f"{info.filename}: XML-delen kan inte tolkas. Spara om filen, eller ta bort den ur paketet.")

    def other(self, info: zipfile.ZipInfo) -> None:
        """A part that is not XML: pictures and fonts are named, everything else is scanned by content."""
        name = info.filename
        suffix = PurePosixPath(name).suffix.lower()
        base = PurePosixPath(name).name.lower()
        if name.startswith(("Thumbnails/", "docProps/thumbnail")):
            pass  # a small picture of the first page, whose text is read in the document itself
        elif suffix in IMAGE_SUFFIXES or "/media/" in name or name.startswith("Pictures/"):
            self.pictures += 1
        elif suffix in _FONT_SUFFIXES or "/fonts/" in name:
            pass  # embedded fonts carry glyphs, not text
        elif base.startswith(("printersettings", "customproperty")) or base in ("mimetype", "layout-cache"):
            # Printer settings and custom properties hold names as UTF-16 strings; LibreOffice's
            # layout cache holds page positions. Read as strings, completely.
            self._binary_strings(info)
        elif base.startswith("vbaproject") or base.startswith("vbadata"):
            raise CannotRead(
                "filen innehåller makron (VBA) som inte kan granskas. Spara den utan makron (.xlsx/.docx) "
                "eller som PDF, eller ta bort den ur paketet."
            )
        else:
            _nested(self.scanner, self.zf, info, f"{self.part.source} → {name}", self.depth)

    def _binary_strings(self, info: zipfile.ZipInfo) -> None:
        from beställning.send.scan.engine import Part
        from beställning.send.scan.plain import scan_binary_strings

        with self.open(info) as handle:
            data = handle.read()
        scan_binary_strings(self.scanner, Part(info.filename, self.part.source, io.BytesIO(data), len(data)))

    def finish(self) -> None:
        if self.pictures:
            self.scanner.look(self.part.source, "bilderna i dokumentet", f"({self.pictures} bild(er))", PICTURE_WHY)


# --- OOXML ---------------------------------------------------------------------------------------

_WORD_PARTS = {
    "document": "dokumentet",
    "header": "sidhuvud",
    "footer": "sidfot",
    "footnotes": "fotnoter",
    "endnotes": "slutnoter",
    "comments": "kommentarer",
}
_SHEET_REL = re.compile(r"worksheets/sheet\d+\.xml$")


def _word_label(name: str) -> str | None:
    stem = PurePosixPath(name).stem
    for prefix, label in _WORD_PARTS.items():
        if stem.startswith(prefix):
            rest = stem[len(prefix) :]
            if prefix == "comments" and rest:
                return f"kommentarer ({rest})"
            return f"{label} {rest}".strip()
    return None


class _Ooxml(_Package):
    def scan(self) -> None:
        names = {info.filename for info in self.infos}
        sheet_names = self._sheet_names() if "xl/workbook.xml" in names else {}
        shared = _SharedStrings()
        by_name = {info.filename: info for info in self.infos}
        if "xl/sharedStrings.xml" in by_name:
            self.xml(
                by_name["xl/sharedStrings.xml"], xmltext.SHARED_STRINGS, shared.placer, shared.collect, shared.remember
            )
        for info in self.infos:
            name = info.filename
            suffix = PurePosixPath(name).suffix.lower()
            if name == "xl/sharedStrings.xml":
                continue
            if suffix not in _XML_SUFFIXES:
                self.other(info)
                continue
            dialect, placer, hook = self._kind(name, sheet_names, shared)
            self.xml(info, dialect, placer, None, hook, sheet_views if dialect is xmltext.SHEET else None)
            if isinstance(placer, _ExcelSheetPlacer) and placer.rows is not None:
                placer.rows.close()
        shared.report_unused(self.scanner)
        self.finish()

    def _kind(
        self, name: str, sheet_names: dict[str, str], shared: _SharedStrings
    ) -> tuple[xmltext.Dialect, xmltext.Placer, xmltext.Hook | None]:
        base = PurePosixPath(name).name
        folder = PurePosixPath(name).parent.as_posix()
        if folder in ("word", "word/glossary") and _word_label(name) is not None:
            label = _word_label(name) or ""
            if folder == "word/glossary":
                label = f"byggblock ({label})"
            return xmltext.WORD, xmltext.WordPlacer(label), None
        if folder in ("xl/worksheets", "xl/chartsheets", "xl/dialogsheets", "xl/macrosheets"):
            label = f"blad ”{sheet_names.get(base, base)}”"
            placer = _ExcelSheetPlacer(label, base)
            placer.rows = SheetRows(self.scanner, self.part.source)
            return xmltext.SHEET, placer, shared.cell_hook(placer, self.scanner, placer.rows)
        if name.startswith(("xl/comments", "xl/threadedComments/")):
            return xmltext.SHARED_STRINGS, xmltext.Placer(f"kommentarer ({base})"), None
        if name.startswith("xl/pivotCache/"):
            return xmltext.PIVOT, xmltext.Placer(f"pivottabellens data ({base})"), None
        if "/charts/" in name or name.startswith(("word/charts", "xl/charts", "ppt/charts")):
            return xmltext.DRAWING, xmltext.Placer(f"diagram ({base})"), None
        if "/diagrams/" in name:
            return xmltext.DRAWING, xmltext.Placer(f"SmartArt ({base})"), None
        if name.startswith("xl/drawings/") or name.startswith("word/drawings/"):
            return xmltext.DRAWING, xmltext.Placer(f"ritning/textruta ({base})"), None
        if name.startswith("ppt/"):
            return xmltext.DRAWING, xmltext.Placer(_slide_label(name)), None
        if name.startswith("docProps/"):
            return xmltext.GENERIC, xmltext.Placer("dokumentegenskaper"), None
        if name.startswith("customXml/"):
            return xmltext.GENERIC, xmltext.Placer("anpassad XML-data"), None
        if name.endswith(".rels"):
            return xmltext.GENERIC, xmltext.Placer(f"länkar ({base})"), None
        if name == "xl/workbook.xml":
            return xmltext.GENERIC, xmltext.Placer("arbetsboken (bladnamn, definierade namn)"), None
        if name.startswith("word/"):
            return xmltext.WORD, xmltext.WordPlacer(base), None
        return xmltext.GENERIC, xmltext.Placer(name), None

    def _sheet_names(self) -> dict[str, str]:
        """Worksheet file name → the sheet's name as Excel shows it (from workbook.xml and its relations)."""
        sheets: list[tuple[str, str]] = []
        targets: dict[str, str] = {}

        def collect_sheet(local: str, attrs: dict[str, str]) -> None:
            if local == "sheet":
                sheets.append((attrs.get("id", ""), attrs.get("name", "")))
            elif local == "Relationship":
                targets[attrs.get("Id", "")] = PurePosixPath(attrs.get("Target", "")).name

        by_name = {info.filename: info for info in self.infos}
        for part_name in ("xl/workbook.xml", "xl/_rels/workbook.xml.rels"):
            if part_name in by_name:
                with self.open(by_name[part_name]) as handle:
                    xmltext.walk_xml(handle, xmltext.GENERIC, _Collector(collect_sheet), lambda *_: None)
        return {targets[rid]: name for rid, name in sheets if rid in targets}


def _slide_label(name: str) -> str:
    stem = PurePosixPath(name).stem
    number = "".join(char for char in stem if char.isdigit())
    for prefix, label in (
        ("slide", "bild"),
        ("notesSlide", "anteckningar till bild"),
        ("slideLayout", "layout"),
        ("slideMaster", "bildmall"),
        ("notesMaster", "anteckningsmall"),
        ("handoutMaster", "utskrift"),
    ):
        if stem.startswith(prefix) and stem[len(prefix) :].isdigit():
            return f"{label} {number}"
    return PurePosixPath(name).name


class _Collector(xmltext.Placer):
    """A placer that only listens: hands every element start to a function (for reading structure)."""

    wants = None

    def __init__(self, on_start: Callable[[str, dict[str, str]], None]) -> None:
        super().__init__("")
        self._on_start = on_start

    def start(self, local: str, attrs: dict[str, str]) -> None:
        self._on_start(local, attrs)


class _ExcelSheetPlacer(xmltext.SheetPlacer):
    """A worksheet's places; header and footer text is placed as such."""

    def __init__(self, label: str, base: str) -> None:
        super().__init__(label)
        self.base = base
        self.in_header = False
        self.in_validation = False
        self.rows: SheetRows | None = None

    def start(self, local: str, attrs: dict[str, str]) -> None:
        super().start(local, attrs)
        if local == "headerFooter":
            self.in_header = True
            self.cell = ""
        elif local == "dataValidation":
            self.in_validation = True
            self.cell = attrs.get("sqref", "").split(" ")[0]
        elif local in ("sheetData",):
            self.cell = ""

    def end(self, local: str) -> None:
        if local == "headerFooter":
            self.in_header = False
        elif local == "dataValidation":
            self.in_validation = False
        elif local == "sheetData":
            self.cell = ""

    def place(self) -> str:
        if self.in_header:
            return f"sidhuvud/sidfot ({self.base})"
        if self.in_validation:
            return f"{self.label}, datavalidering {self.cell}".rstrip()
        return super().place()


_CELL_PLACE = re.compile(r"^(?P<sheet>.*), cell (?P<column>[A-Z]{1,3})(?P<row>[0-9]+)$")


class SheetRows:
    """A sheet's cells fed row by row to ColumnNumbers: a personnummer split over two neighbouring cells
    (a date and the last four) is one number. Cells are told by their place ('blad ”X”, cell B3')."""

    def __init__(self, scanner: Scanner, source: str) -> None:
        self.scanner = scanner
        self.source = source
        self._sheets: dict[str, ColumnNumbers] = {}
        self._at: tuple[str, int] | None = None
        self._cells: dict[int, str] = {}

    def cell(self, place: str, text: str) -> None:
        match = _CELL_PLACE.match(place)
        if match is None:
            return
        at = (match["sheet"], int(match["row"]))
        if at != self._at:
            self._flush()
            self._at = at
        self._cells[_column_number(match["column"])] = text.strip()

    def odf_hook(self, text: str, place: str, element: str) -> list[str]:
        """The hook for ODF content: a cell's shown text (its text:p) goes to the rows."""
        if element == "p":
            self.cell(place, text)
        return [text]

    def close(self) -> None:
        self._flush()
        for columns in self._sheets.values():
            columns.close()

    def _flush(self) -> None:
        if self._at is None or not self._cells:
            self._cells.clear()
            return
        sheet, row = self._at
        columns = self._sheets.get(sheet)
        if columns is None:
            scanner = self.scanner
            columns = ColumnNumbers(
                self.source, scanner.sink, scanner.file_sha256, ("split",), lambda line: f"{sheet}, rad {line}"
            )
            self._sheets[sheet] = columns
        columns.row([self._cells.get(index, "") for index in range(1, max(self._cells) + 1)], row)
        self._cells.clear()


def _column_number(letters: str) -> int:
    """A → 1, AA → 27."""
    number = 0
    for letter in letters:
        number = number * 26 + ord(letter) - 64
    return number


class _SharedStrings:
    """Excel's shared strings: numbers found in them are reported at the cells that use them.

    Only the strings with a hit are remembered (index → findings), so memory stays small; a hit in
    a string no cell uses is reported under 'delade texter'.
    """

    def __init__(self) -> None:
        self.placer = _StringCounter("delade texter (sharedStrings.xml)")
        self.hits: dict[int, list[Finding]] = {}
        self.used: set[int] = set()
        self.digits: dict[int, str] = {}  # short all-digit strings: a date or last four kept as text

    def collect(self, finding: Finding) -> None:
        self.hits.setdefault(self.placer.index, []).append(finding)

    def remember(self, text: str, place: str, element: str) -> list[str]:
        """The hook for sharedStrings.xml: keeps the short all-digit strings for the cells' rows."""
        value = text.strip()
        if value.isdigit() and len(value) <= 9:
            self.digits[self.placer.index] = value
        return [text]

    def cell_hook(self, placer: _ExcelSheetPlacer, scanner: Scanner, rows: SheetRows) -> xmltext.Hook:
        """What a worksheet's values are: a shared-string index resolved, a formula's pieces joined."""

        def hook(text: str, place: str, element: str) -> list[str]:
            if element == "v" and placer.cell_type == "s":
                self.resolve(scanner, text.strip(), place)
                index = text.strip()
                rows.cell(place, self.digits.get(int(index), "") if index.isdigit() else "")
                return []
            if element in ("v", "is") and not placer.in_header and not placer.in_validation:
                rows.cell(place, text)
            if placer.in_header:
                return [header_text(text)]
            if element in ("f", "formula1", "formula2"):
                return excel_formula_views(text)
            return [text]

        return hook

    def resolve(self, scanner: Scanner, index_text: str, place: str) -> None:
        try:
            index = int(index_text)
        except ValueError:
            return
        for finding in self.hits.get(index, []):
            self.used.add(index)
            scanner.sink(
                Finding(finding.source, place, finding.masked, finding.kind, finding.file_sha256, finding.context)
            )

    def report_unused(self, scanner: Scanner) -> None:
        for index, findings in self.hits.items():
            if index not in self.used:
                for finding in findings:
                    scanner.sink(finding)


class _StringCounter(xmltext.Placer):
    def __init__(self, label: str) -> None:
        super().__init__(label)
        self.index = -1

    def start(self, local: str, attrs: dict[str, str]) -> None:
        if local == "si":
            self.index += 1


def excel_formula_views(text: str) -> list[str]:
    """A formula as written and with its string pieces joined ('"811218"&"-9876"' → '811218-9876')."""
    joined = _FORMULA_JOIN.sub("", text)
    return [text, joined] if joined != text else [text]


def header_text(text: str) -> str:
    return _HEADER_CODES.sub(" ", text)


def sheet_views(text: str) -> list[str]:
    """What the hook reads in formulas and headers, for the fast reader, which reads a sheet as one text."""
    return [_FORMULA_JOIN.sub("", text), header_text(text)]


# --- ODF -----------------------------------------------------------------------------------------


class _Odf(_Package):
    def scan(self) -> None:
        by_name = {info.filename: info for info in self.infos}
        manifest = by_name.get("META-INF/manifest.xml")
        if manifest is not None:
            with self.open(manifest) as handle:
                if b"encryption-data" in handle.read():
                    raise CannotRead(
                        "OpenDocument-filen är lösenordsskyddad och kan inte granskas: ta bort lösenordet, "
                        "eller ta bort filen ur paketet."
                    )
        for info in self.infos:
            name = info.filename
            suffix = PurePosixPath(name).suffix.lower()
            if suffix != ".xml" and suffix != ".rdf":
                self.other(info)
                continue
            stem = PurePosixPath(name).stem
            folder = PurePosixPath(name).parent.as_posix()
            prefix = "" if folder == "." else f"{folder}: "
            if stem in ("content", "styles"):
                label = f"{prefix}{'innehållet' if stem == 'content' else 'sidhuvud/sidfot och mallar'}"
                rows = SheetRows(self.scanner, self.part.source)
                self.xml(info, xmltext.ODF, xmltext.OdfPlacer(label), None, rows.odf_hook)
                rows.close()
            elif stem == "meta":
                self.xml(info, xmltext.GENERIC, xmltext.Placer("dokumentegenskaper"))
            else:
                self.xml(info, xmltext.GENERIC, xmltext.Placer(name))
        self.finish()
