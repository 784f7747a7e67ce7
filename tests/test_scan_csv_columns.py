"""Personnummer hidden by CSV columns: saved as numbers (the leading zero lost) or split over two columns.

Someone born 2000-2009 has a number starting with 0: a spreadsheet keeps it as a number and writes
112189876 (nine digits), or seven or eight digits for 2000. The guard puts the zeros back in a
column named as a personnummer, or in one whose values mostly read as numbers once restored, and
stays quiet on columns of amounts and serial numbers of the same length.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from beställning.send.scan import columns, scan_path
from tests.pnr_numbers import make_numbers, masked

YOUNG = make_numbers(40, seed=31, born_2000s=True)
OLDER = make_numbers(5, seed=32)


def as_number(ten: str) -> str:
    return str(int(ten))


def expected(numbers: list[str]) -> list[str]:
    return sorted({masked(n) for n in numbers})


def finding_masks(path: Path) -> list[str]:
    report = scan_path(path)
    assert not report.unreadable, report.unreadable
    return sorted({f.masked for f in report.findings})


@pytest.mark.parametrize(
    ("header", "delimiter", "quote", "newline", "encoding"),
    [
        ("lopnr;pnr;kommun", ";", "", "\r\n", "utf-8-sig"),  # Excel, svenska inställningar
        ("lopnr,personnummer,kommun", ",", '"', "\n", "utf-8"),
        ("lopnr\tPNR\tkommun", "\t", "", "\r\n", "utf-16"),
        ("Löpnr;Personnr;Kommun", ";", "", "\r\n", "cp1252"),
    ],
)
def test_named_column_in_every_shape(
    tmp_path: Path, header: str, delimiter: str, quote: str, newline: str, encoding: str
) -> None:
    rows = [header] + [
        delimiter.join([str(i), f"{quote}{as_number(n)}{quote}", "Umeå"]) for i, n in enumerate(YOUNG[:3], 1)
    ]
    path = tmp_path / "nyckel.csv"
    path.write_bytes(newline.join(rows).encode(encoding) + newline.encode(encoding))
    assert finding_masks(path) == expected(YOUNG[:3])


def test_column_without_a_telling_name_is_judged_by_its_values(tmp_path: Path) -> None:
    rows = ["id;x;y"] + [f"{i};{as_number(n)};{1_000_000 + i}" for i, n in enumerate(YOUNG + OLDER, 1)]
    path = tmp_path / "export.csv"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    assert finding_masks(path) == expected(YOUNG + OLDER)


def test_born_in_2000_keeps_seven_or_eight_digits(tmp_path: Path) -> None:
    numbers = [n for n in make_numbers(400, seed=33, born_2000s=True) if n.startswith("00")][:4]
    assert {len(as_number(n)) for n in numbers} <= {7, 8} and numbers
    path = tmp_path / "barn.csv"
    path.write_text("pnr\n" + "\n".join(as_number(n) for n in numbers) + "\n", encoding="utf-8")
    assert finding_masks(path) == expected(numbers)


def test_headerless_file_with_one_number(tmp_path: Path) -> None:
    path = tmp_path / "en.txt"
    path.write_text(as_number(YOUNG[0]) + "\n", encoding="utf-8")
    assert finding_masks(path) == [masked(YOUNG[0])]


def test_amounts_and_serial_numbers_of_seven_to_nine_digits_raise_nothing(tmp_path: Path) -> None:
    """Clean corpus: 20,000 rows of amounts, serial numbers and ids; about 600 would pass on their own."""
    rng = random.Random(5)
    rows = ["lopnr;belopp_kr;arendeid;inkomst"] + [
        ";".join(
            str(v)
            for v in (
                1_000_000 + i,
                rng.randrange(10**6, 10**8),
                rng.randrange(10**8, 10**9),
                rng.randrange(10**6, 10**7),
            )
        )
        for i in range(20_000)
    ]
    path = tmp_path / "statistik.csv"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    assert finding_masks(path) == []


def test_a_key_column_is_read_to_the_end(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(columns, "SAMPLE_LINES", 10)
    rows = ["a;b"] + [f"{i};{as_number(n)}" for i, n in enumerate(YOUNG, 1)]
    path = tmp_path / "lång.csv"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    report = scan_path(path)
    assert sorted({f.masked for f in report.findings}) == expected(YOUNG)
    assert {f.place for f in report.findings if f.masked == masked(YOUNG[-1])} == {f"rad {len(YOUNG) + 1}"}


def test_old_mac_line_endings(tmp_path: Path) -> None:
    path = tmp_path / "mac.csv"
    path.write_bytes(("pnr\r" + "\r".join(as_number(n) for n in YOUNG[:2]) + "\r").encode())
    assert finding_masks(path) == expected(YOUNG[:2])


@pytest.mark.parametrize(
    "cell",
    [
        '<td align="right" sdval="{n}" sdnum="1053;">{n}</td>',  # LibreOffice Calc
        "<td class=xl65 align=right x:num>{n}</td>",  # Excel, the value shown
        '<td class=xl66 x:num="{n}">{n:,}</td>',  # Excel, the value formatted with thousands
    ],
    ids=["calc", "excel", "excel formatted"],
)
def test_spreadsheet_saved_as_html_keeps_the_number_without_zero(tmp_path: Path, cell: str) -> None:
    number = int(YOUNG[0])
    path = tmp_path / "tabell.html"
    path.write_text(f"<html><body><table><tr><td>1</td>{cell.format(n=number)}</tr></table></body></html>")
    assert finding_masks(path) == [masked(YOUNG[0])]


@pytest.mark.parametrize("century", [True, False], ids=["YYYYMMDD", "YYMMDD"])
def test_number_split_over_a_date_column_and_the_last_four(tmp_path: Path, century: bool) -> None:
    numbers = OLDER[:3]
    rows = ["Födelsedatum;Löpnr;Ort"] + [f"{'19' if century else ''}{n[:6]};{n[6:]};Umeå" for n in numbers]
    path = tmp_path / "uttag.csv"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    report = scan_path(path)
    assert sorted({f.masked for f in report.findings}) == sorted(
        {("19" if century else "") + masked(n) for n in numbers}
    )
    assert "två kolumner" in report.findings[0].context


def test_dates_next_to_four_digit_codes_raise_nothing(tmp_path: Path) -> None:
    """Clean corpus: 20,000 rows of a date and a municipality code; about one in ten would join into a number."""
    rng = random.Random(7)
    rows = ["beslutsdatum;kommunkod;belopp"] + [
        f"20{rng.randrange(15, 25)}{rng.randrange(1, 13):02d}{rng.randrange(1, 29):02d};{rng.randrange(114, 2584):04d};"
        f"{rng.randrange(100, 99999)}"
        for _ in range(20_000)
    ]
    path = tmp_path / "beslut.csv"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    assert finding_masks(path) == []


def test_spreadsheet_column_of_amounts_raises_nothing_but_a_key_column_is_found(tmp_path: Path) -> None:
    """In .xlsx and .ods a 7-9 digit number is padded back only where its column mostly holds valid numbers:
    5,000 amounts of seven digits gave some 300 false alarms before."""
    import openpyxl

    rng = random.Random(9)
    young = make_numbers(300, seed=34, born_2000s=True)
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append(["kommun", "belopp", "antal", "nummer"])
    for index in range(5000):
        key = int(young[index]) if index < len(young) else None
        sheet.append([f"K{index}", rng.randrange(10**6, 10**7), rng.randrange(10**8, 10**9), key])
    path = tmp_path / "tabell.xlsx"
    workbook.save(path)
    report = scan_path(path)
    assert sorted({f.masked for f in report.findings}) == expected(young)
    assert {f.place.rsplit(" ", 1)[1][0] for f in report.findings} == {"D"}


def test_spreadsheet_with_one_number_stored_as_a_number(tmp_path: Path) -> None:
    import openpyxl

    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append(["lopnr", "nummer"])
    sheet.append([1, int(YOUNG[0])])
    path = tmp_path / "en.xlsx"
    workbook.save(path)
    assert finding_masks(path) == [masked(YOUNG[0])]


@pytest.mark.parametrize("as_text", [True, False], ids=["text cells", "number cells"])
def test_spreadsheet_number_split_over_two_cells(tmp_path: Path, as_text: bool) -> None:
    """The birth date in one cell and the last four in the next, in .xlsx and (via the test ODF) .ods."""
    import openpyxl

    numbers = OLDER[:3]
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append(["Födelsedatum", "Löpnr", "Ort"])
    for n in numbers:
        date, last = f"19{n[:6]}", n[6:]
        sheet.append([date if as_text else int(date), last if as_text else int(last), "Umeå"])
    path = tmp_path / "uttag.xlsx"
    workbook.save(path)
    report = scan_path(path)
    assert sorted({f.masked for f in report.findings}) == sorted({"19" + masked(n) for n in numbers})
    assert {f.place for f in report.findings} == {f"blad ”Sheet”, rad {row}" for row in (2, 3, 4)}


def test_ods_number_split_over_two_cells() -> None:
    from beställning.send.scan import scan_bytes
    from tests.test_scan_formats import odf

    rows = "".join(
        "<table:table-row>"
        f"<table:table-cell office:value-type='float' office:value='19{n[:6]}'><text:p>19{n[:6]}</text:p>"
        f"</table:table-cell><table:table-cell office:value-type='string'><text:p>{n[6:]}</text:p></table:table-cell>"
        "</table:table-row>"
        for n in OLDER[:2]
    )
    body = f"<office:spreadsheet><table:table table:name='Blad1'>{rows}</table:table></office:spreadsheet>"
    report = scan_bytes("uttag.ods", odf(body, "application/vnd.oasis.opendocument.spreadsheet"))
    assert sorted({f.masked for f in report.findings}) == sorted({"19" + masked(n) for n in OLDER[:2]})


def test_spreadsheet_dates_next_to_codes_raise_nothing(tmp_path: Path) -> None:
    import openpyxl

    rng = random.Random(8)
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append(["beslutsdatum", "kommunkod"])
    for _ in range(3000):
        sheet.append(
            [
                int(f"20{rng.randrange(15, 25)}{rng.randrange(1, 13):02d}{rng.randrange(1, 29):02d}"),
                f"{rng.randrange(114, 2584):04d}",
            ]
        )
    path = tmp_path / "beslut.xlsx"
    workbook.save(path)
    assert finding_masks(path) == []


def test_table_printed_to_pdf_keeps_numbers_without_zero(tmp_path: Path) -> None:
    """Calc or Excel printing a key sheet to PDF: the text layer holds 209016062 for 0209016062."""
    from tests.test_scan_files import make_pdf

    rows = [f"{i} {as_number(n)} Umeå" for i, n in enumerate(YOUNG[:4], 1)]
    path = tmp_path / "nyckel.pdf"
    path.write_bytes(make_pdf(["lopnr nummer kommun", *rows]))
    report = scan_path(path)
    assert sorted({f.masked for f in report.findings}) == expected(YOUNG[:4])
    assert report.findings[0].place.startswith("sida 1, rad ")


def test_amounts_printed_to_pdf_raise_nothing(tmp_path: Path) -> None:
    from tests.test_scan_files import make_pdf

    rng = random.Random(11)
    lines = [f"Kommun {i} {rng.randrange(10**6, 10**7)} kr {rng.randrange(10**8, 10**9)}" for i in range(200)]
    path = tmp_path / "belopp.pdf"
    path.write_bytes(make_pdf(lines))
    assert finding_masks(path) == []


def test_sql_dump_with_the_date_and_the_last_four_in_separate_values(tmp_path: Path) -> None:
    path = tmp_path / "dump.sql"
    path.write_text("".join(f"INSERT INTO t VALUES ({i},'{n[:6]}','{n[6:]}');\n" for i, n in enumerate(OLDER[:3], 1)))
    assert finding_masks(path) == expected(OLDER[:3])


def test_html_table_with_the_date_and_the_last_four_in_neighbouring_cells(tmp_path: Path) -> None:
    """As Calc writes it: each cell on its own line, so the page's text does not join them."""
    rows = "".join(
        f"<tr>\n\t\t<td>{i}</td>\n\t\t<td sdval='19{n[:6]}'>19{n[:6]}</td>\n\t\t<td>{n[6:]}</td>\n\t</tr>\n"
        for i, n in enumerate(OLDER[:3])
    )
    path = tmp_path / "tabell.html"
    path.write_text(
        f"<html><body><p>Uttag</p><table><tr><th>Nr</th><th>Född</th><th>Fyra</th></tr>{rows}</table></body></html>"
    )
    assert sorted({f.masked for f in scan_path(path).findings}) == sorted({"19" + masked(n) for n in OLDER[:3]})


def test_text_file_with_a_tab_before_the_last_four(tmp_path: Path) -> None:
    """Writer's .txt export of 'Pnr 811218<tab>9876.': the words on each side of the tab are joined."""
    path = tmp_path / "brev.txt"
    path.write_text(f"Beställning av individdata, bilaga 2.\nPnr {OLDER[0][:6]}\t{OLDER[0][6:]}.\n", encoding="utf-8")
    assert finding_masks(path) == [masked(OLDER[0])]
