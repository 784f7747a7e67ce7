"""Text out of an XML part as a reader sees it, streamed: one string per paragraph, cell, shape or span.

Office files split a number over several runs (<w:r>, <text:span>, <a:r>) when formatting changes in
the middle of it, so the text of a *block* (a paragraph, a shared string, a cell value) is joined
before it is scanned; separate blocks are never joined. Attribute values (sheet names, hyperlink
targets, alt texts, ODF's office:value) are values of their own.

Two readers with the same rules: `walk_xml` (expat, exact places such as 'tabell 1, rad 2, cell 2')
for ordinary parts, and `fast_xml` for parts above LARGE_PART bytes, which strips tags in big chunks
with regular expressions so a 150 MB document.xml is scanned in bounded memory at C speed (places
are then 'stycke N'). The fast reader looks for block ends by the prefixes the root element binds
to the dialect's namespaces ('w:' in Word), literal prefixes being three times faster to find than
any prefix; a part that declares namespaces anywhere else is read with any prefix.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import BinaryIO
from xml.parsers import expat

from beställning.send.pnr import numeric_text_candidates
from beställning.send.scan.columns import RestoredZeros
from beställning.send.scan.text import Sink, TextStream, decode_entities, once_per_place, scan_values

LARGE_PART = 4 * 1024 * 1024
Emit = Callable[[str, str, bool, str], None]
Hook = Callable[[str, str, str], list[str]]
Views = Callable[[str], list[str]]  # other readings of a text, always as many
_READ = 1 << 20


@dataclass(frozen=True)
class Dialect:
    """Which elements (by local name) hold one string, and which empty elements stand for a character."""

    blocks: frozenset[str]
    chars: dict[str, str] = field(default_factory=dict)
    numeric_text: frozenset[str] = frozenset()  # elements whose text may be a number that lost its zero
    numeric_attrs: frozenset[str] = frozenset()  # attributes (local names) that may hold such a number
    # The namespace URIs these names belong to, for the fast reader (empty: any prefix at all).
    namespaces: frozenset[str] = frozenset()


_W = (
    "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    "http://purl.oclc.org/ooxml/wordprocessingml/main",
)
_A = ("http://schemas.openxmlformats.org/drawingml/2006/main", "http://purl.oclc.org/ooxml/drawingml/main")
_CHART = (
    "http://schemas.openxmlformats.org/drawingml/2006/chart",
    "http://purl.oclc.org/ooxml/drawingml/chart",
    "http://schemas.microsoft.com/office/drawing/2014/chartex",
)
_SML = (
    "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
    "http://purl.oclc.org/ooxml/spreadsheetml/main",
    "http://schemas.microsoft.com/office/spreadsheetml/2009/9/main",  # x14: data validation lists
    "http://schemas.microsoft.com/office/excel/2006/main",  # xm:f
)
_ODF = tuple(f"urn:oasis:names:tc:opendocument:xmlns:{name}:1.0" for name in ("text", "table", "drawing", "office"))

# A tab in a document is white space between words, as a reader sees it: it becomes a space, so a
# number typed with a tab between its date and its last four ('811218<tab>9876') still reads as one.
# (In a .txt or .tsv a tab separates fields, and stays a tab.)
WORD = Dialect(
    frozenset({"p", "delText", "delInstrText"}),  # tracked deletions: their own text, not glued to the new
    {"tab": " ", "br": "\n", "cr": "\n", "noBreakHyphen": "-", "softHyphen": ""},
    namespaces=frozenset(_W + _A),
)
DRAWING = Dialect(
    frozenset({"p", "v", "f"}),
    {"tab": " ", "br": "\n"},
    numeric_text=frozenset({"v"}),
    namespaces=frozenset(_A + _CHART),
)
SHEET = Dialect(
    frozenset(
        {
            "f",
            "v",
            "is",
            "formula1",
            "formula2",
            "oddHeader",
            "oddFooter",
            "evenHeader",
            "evenFooter",
            "firstHeader",
            "firstFooter",
        }
    ),
    numeric_text=frozenset({"v"}),
    namespaces=frozenset(_SML),
)
SHARED_STRINGS = Dialect(frozenset({"si", "text"}), namespaces=frozenset(_SML))
PIVOT = Dialect(frozenset(), numeric_attrs=frozenset({"v"}))
ODF = Dialect(
    # A note's citation mark and a comment's author and date sit inside the paragraph they belong to.
    frozenset({"p", "h", "note-citation", "annotation"}),
    {"tab": " ", "line-break": "\n", "s": " "},
    numeric_attrs=frozenset({"value"}),
    namespaces=frozenset(_ODF),
)
GENERIC = Dialect(frozenset())


def _local(name: str) -> str:
    """'{uri} local' (expat with namespaces) or 'prefix:local' (without) → 'local'."""
    return name.rpartition(" ")[2].rpartition(":")[2]


class UnboundPrefix(ValueError):
    """The part uses a namespace prefix it never declares (old OpenOffice files): read it without namespaces."""


class Placer:
    """Names the place of the text being read; the default knows only the part's label.

    `wants` names the elements whose attributes `start` needs (None: all); others get {} (faster).
    """

    wants: frozenset[str] | None = frozenset()

    def __init__(self, label: str) -> None:
        self.label = label

    def start(self, local: str, attrs: dict[str, str]) -> None:
        """Told of every element start."""

    def end(self, local: str) -> None:
        """Told of every element end."""

    def place(self) -> str:
        return self.label


class WordPlacer(Placer):
    """'stycke N' or 'tabell T, rad R, cell C' in a Word part."""

    def __init__(self, label: str) -> None:
        super().__init__(label)
        self.paragraphs = 0
        self.tables = 0
        self._stack: list[list[int]] = []  # per open table: [table number, row, cell]

    def start(self, local: str, attrs: dict[str, str]) -> None:
        if local == "p":
            self.paragraphs += 1
        elif local == "tbl":
            self.tables += 1
            self._stack.append([self.tables, 0, 0])
        elif local == "tr" and self._stack:
            self._stack[-1][1] += 1
            self._stack[-1][2] = 0
        elif local == "tc" and self._stack:
            self._stack[-1][2] += 1

    def end(self, local: str) -> None:
        if local == "tbl" and self._stack:
            self._stack.pop()

    def place(self) -> str:
        if self._stack and self._stack[-1][2]:
            table, row, cell = self._stack[-1]
            return f"{self.label}, tabell {table}, rad {row}, cell {cell}"
        return f"{self.label}, stycke {self.paragraphs}"


class SheetPlacer(Placer):
    """'blad ”Namn”, cell A1' in a worksheet, from each cell's r attribute."""

    wants: frozenset[str] | None = frozenset({"c", "dataValidation"})

    def __init__(self, label: str) -> None:
        super().__init__(label)
        self.cell = ""
        self.cell_type = ""

    def start(self, local: str, attrs: dict[str, str]) -> None:
        if local == "c":
            self.cell = attrs.get("r", "")
            self.cell_type = attrs.get("t", "n")

    def place(self) -> str:
        return f"{self.label}, cell {self.cell}" if self.cell else self.label


