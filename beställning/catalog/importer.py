"""Reading FK's official variable lists (.xlsx) whatever their layout.

The header row is found by its column names anywhere near the top of each sheet; title rows above
it and notes below the table are skipped. Each sheet with a header is a table (or a table column
says which table a row belongs to); sheets without one are information sheets. Merged cells leave
the value in the first cell only, so a table name is carried down and rows with no variable name
continue the previous variable (typically one value-set code per row).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from beställning.catalog.detect import detect_benefit
from beställning.catalog.errors import ListImportError
from beställning.catalog.folding import fold
from beställning.catalog.headers import Header, find_header, role_of
from beställning.catalog.model import Variable
from beställning.catalog.xlsx_safety import check_workbook_file, hidden_columns

Progress = Callable[[float, str], None]

MAX_ROWS = 20_000  # an FK list has a few hundred rows; far more means the wrong file
HEADER_SCAN_ROWS = 40
_TABLE_ROW = re.compile(r"^(tabell|table|tabellnamn)\s*[:\-–]?\s*(.+)$", re.IGNORECASE)
_NOTE_START = ("anm", "not:", "not ", "notera", "kalla", "obs", "note", "source", "*", "uppdaterad", "senast")
_GENERIC_SHEETS = {
    "blad1",
    "sheet1",
    "sheet",
    "blad",
    "variabler",
    "variabellista",
    "variables",
    "lista",
    "data",
}


@dataclass
class _Row:
    table: str
    name: str
    values: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class ParsedList:
    """What a workbook holds, before it is stored: variables without their benefit, and the evidence."""

    file_name: str
    sha256: str
    detected_benefit: str | None
    rows: tuple[tuple[str, str, dict[str, str]], ...]  # table, name, other roles
    sheets_used: tuple[str, ...]
    sheets_skipped: tuple[str, ...]
    warnings: tuple[str, ...]

    def variables(self, benefit_id: str) -> tuple[Variable, ...]:
        """The rows as Variables of `benefit_id`, with stable ids and the file as source."""
        result = []
        for table, name, values in self.rows:
            notes = values.get("notes", "")
            if values.get("years"):
                notes = f"Tillgänglig: {values['years']}" + (f". {notes}" if notes else "")
            result.append(
                Variable(
                    id=f"{benefit_id}:{fold(table)}:{fold(name)}",
                    benefit_id=benefit_id,
                    table=table,
                    name=name,
                    label=values.get("label", ""),
                    description=values.get("description", ""),
                    type=values.get("type", ""),
                    value_set=values.get("value_set", ""),
                    notes=notes,
                    source=f"FK:s variabellista {self.file_name} (sha256 {self.sha256[:12]})",
                    concept=False,
                )
            )
        return tuple(result)


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == datetime.min.time() else value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return " ".join(str(value).replace("\u00a0", " ").split())


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _is_note(text: str) -> bool:
    folded = fold(text)
    return folded.startswith(_NOTE_START) or len(text) > 60 or (len(text.split()) > 4 and text.endswith("."))


def _too_many_rows(name: str) -> ListImportError:
    return ListImportError(
        f"{name}: listan har fler än {MAX_ROWS:,} rader. En variabellista från FK har normalt några hundra; "
        "kontrollera att det är rätt fil.".replace(",", " ")
    )


class _SheetReader:
    """Turns one sheet's rows into variable rows, given its header."""

    def __init__(self, header: Header, default_table: str) -> None:
        self.header = header
        self.table = default_table
        self.rows: list[_Row] = []
        self.notes_skipped = 0

    def feed(self, row: Sequence[str]) -> None:
        header = self.header
        filled = [value for value in row if value]
        if not filled:
            return
        name = header.cell(row, "name")
        table_cell = header.cell(row, "table")
        if self._is_header_again(row):
            return
        if table_cell:
            self.table = table_cell
        if not name:
            single = filled[0] if len(filled) == 1 else ""
            match = _TABLE_ROW.match(single)
            if match:
                self.table = match.group(2).strip()
            elif self.rows and not table_cell:
                self._continue_previous(row)
            return
        if len(filled) == 1:
            match = _TABLE_ROW.match(name)
            if match:
                self.table = match.group(2).strip()
                return
            if _is_note(name):
                self.notes_skipped += 1
                return
        elif fold(name).startswith(_NOTE_START) and len(name) > 30:
            self.notes_skipped += 1
            return
        previous = self.rows[-1] if self.rows else None
        if previous is not None and previous.name == name and previous.table == self.table:
            self._continue_previous(row)  # one row per code, the name repeated
            return
        values = {role: header.cell(row, role) for role in header.columns if role not in ("name", "table")}
        self.rows.append(_Row(self.table, name, {k: v for k, v in values.items() if v}))

    def _is_header_again(self, row: Sequence[str]) -> bool:
        """A header repeated further down (e.g. once per table)."""
        same = 0
        for role in self.header.columns:
            found = role_of(self.header.cell(row, role))
            same += found is not None and found[0] == role
        return same >= 2

    def _continue_previous(self, row: Sequence[str]) -> None:
        previous = self.rows[-1]
        for role in ("value_set", "description", "notes"):
            extra = self.header.cell(row, role)
            if extra and extra not in previous.values.get(role, "").split("; "):
                current = previous.values.get(role, "")
                previous.values[role] = f"{current}; {extra}" if current else extra


