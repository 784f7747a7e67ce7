"""Personnummer that lost their leading zero in a column of a CSV file (a key file saved from Excel).

Why: Excel keeps 0112189876 as the number 112189876 and writes it so to CSV; the nine digits alone
no longer read as a personnummer. A CSV has no cell types, so which fields were numbers is judged
per column: a column whose header names a personnummer ('pnr', 'personnummer' …), or whose 7-9
digit values in the first lines are mostly valid numbers once the zeros are put back, is read to
the end with the zeros put back. Other columns are left alone, so amounts and serial numbers of
seven to nine digits raise no alarms (one in 30 of them would pass the date and Luhn checks).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from beställning.send.pnr import PnrMatch, find_pnr
from beställning.send.scan.report import Finding

SAMPLE_LINES = 5000  # the lines that decide which columns are read
_DELIMITERS = ";,\t|"
_LONGEST_LINE = 1 << 20  # a longer line is taken as it is, so memory stays bounded
_SHARE = 0.5  # of a column's 7-9 digit values that must be valid numbers
_PNR_HEADER = re.compile(
    r"(?:p|pers|person)_?nr|pnr\w*|\w+_pnr|personnummer\w*|samordningsnummer\w*|samnr|ssn|personal_?id",
    re.IGNORECASE,
)


@dataclass
class _Column:
    seen: int = 0
    hits: list[tuple[int, str, PnrMatch]] = field(default_factory=list)  # (line, as written, match) until decided


class LostZeroColumns:
    """Fed the text of a file as it is read; sends a Finding for each number found with its zero restored."""

    def __init__(self, source: str, sink: Callable[[Finding], None], file_sha256: str = "") -> None:
        self.source = source
        self.sink = sink
        self.file_sha256 = file_sha256
        self._pending = ""
        self._line = 0  # lines read so far
        self._delimiter: str | None = None
        self._names: list[str] = []
        self._columns: dict[int, _Column] = {}
        self._read: set[int] | None = None  # the columns read to the end, once decided
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
            self._line += 1
            fields = line.split(self._delimiter) if self._delimiter else [line]
            for index in self._read if self._read is not None else range(len(fields)):
                if index < len(fields):
                    self._field(index, fields[index])
            if self._read is None and self._line >= SAMPLE_LINES:
                self._decide()
            if self._done:
                return

    def _header(self, first: list[str]) -> None:
        counts = {d: sum(line.count(d) for line in first) for d in _DELIMITERS}
        delimiter = max(counts, key=lambda d: counts[d])
        self._delimiter = delimiter if counts[delimiter] else None
        names = first[0].lstrip("\ufeff").split(self._delimiter) if self._delimiter else [first[0]]
        self._names = [name.strip().strip('"').strip() for name in names]

    def _field(self, index: int, text: str) -> None:
        value = text.strip().strip('"').strip()
        if not (7 <= len(value) <= 9 and value.isdigit()):
            return
        column = self._columns.setdefault(index, _Column())
        column.seen += 1
        hits = find_pnr(value.zfill(10))
        if not hits:
            return
        written = value[:-4] + "****"  # as the file shows it, masked
        if self._read is None:
            column.hits.append((self._line, written, hits[0]))
        else:
            self._report(index, self._line, written, hits[0])

    def _named(self, index: int) -> bool:
        return index < len(self._names) and _PNR_HEADER.fullmatch(self._names[index]) is not None

    def _decide(self) -> None:
        """Which columns hold numbers that lost their zero: report what the sample found in them."""
        self._read = {
            index
            for index, column in self._columns.items()
            if self._named(index) or (column.hits and len(column.hits) >= _SHARE * column.seen)
        }
        self._read |= {index for index in range(len(self._names)) if self._named(index)}
        for index in sorted(self._read):
            column = self._columns.get(index)
            for line, written, hit in column.hits if column else []:
                self._report(index, line, written, hit)
        self._columns = {index: column for index, column in self._columns.items() if index in self._read}
        self._done = not self._read

    def _report(self, index: int, line: int, written: str, hit: PnrMatch) -> None:
        name = self._names[index] if index < len(self._names) and self._names[index] else f"kolumn {index + 1}"
        context = f"{name}: {written} (sparat som tal; med nollan {hit.masked})"
        self.sink(Finding(self.source, f"rad {line}", hit.masked, hit.kind, self.file_sha256, context))