class OdfPlacer(Placer):
    """'blad ”Namn”, cell B3' in a spreadsheet table, 'stycke N' elsewhere, in an ODF content part."""

    wants: frozenset[str] | None = frozenset({"table", "table-row", "table-cell", "covered-table-cell"})

    def __init__(self, label: str) -> None:
        super().__init__(label)
        self.paragraphs = 0
        self.table = ""
        self.row = 0
        self.col = 0
        self._row_repeat = 1
        self._col_repeat = 1

    def start(self, local: str, attrs: dict[str, str]) -> None:
        if local in ("p", "h"):
            self.paragraphs += 1
        elif local == "table":
            self.table = attrs.get("name", "")
            self.row = 0
        elif local == "table-row":
            self.row += 1
            self.col = 0
            self._row_repeat = _repeat(attrs.get("number-rows-repeated"))
        elif local in ("table-cell", "covered-table-cell"):
            self.col += 1
            self._col_repeat = _repeat(attrs.get("number-columns-repeated"))

    def end(self, local: str) -> None:
        if local == "table-row":
            self.row += self._row_repeat - 1
        elif local in ("table-cell", "covered-table-cell"):
            self.col += self._col_repeat - 1
        elif local == "table":
            self.table = ""

    def place(self) -> str:
        if self.table and self.row:
            return f"{self.label}, tabell ”{self.table}”, cell {column_letter(self.col)}{self.row}"
        return f"{self.label}, stycke {self.paragraphs}"