def parse_workbook(path: Path, progress: Progress | None = None) -> ParsedList:
    """Read an official list; ListImportError (Swedish) for anything that is not a usable list."""
    import openpyxl

    path = Path(path)
    name = path.name
    report = progress or (lambda fraction, message: None)
    report(0.0, "Kontrollerar filen")
    check_workbook_file(path)
    sha = file_sha256(path)
    hidden = hidden_columns(path)
    try:
        workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for damaged files
        raise ListImportError(f"{name}: arbetsboken kan inte läsas ({type(exc).__name__}: {exc}).") from exc
    titles: list[str] = []
    used: list[str] = []
    skipped: list[str] = []
    warnings: list[str] = []
    readers: list[tuple[str, _SheetReader]] = []
    total_rows = 0
    try:
        if workbook.properties is not None and workbook.properties.title:
            titles.append(str(workbook.properties.title))
        sheets = [ws for ws in workbook.worksheets if hasattr(ws, "iter_rows")]
        for number, sheet in enumerate(sheets):
            report(0.05 + 0.9 * number / max(len(sheets), 1), f"Läser bladet {sheet.title}")
            titles.append(sheet.title)
            if getattr(sheet, "sheet_state", "visible") != "visible":
                skipped.append(sheet.title)
                warnings.append(f"Det dolda bladet '{sheet.title}' lästes inte.")
                continue
            declared = sheet.max_row or 0
            if declared > MAX_ROWS + HEADER_SCAN_ROWS:
                raise _too_many_rows(name)
            head: list[list[str]] = []
            reader: _SheetReader | None = None
            for raw in sheet.iter_rows(values_only=True):
                total_rows += 1
                if total_rows > MAX_ROWS + HEADER_SCAN_ROWS * len(sheets):
                    raise _too_many_rows(name)
                row = [_text(v) for v in raw]
                if reader is not None:
                    reader.feed(row)
                    continue
                head.append(row)
                if len(head) < HEADER_SCAN_ROWS:
                    continue
                reader = _start(head, hidden.get(sheet.title, set()), sheet.title, titles)
                if reader is None:
                    break
            if reader is None and head and len(head) < HEADER_SCAN_ROWS:
                reader = _start(head, hidden.get(sheet.title, set()), sheet.title, titles)
            if reader is None:
                skipped.append(sheet.title)
                titles.extend(" ".join(r) for r in head[:50])
                continue
            used.append(sheet.title)
            readers.append((sheet.title, reader))
    except ListImportError:
        raise
    except Exception as exc:
        raise ListImportError(f"{name}: arbetsboken kan inte läsas ({type(exc).__name__}: {exc}).") from exc
    finally:
        workbook.close()
    rows = _combine(readers, warnings)
    if not rows:
        raise ListImportError(
            f"{name}: ingen variabellista hittades: inget blad har en rubrikrad med en variabelkolumn "
            "(t.ex. Variabel, Variabelnamn, Namn) och en kolumn till (t.ex. Beskrivning, Typ, Tabell)."
        )
    report(1.0, "Klart")
    return ParsedList(
        file_name=name,
        sha256=sha,
        detected_benefit=detect_benefit(name, titles),
        rows=tuple((r.table, r.name, r.values) for r in rows),
        sheets_used=tuple(used),
        sheets_skipped=tuple(skipped),
        warnings=tuple(warnings),
    )


def _start(head: list[list[str]], hidden: set[int], sheet_title: str, titles: list[str]) -> _SheetReader | None:
    """Find the header in the first rows; feed the rows after it to a new reader."""
    header = find_header(head, hidden)
    if header is None:
        return None
    titles.extend(" ".join(r) for r in head[: header.row_index])
    default_table = "" if fold(sheet_title) in _GENERIC_SHEETS else sheet_title
    reader = _SheetReader(header, default_table)
    for row in head[header.row_index + 1 :]:
        reader.feed(row)
    return reader


def _combine(readers: list[tuple[str, _SheetReader]], warnings: list[str]) -> list[_Row]:
    """All sheets' rows; duplicates (same table and name) are kept once, with a warning."""
    seen: set[tuple[str, str]] = set()
    rows: list[_Row] = []
    duplicates = 0
    for _title, reader in readers:
        if reader.notes_skipped:
            warnings.append(f"{reader.notes_skipped} rader med anmärkningar hoppades över.")
        for row in reader.rows:
            key = (fold(row.table), fold(row.name))
            if key in seen:
                duplicates += 1
                continue
            seen.add(key)
            rows.append(row)
    if duplicates:
        warnings.append(f"{duplicates} dubbletter (samma tabell och variabel) togs bort.")
    return rows
