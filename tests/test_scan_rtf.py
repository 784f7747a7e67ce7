"""RTF as Word and Writer write it: text in notes, comments, fields, shapes, properties and tracked changes.

Those groups are read apart from the sentence they sit in, so a number right before a footnote mark
or a comment is still one number, and a number only in a link target, an alt text or the title is found.
"""

from __future__ import annotations

import pytest

from beställning.send.scan import ScanReport, scan_bytes
from beställning.send.scan.plain import rtf_to_text
from tests.pnr_numbers import dashed, make_numbers, masked

P1, P2 = make_numbers(2, seed=41)
HEAD = r"{\rtf1\ansi\ansicpg1252\deff0{\fonttbl{\f0 Arial;}}{\*\generator Writer;}"


def rtf(body: str, info: str = "") -> bytes:
    return (HEAD + info + r"\pard\plain " + body + r"\par}").encode("cp1252")


def masks(report: ScanReport) -> list[str]:
    assert not report.unreadable, report.unreadable
    return sorted({f.masked for f in report.findings})


CASES = {
    "footnote right after the number": (
        rf"Pnr {dashed(P1)}{{\super\chftn}}{{\*\footnote \pard\plain {{\super\chftn}} 12 Källa.}} text",
        [P1],
    ),
    "comment right after the number": (
        rf"Pnr {dashed(P1)}{{\*\atnid A}}{{\*\atnauthor Anna}}\chatn{{\*\annotation{{\*\atndate 1234567}} 2026 Kolla}}",
        [P1],
    ),
    "number only in a comment": (rf"Text{{\*\annotation \pard Se {dashed(P1)}}}", [P1]),
    "tracked change of the last four": (
        rf"{{Pnr {P1[:6]}-}}{{\deleted\revauthdel1 1234}}{{\revised\revauth1 {P1[6:]}}} slut",
        [P1],
    ),
    "tracked replacement": (rf"{{\deleted {dashed(P2)}}}{{\revised {dashed(P1)}}}", [P1, P2]),
    "hyperlink target": (
        rf'{{\field{{\*\fldinst HYPERLINK "https://example.se/?p={P1}"}}{{\fldrslt Länk}}}}',
        [P1],
    ),
    "image alt text": (rf"{{\shp{{\*\shpinst{{\sp{{\sn wzDescription}}{{\sv Foto {dashed(P1)}}}}}}}}}", [P1]),
    "text box": (rf"12{{\shp{{\*\shpinst{{\shptxt {P1}}}}}}}34", [P1]),
    "tab between the date and the last four": (rf"Pnr {P1[:6]}\tab {P1[6:]}", [P1]),
    "bookmark name": (rf"{{\*\bkmkstart p{P1}}}Text{{\*\bkmkend p{P1}}}", [P1]),
}


@pytest.mark.parametrize("case", CASES)
def test_text_outside_the_sentence(case: str) -> None:
    body, numbers = CASES[case]
    assert masks(scan_bytes("brev.rtf", rtf(body))) == sorted(masked(n) for n in numbers)


def test_title_subject_and_keywords_are_each_their_own_line() -> None:
    info = rf"{{\info{{\title Utdrag {dashed(P1)}}}{{\subject {dashed(P2)}}}{{\keywords {dashed(P1)}}}}}"
    report = scan_bytes("brev.rtf", rtf("Text", info))
    assert masks(report) == sorted([masked(P1), masked(P2)])


def test_the_body_joins_across_formatting_groups_and_asides_follow_it() -> None:
    text = rtf_to_text(rtf(rf"{{\b {P1[:5]}}}{P1[5:]}{{\*\annotation Notis}} slut"))
    lines = [line for line in text.splitlines() if line]
    assert lines == [f"{P1} slut", "Notis"]