def _repeat(value: str | None) -> int:
    try:
        return max(1, int(value or "1"))
    except ValueError:
        return 1


def column_letter(number: int) -> str:
    """1 → A, 27 → AA (spreadsheet column names)."""
    letters = ""
    while number > 0:
        number, rest = divmod(number - 1, 26)
        letters = chr(65 + rest) + letters
    return letters or "A"


class _Walk:
    """The expat handlers: a stack of open blocks collecting text; each closed block is one value."""

    def __init__(self, dialect: Dialect, placer: Placer, emit: Emit) -> None:
        self.dialect = dialect
        self.placer = placer
        self.emit = emit
        self.blocks: list[list[str]] = []
        self.loose: list[str] = []
        self.stack: list[str] = []

    def start(self, name: str, attrs: dict[str, str]) -> None:
        local = _local(name)
        wants = self.placer.wants
        if attrs and (wants is None or local in wants):
            self.placer.start(local, {_local(k): v for k, v in attrs.items()})
        else:
            self.placer.start(local, {})
        self._flush_loose(self.stack[-1] if self.stack else "")
        self.stack.append(local)
        char = self.dialect.chars.get(local)
        if char is not None and self.blocks:
            self.blocks[-1].append(char)
        if local in self.dialect.blocks:
            self.blocks.append([])
        for key, value in attrs.items():
            if not value or len(value) < 7:
                continue
            numeric = _local(key) in self.dialect.numeric_attrs
            self.emit(value, self.placer.place(), numeric, "@" + _local(key))

    def end(self, name: str) -> None:
        local = _local(name)
        if local in self.dialect.blocks and self.blocks:
            text = "".join(self.blocks.pop())
            if text.strip():
                numeric = local in self.dialect.numeric_text and self._numeric_cell()
                self.emit(text, self.placer.place(), numeric, local)
        else:
            self._flush_loose(local, numeric=local in self.dialect.numeric_text and self._numeric_cell())
        if self.stack:
            self.stack.pop()
        self.placer.end(local)

    def data(self, text: str) -> None:
        if self.blocks:
            self.blocks[-1].append(text)
        else:
            self.loose.append(text)

    def _numeric_cell(self) -> bool:
        placer = self.placer
        return not isinstance(placer, SheetPlacer) or placer.cell_type in ("n", "")

    def _flush_loose(self, local: str, numeric: bool = False) -> None:
        if self.loose:
            text = "".join(self.loose)
            self.loose.clear()
            if text.strip():
                self.emit(text, self.placer.place(), numeric, local)


def walk_xml(stream: BinaryIO, dialect: Dialect, placer: Placer, emit: Emit, namespaces: bool = True) -> None:
    """Stream an XML part through expat, calling `emit(text, place, may_be_number, element)` per value.

    `element` is the local name of the element holding the text, or '@' + an attribute's local name.

    Raises ValueError (with expat's message) when the XML is malformed: the caller reports it.
    """
    walk = _Walk(dialect, placer, emit)
    parser = expat.ParserCreate(namespace_separator=" ") if namespaces else expat.ParserCreate()
    parser.buffer_text = True
    parser.StartElementHandler = walk.start
    parser.EndElementHandler = walk.end
    parser.CharacterDataHandler = walk.data
    try:
        while block := stream.read(_READ):
            parser.Parse(block, False)
        parser.Parse(b"", True)
    except expat.ExpatError as exc:
        if exc.code == expat.errors.codes[expat.errors.XML_ERROR_UNBOUND_PREFIX]:
            raise UnboundPrefix(expat.ErrorString(exc.code)) from exc
        raise ValueError(f"XML-delen är trasig ({expat.ErrorString(exc.code)}, rad {exc.lineno})") from exc


