"""Personnummer hidden by a CSV file's columns: a leading zero lost, or the number split over two columns.

Why: Excel keeps 0112189876 as the number 112189876 and writes it so to CSV; the nine digits alone
no longer read as a personnummer. A register extract may also give the birth date and the last four
in two columns (19811218 | 9876). A CSV has no cell types, so each column (or pair of neighbours)
is judged on the first lines: one whose header names a personnummer ('pnr', 'personnummer' …), or
whose values mostly are valid numbers once the zeros are put back (or the pair is joined), is read
to the end so. Others are left alone, so amounts, serial numbers and a date next to a four-digit
code raise no alarms (one in 30, or one in ten, of them would pass the date and Luhn checks).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from html.parser import HTMLParser

from beställning.send.pnr import PnrMatch, find_pnr
from beställning.send.scan.report import Finding
from beställning.send.scan.text import scan_values

SAMPLE_LINES = 5000  # the lines that decide which columns are read
_DELIMITERS = "\t;,|"  # a tie goes to the tab: prose has commas, seldom tabs
_LONGEST_LINE = 1 << 20  # a longer line is taken as it is, so memory stays bounded
_SHARE = 0.5  # of a column's 7-9 digit values that must be valid numbers
_PNR_HEADER = re.compile(
    r"(?:p|pers|person)_?nr|pnr\w*|\w+_pnr|personnummer\w*|samordningsnummer\w*|samnr|ssn|personal_?id",
    re.IGNORECASE,
)


Key = tuple[str, int]  # ("zero", column) or ("split", first of the two columns)


def _mostly_valid(valid: int, seen: int) -> bool:
    """The rule for a column: some of its candidates are valid numbers, and at least half of them."""
    return valid > 0 and valid >= _SHARE * seen


def _bare(field: str) -> str:
    """A field without its quotes, or an SQL value without its quotes and brackets ('(1', '\'4606\');')."""
    return field.strip().strip("\"'();").strip()


@dataclass
class _Column:
    seen: int = 0
    hits: list[tuple[int, str, PnrMatch]] = field(default_factory=list)  # (line, as written, match) until decided


class ColumnNumbers:
    """Fed the text of a file as it is read; sends a Finding for each number its columns hide."""

    def __init__(
        self,
        source: str,
        sink: Callable[[Finding], None],
        file_sha256: str = "",
        kinds: tuple[str, ...] = ("zero", "split"),
        place: Callable[[int], str] = lambda line: f"rad {line}",
    ) -> None:
        self.source = source
        self.sink = sink
        self.file_sha256 = file_sha256
        self.kinds = kinds
        self.place = place
        self._pending = ""
        self._line = 0  # lines read so far
        self._delimiter: str | None = None
        self._names: list[str] = []
        self._columns: dict[Key, _Column] = {}
        self._read: set[Key] | None = None  # the columns read to the end, once decided
        self._done = False

    def feed(self, text: str) -> None:
        if self._done:
            return
        buffer = self._pending + text
        cut = buffer.rfind("\n") + 1
        if not cut and len(buffer) > _LONGEST_LINE:
            cut = max(buffer.rfind("\r") + 1, len(buffer) if "\r" not in buffer else 0)  # old Mac files
        self._pending = buffer[cut:]
        if cut:
            self._lines(buffer[:cut].splitlines())

    def close(self) -> None:
        if not self._done and self._pending:
            self._lines(self._pending.splitlines())
        self._pending = ""
        if self._read is None:
            self._decide()

    def _lines(self, lines: list[str]) -> None:
        if self._line == 0 and lines:
            self._header(lines[: min(len(lines), 20)])
        for line in lines:
            fields = line.split(self._delimiter) if self._delimiter else [line]
            self.row([_bare(text) for text in fields], self._line + 1)
            if self._done:
                return

    def row(self, values: list[str], line: int) -> None:
        """One row's values (a spreadsheet's cells, in column order), at line or row number `line`."""
        if self._done:
            return
        if not self._names:
            self._names = list(values)
        self._line = line
        for key in self._read if self._read is not None else self._keys(len(values)):
            self._look(key, values)
        if self._read is None and self._line >= SAMPLE_LINES:
            self._decide()

    def _keys(self, count: int) -> list[Key]:
        keys: list[Key] = [("zero", index) for index in range(count)] if "zero" in self.kinds else []
        return keys + ([("split", index) for index in range(count - 1)] if "split" in self.kinds else [])

    def _header(self, first: list[str]) -> None:
        counts = {d: sum(line.count(d) for line in first) for d in _DELIMITERS}
        delimiter = max(counts, key=lambda d: counts[d])
        self._delimiter = delimiter if counts[delimiter] else None
        names = first[0].lstrip("\ufeff").split(self._delimiter) if self._delimiter else [first[0]]
        self._names = [_bare(name) for name in names]

    def _look(self, key: Key, values: list[str]) -> None:
        """One candidate: a 7-9 digit value with its zeros put back, or a date joined to the next four digits."""
        how, index = key
        if how == "zero":
            value = values[index] if index < len(values) else ""
            if not (7 <= len(value) <= 9 and value.isdigit()):
                return
            candidate, written = value.zfill(10), value[:-4] + "****"
        else:
            # The last word before the break and the first after it: a tab in a line of text ('Pnr 811218<tab>9876').
            left, right = (values[index].split(), values[index + 1].split()) if index + 1 < len(values) else ([], [])
            date = left[-1].lstrip("(") if left else ""
            last = right[0].rstrip(".,;:)") if right else ""
            if not (len(date) in (6, 8) and date.isdigit() and len(last) == 4 and last.isdigit()):
                return
            candidate, written = f"{date}-{last}", f"{date} | ****"
        column = self._columns.setdefault(key, _Column())
        column.seen += 1
        hits = find_pnr(candidate)
        if not hits:
            return
        if self._read is None:
            column.hits.append((self._line, written, hits[0]))
        else:
            self._report(key, self._line, written, hits[0])

    def _named(self, key: Key) -> bool:
        how, index = key
        return how == "zero" and index < len(self._names) and _PNR_HEADER.fullmatch(self._names[index]) is not None

    def _decide(self) -> None:
        """Which columns hide numbers: report what the sample found in them, and read only them from now."""
        self._read = {
            key
            for key, column in self._columns.items()
            if self._named(key) or _mostly_valid(len(column.hits), column.seen)
        }
        self._read |= {("zero", index) for index in range(len(self._names)) if self._named(("zero", index))}
        for key in sorted(self._read):
            column = self._columns.get(key)
            for line, written, hit in column.hits if column else []:
                self._report(key, line, written, hit)
        self._columns = {key: column for key, column in self._columns.items() if key in self._read}
        self._done = not self._read

    def _name(self, index: int) -> str:
        return self._names[index] if index < len(self._names) and self._names[index] else f"kolumn {index + 1}"

    def _report(self, key: Key, line: int, written: str, hit: PnrMatch) -> None:
        how, index = key
        if how == "zero":
            context = f"{self._name(index)}: {written} (sparat som tal; med nollan {hit.masked})"
        else:
            context = f"{self._name(index)} + {self._name(index + 1)}: {written} (ett personnummer i två kolumner)"
        self.sink(Finding(self.source, self.place(line), hit.masked, hit.kind, self.file_sha256, context))


_DECIDE_AFTER = 200  # cells of a column that decide it, so memory stays small on a huge sheet
_COLUMN_OF_CELL = re.compile(r"(cell [A-Z]{1,3})[0-9]+$")


@dataclass
class _Cells:
    seen: int = 0
    found: list[Finding] = field(default_factory=list)


class RestoredZeros:
    """Numbers a spreadsheet stored as numbers with 7-9 digits (a zero lost), judged per column.

    Why: padded back to ten digits, one in 30 amounts reads as a valid personnummer, so a sheet of
    5,000 amounts gave some 300 false alarms. A padded number is reported only where most 7-9 digit
    numbers of its column (a cell's place without its row: 'blad ”Data”, cell B') are valid once
    padded, as a key file saved from Excel is; numbers of 10 or 12 digits never need this. Where a
    cell's column is not known (the fast reader for parts above 4 MB, a sheet saved as HTML), every
    padded number is checked instead: a false alarm costs less than a miss.
    """

    def __init__(self, source: str, sink: Callable[[Finding], None], file_sha256: str = "") -> None:
        self.source = source
        self.sink = sink
        self.file_sha256 = file_sha256
        self._columns: dict[str, _Cells] = {}
        self._decided: dict[str, bool] = {}

    def add(self, padded: str, place: str) -> None:
        """One number padded to ten digits, found at `place`."""
        column = _COLUMN_OF_CELL.sub(r"\1", place)
        decided = self._decided.get(column)
        if decided is False:
            return
        cells = self._columns.setdefault(column, _Cells())
        cells.seen += 1
        scan_values([padded], self.source, place, self.file_sha256, self.sink if decided else cells.found.append)
        if decided is None and cells.seen >= _DECIDE_AFTER:
            self._decide(column)

    def split(self, candidates: list[str], place: str) -> list[str]:
        """The candidates to scan now; one padded back to ten digits (it starts with 0) is judged by its column."""
        for padded in [c for c in candidates if c.startswith("0")]:
            self.add(padded, place)
        return [c for c in candidates if not c.startswith("0")]

    def close(self) -> None:
        for column in [c for c in self._columns if c not in self._decided]:
            self._decide(column)

    def _decide(self, column: str) -> None:
        cells = self._columns.pop(column)
        self._decided[column] = _mostly_valid(len(cells.found), cells.seen)
        if self._decided[column]:
            for finding in cells.found:
                self.sink(finding)


_TABLE_START = re.compile(r"<tr[\s>]|<t[dh][\s>]", re.IGNORECASE)
_HTML_LIMIT = 20 * 1024 * 1024  # characters of a page read for its tables: a sheet saved as HTML is far smaller


class HtmlTableRows(HTMLParser):
    """The rows of an HTML page's tables (a sheet saved as HTML) fed to ColumnNumbers, so a personnummer
    split over two neighbouring cells (a date and the last four) is found as in a CSV file."""

    def __init__(self, source: str, sink: Callable[[Finding], None], file_sha256: str = "") -> None:
        super().__init__(convert_charrefs=True)
        self.columns = ColumnNumbers(source, sink, file_sha256, ("split",), lambda row: f"tabellrad {row}")
        self._row: list[str] | None = None
        self._cell: list[str] | None = None
        self._rows = 0
        self._read = 0

    def feed_text(self, text: str) -> None:
        """Fed the page as it is read; parsing starts where the first table cell does (most pages have none)."""
        if not self._read:
            start = _TABLE_START.search(text)
            if start is None:
                return
            text = text[start.start() :]
        if self._read < _HTML_LIMIT:
            self._read += len(text)
            self.feed(text)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "tr":
            self._end_row()
            self._row = []
        elif tag in ("td", "th"):
            self._end_cell()
            self._cell = []

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "th"):
            self._end_cell()
        elif tag in ("tr", "table"):
            self._end_row()

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell.append(data)

    def close(self) -> None:
        super().close()
        self._end_row()
        self.columns.close()

    def _end_cell(self) -> None:
        if self._cell is not None:
            if self._row is None:
                self._row = []
            self._row.append("".join(self._cell).strip())
            self._cell = None

    def _end_row(self) -> None:
        self._end_cell()
        if self._row:
            self._rows += 1
            self.columns.row(self._row, self._rows)
        self._row = None
