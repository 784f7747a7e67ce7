"""A sieve at C speed that finds the few stretches of a long text where a personnummer can be.

Why: the candidate regex in pnr.py tries a match at every digit, which caps it near 15 MB/s on
digit-heavy text such as CSV. The sieve looks at every character at once instead, with big-integer
bit operations over a one-byte-per-character class map (bytes.translate):

a match always has two digits, a month (01-12), then either two more digits followed by a digit or
a separator, or a space (the 4-2-4 grouping). Only where that holds (organisation numbers, dates and
amounts mostly fail it) is the full regex run, on a window that begins right after and ends on a
character that can never be part of a number, so the regex sees exactly what a scan of the whole
text would see there.
"""

from __future__ import annotations

# One byte per character, one bit per class, laid out so that one shift and one AND test several
# classes at once (see candidate_windows). 0 means the character can never be part of a match,
# which is how window edges are found. Characters outside Latin-1 are encoded as '?', so '?' counts
# as a possible separator (the en and em dashes are outside Latin-1).
_DIGIT = 1 << 0
_DIGIT_OR_SEP = 1 << 1
_ZERO = 1 << 2  # a month's first digit, tested against the next character's _ONE_NINE
_ONE = 1 << 3  # a month's first digit, tested against the next character's _ZERO_TWO
_ONE_NINE = 1 << 4
_ZERO_TWO = 1 << 5
_SPACE = 1 << 6
_MONTH_SHIFT = 8 + 2  # _ZERO (bit 2) of byte p meets _ONE_NINE (bit 4) of byte p + 1; _ONE meets _ZERO_TWO


def _classes(byte: int) -> int:
    char = chr(byte)
    if char in "0123456789":
        bits = _DIGIT | _DIGIT_OR_SEP
        bits |= _ZERO if char == "0" else 0
        bits |= _ONE if char == "1" else 0
        bits |= _ONE_NINE if char != "0" else 0
        bits |= _ZERO_TWO if char in "012" else 0
        return bits
    if char in " \u00a0":
        return _DIGIT_OR_SEP | _SPACE
    if char in "-+./?":
        return _DIGIT_OR_SEP
    return 0


_TABLE = bytes(_classes(byte) for byte in range(256))
_SLICE = 1 << 18  # bytes per big-integer pass: small enough to stay in the processor's cache
SIEVE_FROM = 256  # shorter texts go straight to the regex: the sieve's fixed cost is not worth it


_ONES = [0]


def _ones(length: int) -> int:
    """0x01 in every byte, at least `length` bytes (AND with a longer number keeps the shorter length)."""
    if _ONES[0].bit_length() < 8 * length - 7:
        _ONES[0] = int.from_bytes(b"\x01" * max(length, _SLICE + 8), "little")
    return _ONES[0]


def candidate_windows(text: str) -> list[tuple[int, int]]:
    """(start, end) stretches of `text` that hold every place a personnummer could match, merged.

    Each start follows a character that cannot be part of a number (or is 0) and each end is just
    past one (or is len(text)), so no match crosses a window edge.
    """
    classes = text.encode("latin-1", "replace").translate(_TABLE)
    length = len(classes)
    windows: list[tuple[int, int]] = []
    for first in range(0, length, _SLICE):
        for month_at in _months(classes, first, min(length, first + _SLICE)):
            if windows and month_at < windows[-1][1]:
                continue  # inside the last window already
            start = classes.rfind(0, 0, month_at) + 1
            end = classes.find(0, month_at)
            end = length if end < 0 else end + 1
            if windows and start <= windows[-1][1]:
                windows[-1] = (windows[-1][0], end)
            else:
                windows.append((start, end))
    return windows


def _months(classes: bytes, first: int, last: int) -> list[int]:
    """Positions p in first..last-1 where a month follows two digits with a day or a 4-2-4 space after it.

    The test at p reads p - 2 .. p + 4: the slice is read from first - 2 to last + 5.
    """
    base = max(0, first - 2)
    piece = classes[base : last + 5]
    bits = int.from_bytes(piece, "little")
    # Each line works on all bytes at once, with right shifts only (they never make the number
    # longer): bit 0 (or the named bit) of byte q is the test at q; the last line tests at q = p - 2
    # for a month at p.
    pairs = bits & (bits >> 8)  # bit 0: digits at q and q + 1
    months = bits & (bits >> _MONTH_SHIFT)  # bit 2: '0' then 1-9; bit 3: '1' then 0-2
    months |= months >> 1  # bit 2: a month at q
    # at q + 4: 'dd' then a digit or separator (bit 1 of q + 6); or the space of 4-2-4 (bit 6)
    day = ((pairs >> 32) & (bits >> (48 + 1))) | (bits >> (32 + 6))
    hits = pairs & (months >> 18) & day & _ones(len(piece))
    if not hits:
        return []
    marks = hits.to_bytes(len(piece), "little")
    found = []
    at = marks.find(1)
    while at >= 0:
        month_at = base + at + 2
        if first <= month_at < last:
            found.append(month_at)
        at = marks.find(1, at + 1)
    return found