def scan_xml_part(
    stream: BinaryIO,
    size: int,
    dialect: Dialect,
    placer: Placer,
    source: str,
    file_sha256: str,
    sink: Sink,
    hook: Hook | None = None,
    namespaces: bool = True,
    views: Views | None = None,
) -> None:
    """Findings in one XML part, each placed; large parts take the fast reader.

    `hook(text, place, element)` may replace a value by the texts to scan instead (formula pieces
    joined, header codes taken out), or by [] when it handled the value itself. The fast reader
    cannot tell elements apart, so it scans `views(text)` of all the part's text instead.
    """
    if size > LARGE_PART:
        fast_xml(stream, dialect, placer.label, source, file_sha256, sink, views)
        return
    unique = once_per_place(sink)

    zeros = RestoredZeros(source, unique, file_sha256)

    def emit(text: str, place: str, numeric: bool, element: str) -> None:
        values = [text] if hook is None else hook(text, place, element)
        if not values:
            return
        if numeric:
            values += zeros.split(numeric_text_candidates(text.strip()), place)
        scan_values(values, source, place, file_sha256, unique)

    walk_xml(stream, dialect, placer, emit, namespaces)
    zeros.close()


# --- the fast reader for large parts ------------------------------------------------------------------

_TEXT_RUNS = re.compile(rb">([^<]+)")  # the text between tags (faster than deleting every tag)
# Attribute values with a digit, however quoted and spaced; possessive (*+) and digit-free before
# the first digit, so there is no backtracking over long values. Starting at '=' lets re jump to it.
_ATTR = re.compile(rb"""=\s*+(?:"([^"0-9<>]*+[0-9][^"<>]*+)"|'([^'0-9<>]*+[0-9][^'<>]*+)')""")
_NUMERIC_V = re.compile(rb"<(?:[\w.-]+:)?v>([0-9.Ee+]{7,20})</(?:[\w.-]+:)?v>")
_ANY_PREFIX = rb"(?:[\w.-]++:)?"
# Elements that end a block in every dialect: table cells and rows.
_BOUNDARIES = frozenset({"tc", "tr", "table-cell"})
# Elements inside a block whose text is not the block's (text boxes, notes and comments, Word's
# tracked deletions): their start is a block edge too, so the text before does not join theirs.
_NESTS = frozenset({"txbxContent", "text-box", "note-body", "note-citation", "annotation"})
# Word's tracked deletions: taken out of the text with what they hold, which is scanned on its own, so
# that '811218-' + deleted '1234' + inserted '9876' reads as the number the document now shows.
_ASIDES = ("delText", "delInstrText")
_ROOT_TAG = re.compile(rb"<(?![?!])[^>]*+>")
_XMLNS = re.compile(rb"""\sxmlns(?::([\w.-]+))?\s*=\s*(?:"([^"]*)"|'([^']*)')""")


def _chunks(stream: BinaryIO) -> Iterator[bytes]:
    """The part in chunks of about 1 MB, each ending just after a '>' (so never inside a tag)."""
    rest = b""
    while block := stream.read(_READ):
        data = rest + block
        cut = data.rfind(b">") + 1
        data, rest = data[:cut], data[cut:]
        if data:
            yield data
    if rest:
        yield rest


@dataclass(frozen=True)
class _Tags:
    """The fast reader's patterns for the tags that matter; every other tag just vanishes.

    A block's end becomes a line break (a line is a block). An element that stands for a character
    becomes it, and the start of an element that nests blocks becomes a tab. `asides` matches a
    tracked deletion with its text (group 1).
    """

    ends: re.Pattern[bytes]
    starts: re.Pattern[bytes]
    asides: re.Pattern[bytes]
    aside_marks: tuple[bytes, ...]  # one of these is in a chunk that holds a tracked deletion
    bound: bool  # only the root's prefixes: a part that declares more must be read with any prefix


def _tags(dialect: Dialect, prefixes: list[bytes] | None) -> _Tags:
    """Patterns for these prefixes ('w:', or b'' for the default namespace), or for any when None."""
    if prefixes is None:
        prefix = _ANY_PREFIX
    else:
        prefix = rb"(?:" + b"|".join(re.escape(p) for p in sorted(prefixes, key=len, reverse=True)) + rb")"
    blocks = sorted((dialect.blocks | _BOUNDARIES | _NESTS).difference(_ASIDES))
    ends = re.compile(rb"</" + prefix + rb"(?:" + "|".join(blocks).encode() + rb")>")
    names = sorted(_NESTS | set(dialect.chars), key=len, reverse=True)
    starts = re.compile(rb"<" + prefix + rb"(" + "|".join(names).encode() + rb")\b[^>]*+>")
    aside = rb"(?:" + "|".join(_ASIDES).encode() + rb")"
    asides = re.compile(
        rb"<" + prefix + aside + rb"\b[^>]*+>([^<]*+)</" + prefix + aside + rb">|<" + prefix + aside + rb"/>"
    )
    if not dialect.blocks.intersection(_ASIDES):
        marks: tuple[bytes, ...] = ()
    elif prefixes is None:
        marks = tuple(name.encode() for name in _ASIDES)
    else:  # '<w:del' starts both the deletion and its text: one quick search
        marks = tuple(b"<" + p + b"del" for p in prefixes)
    return _Tags(ends, starts, asides, marks, prefixes is not None)


