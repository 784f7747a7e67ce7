"""The personnummer guard: scanning files and the order's text before anything is sent. Fail closed.

FK takes the key file (nyckelfil) with personnummer only by registered post, after its decision, so
the guard reads every format on a fixed list completely (`formats.READ`, `bestallning scan
--formats`), recognised by content so a renamed file is still read; whatever it cannot read
completely (unknown binary, encrypted, too deep, too large, a part it cannot parse) is Unreadable
and blocks, with the reason and what to do. Reports carry only masked numbers.

API (all importable from here):
- `scan_path(path, limits=None, cancel=None) -> ScanReport` — one file on disk.
- `scan_bytes(name, data, source=None, limits=None, cancel=None) -> ScanReport` — content in memory.
- `scan_order(order) -> ScanReport` — the order's free text.
- `scan_text(text, source, place="", file_sha256="") -> list[Finding]`.
- `ScanReport`: `.findings` (block), `.unreadable` (block), `.notes`, `.cleared`; `.clean`; `.merge()`.
- `Finding(source, place, masked, kind, file_sha256, context)`; `.identity` is stable for the same file.
- `Unreadable(source, reason)`; `ScanLimits`; `ScanCancelled`; `CancelCheck`.
- False alarms: `Clearance(finding, file_sha256, reason, cleared_on, masked, source, place)`,
  `clear(finding, reason) -> Clearance`, `apply_clearances(report, clearances) -> ScanReport`
  (cleared findings move to `.cleared`; a clearance for a changed file does not apply),
  `clearances_to_json(clearances) -> list[dict]`, `clearances_from_json(list) -> list[Clearance]`.
- `format_lines() -> list[str]`: the list of formats read, for help texts.

Modules: `engine` (dispatch, budget, spooling), `formats` (the list, sniffing), `text` (decoding,
chunked text with overlap, entity/JSON/markup views), `xmltext` (XML blocks joined, streamed),
`office` (zip, OOXML, ODF), `containers` (tar, gz, bz2, xz), `plain` (text, base64, RTF, binary
strings), `mail` (.eml), `pdf` (pages, attachments, Hybrid-PDF source), `pdfobjects` (properties,
comments, links, tags, form fields), `order`, `clearance`.
"""

from beställning.send.scan.clearance import (
    Clearance,
    ClearanceError,
    apply_clearances,
    clear,
    clearances_from_json,
    clearances_to_json,
    reviewed_clearances,
)
from beställning.send.scan.engine import scan_bytes, scan_path
from beställning.send.scan.formats import format_lines
from beställning.send.scan.order import scan_order
from beställning.send.scan.report import (
    CancelCheck,
    Finding,
    ScanCancelled,
    ScanLimits,
    ScanReport,
    Unreadable,
)
from beställning.send.scan.text import decode_text, scan_text

__all__ = [
    "CancelCheck",
    "Clearance",
    "ClearanceError",
    "Finding",
    "ScanCancelled",
    "ScanLimits",
    "ScanReport",
    "Unreadable",
    "apply_clearances",
    "clear",
    "clearances_from_json",
    "clearances_to_json",
    "decode_text",
    "format_lines",
    "reviewed_clearances",
    "scan_bytes",
    "scan_order",
    "scan_path",
    "scan_text",
]