def _take_asides(tags: _Tags, data: bytes) -> tuple[bytes, list[bytes]]:
    """The chunk without its tracked deletions, and their texts."""
    taken: list[bytes] = []

    def take(match: re.Match[bytes]) -> bytes:
        taken.append(match.group(1) or b"")
        return b""

    return tags.asides.sub(take, data), taken


def _root_prefixes(data: bytes, namespaces: frozenset[str]) -> tuple[list[bytes] | None, int]:
    """The prefixes the root element binds to `namespaces`, and where its start tag ends.

    None when there is nothing to bind, the root tag is not in `data`, or it binds none of them.
    """
    root = _ROOT_TAG.search(data) if namespaces else None
    if root is None:
        return None, 0
    prefixes = [
        (name + b":") if name else b""
        for name, double, single in _XMLNS.findall(root.group())
        if (double or single).decode("utf-8", "replace") in namespaces
    ]
    return (prefixes or None), root.end()


def fast_xml(
    stream: BinaryIO,
    dialect: Dialect,
    label: str,
    source: str,
    file_sha256: str,
    sink: Sink,
    views: Views | None = None,
) -> None:
    """Scan a large XML part in 1 MB chunks: block ends become line breaks, other tags vanish.

    Places are 'stycke N' (the block count). Attribute values and numeric values are scanned as
    separate values in the same pass, so nothing the exact reader sees is skipped. A character
    element that breaks a line (<w:br/>) becomes a tab here, so block numbers stay right.
    """
    # A line break inside a block becomes a tab: lines count blocks.
    char_map = {name.encode(): ("\t" if text == "\n" else text).encode() for name, text in dialect.chars.items()}
    unique = once_per_place(sink)

    text = TextStream(source, unique, file_sha256, place=label, line_word="stycke")
    others: list[TextStream] = []  # one per view, fed a view's text or only its line breaks
    tags: _Tags | None = None
    for data in _chunks(stream):
        if tags is None:
            prefixes, root_end = _root_prefixes(data, dialect.namespaces)
            tags = _tags(dialect, prefixes)
        else:
            root_end = 0
        if tags.bound and data.find(b"xmlns", root_end) >= 0:
            tags = _tags(dialect, None)  # a namespace declared below the root: its prefix is unknown
        taken: list[bytes] = []
        if any(mark in data for mark in tags.aside_marks):
            data, taken = _take_asides(tags, data)
        marked = tags.ends.sub(b"\n", tags.starts.sub(lambda m: char_map.get(m.group(1), b"\t"), data))
        # A chunk starts right after a '>', so every text run follows one.
        stripped = b"".join(_TEXT_RUNS.findall(b">" + marked))
        chunk = decode_entities(stripped.decode("utf-8", errors="replace"))
        text.feed(chunk)
        for index, view in enumerate(views(chunk) if views is not None else []):
            if index == len(others):
                others.append(TextStream(source, unique, file_sha256, place=label, line_word="stycke"))
            others[index].feed(view if view != chunk else "\n" * chunk.count("\n"))
        values = [a or b for a, b in _ATTR.findall(data)] + taken
        values = [value for value in values if len(value) >= 7]  # shorter ones hold no number
        if dialect.numeric_text or dialect.numeric_attrs:
            for raw in _NUMERIC_V.findall(data) + [v for v in values if v[:1].isdigit()]:
                # Every number, padded too: this reader cannot tell a cell's column (see RestoredZeros).
                values += [c.encode() for c in numeric_text_candidates(raw.decode("ascii", errors="replace"))]
        if values:  # one string, a value a line: values never join, and one search per chunk
            joined = decode_entities(b"\n".join(values).decode("utf-8", errors="replace"))
            scan_values([joined], source, f"{label}, attribut", file_sha256, unique)
    for reader in [text, *others]:
        reader.close()
