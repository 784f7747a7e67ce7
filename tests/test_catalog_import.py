"""Importing FK's official lists: unfamiliar layouts are read, bad files are refused cleanly."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from openpyxl import Workbook

from beställning.catalog import load_catalog
from beställning.catalog.errors import ListImportError
from beställning.catalog.importer import MAX_ROWS, parse_workbook
from beställning.catalog.imports import import_official_list, restore_previous_list
from beställning.catalog.store import ImportStore, StoreError
from beställning.catalog.xlsx_safety import OLE_SIGNATURE


def make_unfamiliar_list(path: Path) -> Path:
    """A list laid out the way real ones are: info sheet, title rows, merged cells, hidden column, notes."""
    wb = Workbook()
    info = wb.active
    info.title = "Information"
    info["A1"] = "Variabelförteckning MiDAS sjuk- och aktivitetsersättning"
    info["A3"] = "Listan beskriver tabellerna i leveransen. Kontakta statistikenheten vid frågor."
    for table, rows in (
        (
            "Ersättningsperioder",
            [
                ("PeriodFrom", "Periodens första dag", "Datum", ""),
                ("Omf", "Omfattning", "Num", "25, 50, 75, 100"),
            ],
        ),
        ("Beslut", [("BeslDat", "Beslutsdatum", "Datum", ""), ("Nybev", "Nybeviljad", "Char(1)", "J=ja")]),
    ):
        ws = wb.create_sheet(table)
        ws["A1"] = f"Tabell {table}"
        ws.merge_cells("A1:E1")
        ws["A2"] = "Uppdaterad 2025-01-01"
        ws.append([])
        ws.append(["  Variabelnamn ", "Internt id", "Förklaring", "Datatyp", "Värdemängd"])
        ws.column_dimensions["B"].hidden = True
        for index, (name, desc, kind, values) in enumerate(rows):
            ws.append([name, f"X{index}", desc, kind, values])
        ws.append([None, None, None, None, "(fortsättning på koderna)"])
        ws.append([])
        ws.append(["Anm. Variabler markerade med * levereras endast efter särskild prövning."])
    wb.save(path)
    return path


def make_english_single_sheet(path: Path) -> Path:
    """English headers, a table column with merged (carried-down) table names, notes below."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Variables"
    ws.append(["Temporary parental benefit – variable list"])
    ws.append([])
    ws.append(["Table", "Variable name", "Description", "Type", "Values", "Notes"])
    ws.append(["Payments", "PayDate", "Payment date", "date", "", ""])
    ws.append([None, "Amount", "Amount paid", "num", "", "SEK"])
    ws.merge_cells("A4:A5")
    ws.append(["Days", "NetDays", "Net days", "num", "", ""])
    ws.append([])
    ws.append(["Source: Försäkringskassan, statistics unit, 2025."])
    wb.save(path)
    return path


def test_unfamiliar_layout_is_read(tmp_path: Path) -> None:
    parsed = parse_workbook(make_unfamiliar_list(tmp_path / "lista.xlsx"))
    assert parsed.detected_benefit == "sa_ersattning"
    assert parsed.sheets_used == ("Ersättningsperioder", "Beslut")
    assert parsed.sheets_skipped == ("Information",)
    variables = parsed.variables("sa_ersattning")
    assert [(v.table, v.name) for v in variables] == [
        ("Ersättningsperioder", "PeriodFrom"),
        ("Ersättningsperioder", "Omf"),
        ("Beslut", "BeslDat"),
        ("Beslut", "Nybev"),
    ]
    omf = variables[1]
    assert omf.description == "Omfattning"
    assert omf.type == "Num"
    assert omf.value_set == "25, 50, 75, 100; (fortsättning på koderna)"  # continuation row merged
    assert not omf.concept
    assert "lista.xlsx" in omf.source


def test_english_headers_and_merged_table_column(tmp_path: Path) -> None:
    parsed = parse_workbook(make_english_single_sheet(tmp_path / "tfp_list.xlsx"))
    variables = parsed.variables("tillfallig_foraldrapenning")
    assert [(v.table, v.name) for v in variables] == [
        ("Payments", "PayDate"),
        ("Payments", "Amount"),
        ("Days", "NetDays"),
    ]
    assert variables[1].notes == "SEK"
    assert parsed.detected_benefit == "tillfallig_foraldrapenning"  # "tfp" in the file name


def test_hidden_column_does_not_win_over_visible(tmp_path: Path) -> None:
    wb = Workbook()
    ws = wb.active
    ws.append(["Namn", "Variabel", "Beskrivning"])
    ws.column_dimensions["A"].hidden = True
    ws.append(["intern1", "Var1", "Första"])
    wb.save(tmp_path / "bilstod.xlsx")
    parsed = parse_workbook(tmp_path / "bilstod.xlsx")
    assert [v.name for v in parsed.variables("bilstod")] == ["Var1"]


def test_import_replaces_bundled_and_restore_brings_it_back(tmp_path: Path) -> None:
    bundled_names = {v.name for v in load_catalog().variables("sa_ersattning")}
    outcome = import_official_list(make_unfamiliar_list(tmp_path / "lista.xlsx"))
    assert outcome.stored.benefit_id == "sa_ersattning"
    catalog = load_catalog()
    assert {v.name for v in catalog.variables("sa_ersattning")} == {"PeriodFrom", "Omf", "BeslDat", "Nybev"}
    info = catalog.list_info("sa_ersattning")
    assert info.display().startswith("Officiell lista, importerad 20")
    assert len(info.sha256) == 64
    assert {v.name for v in outcome.diff.removed} == bundled_names
    assert (ImportStore().root / "sa_ersattning" / f"{info.entry_id}.xlsx").exists()
    restored, _diff = restore_previous_list("sa_ersattning")
    assert restored is None
    assert {v.name for v in load_catalog().variables("sa_ersattning")} == bundled_names
    assert load_catalog().list_info("sa_ersattning").kind == "bundled"
    with pytest.raises(StoreError):
        restore_previous_list("sa_ersattning")


def test_second_import_diff_and_restore_previous_import(tmp_path: Path) -> None:
    first = make_unfamiliar_list(tmp_path / "v1.xlsx")
    import_official_list(first, "sa_ersattning")
    wb = Workbook()
    ws = wb.active
    ws.title = "Ersättningsperioder"
    ws.append(["Variabel", "Beskrivning", "Typ", "Värdemängd"])
    ws.append(["PeriodFrom", "Periodens första dag", "Datum", ""])
    ws.append(["Omf", "Omfattning", "Num", "25, 50, 75, 100 (ändrad)"])
    ws.append(["PeriodTom", "Periodens sista dag", "Datum", ""])
    wb.save(tmp_path / "v2.xlsx")
    outcome = import_official_list(tmp_path / "v2.xlsx", "sa_ersattning")
    assert [v.name for v in outcome.diff.added] == ["PeriodTom"]
    assert {v.name for v in outcome.diff.removed} == {"BeslDat", "Nybev"}
    assert [c.new.name for c in outcome.diff.changed] == ["Omf"]
    assert outcome.diff.changed[0].fields == ("värdemängd",)
    restored, _ = restore_previous_list("sa_ersattning")
    assert restored is not None and restored.info.file_name == "v1.xlsx"
    assert len(ImportStore().history("sa_ersattning")) == 2


def test_benefit_must_be_given_when_not_detectable(tmp_path: Path) -> None:
    wb = Workbook()
    wb.active.append(["Variabel", "Beskrivning"])
    wb.active.append(["X", "Något"])
    wb.save(tmp_path / "lista.xlsx")
    with pytest.raises(ListImportError, match="--benefit"):
        import_official_list(tmp_path / "lista.xlsx")
    outcome = import_official_list(tmp_path / "lista.xlsx", "bilstod")
    assert outcome.stored.benefit_id == "bilstod"
    with pytest.raises(ListImportError, match="Okänd förmån"):
        import_official_list(tmp_path / "lista.xlsx", "nope")


# -- bad files --------------------------------------------------------------------------------------
def _assert_refused(path: Path, pattern: str) -> None:
    before = load_catalog()
    with pytest.raises(ListImportError, match=pattern):
        import_official_list(path, "sjuk_rehab")
    after = load_catalog()
    assert after.variables("sjuk_rehab") == before.variables("sjuk_rehab")
    assert after.list_info("sjuk_rehab").kind == "bundled"


def test_not_xlsx(tmp_path: Path) -> None:
    path = tmp_path / "lista.xlsx"
    path.write_text("Variabel;Beskrivning\nA;B\n", encoding="utf-8")
    _assert_refused(path, "inte en Excel-arbetsbok")


def test_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "lista.xlsx"
    path.write_bytes(b"")
    _assert_refused(path, "tom")


def test_encrypted_workbook(tmp_path: Path) -> None:
    # What Excel writes for a password-protected workbook: a CFB file with EncryptionInfo/EncryptedPackage.
    content = bytearray(OLE_SIGNATURE + b"\x00" * 504)
    content += "EncryptionInfo".encode("utf-16-le") + b"\x00" * 100 + "EncryptedPackage".encode("utf-16-le")
    content += b"\x00" * 2048
    path = tmp_path / "lista.xlsx"
    path.write_bytes(bytes(content))
    _assert_refused(path, "lösenordsskyddad")


def test_old_xls(tmp_path: Path) -> None:
    path = tmp_path / "lista.xls"
    path.write_bytes(OLE_SIGNATURE + b"\x00" * 4000)
    _assert_refused(path, r"\.xls")


def test_word_document_is_not_a_workbook(tmp_path: Path) -> None:
    path = tmp_path / "lista.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
    _assert_refused(path, "ingen Excel-arbetsbok")


def test_zip_bomb_is_refused_before_parsing(tmp_path: Path) -> None:
    path = tmp_path / "bomb.xlsx"
    buffer = io.BytesIO()
    make_english_single_sheet(tmp_path / "base.xlsx")
    with (
        zipfile.ZipFile(tmp_path / "base.xlsx") as src,
        zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as dst,
    ):
        for item in src.infolist():
            dst.writestr(item, src.read(item))
        chunk = b"\x00" * (1024 * 1024)
        with dst.open("xl/media/padding.bin", "w", force_zip64=True) as handle:
            for _ in range(300):  # 300 MB of zeros compresses to about 300 kB
                handle.write(chunk)
    path.write_bytes(buffer.getvalue())
    assert path.stat().st_size < 2 * 1024 * 1024
    _assert_refused(path, "zip-bomb")


def test_no_header(tmp_path: Path) -> None:
    wb = Workbook()
    wb.active.append(["Hej", "detta är inte en lista"])
    wb.active.append([1, 2])
    wb.save(tmp_path / "lista.xlsx")
    _assert_refused(tmp_path / "lista.xlsx", "ingen variabellista hittades")


def test_100000_rows_refused_with_reason(tmp_path: Path) -> None:
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("Variabler")
    ws.append(["Variabel", "Beskrivning"])
    for index in range(100_000):
        ws.append([f"V{index}", "x"])
    wb.save(tmp_path / "stor.xlsx")
    assert MAX_ROWS < 100_000
    _assert_refused(tmp_path / "stor.xlsx", "fler än")


def test_two_row_header_and_one_row_per_code(tmp_path: Path) -> None:
    wb = Workbook()
    ws = wb.active
    ws.title = "Diagnoser"
    ws.append(["Variabel", None, "Innehåll", None])
    ws.merge_cells("A1:B1")
    ws.merge_cells("C1:D1")
    ws.append(["Namn", "Typ", "Kod", "Beskrivning"])
    ws.append(["DiagGrp", "Char(3)", "F", "Psykiska sjukdomar"])
    ws.append(["DiagGrp", "Char(3)", "M", "Sjukdomar i muskuloskeletala systemet"])
    ws.append([None, None, "Z", None])
    ws.append(["Datum", 8, None, "Diagnosdatum"])
    wb.save(tmp_path / "sjukpenning.xlsx")
    parsed = parse_workbook(tmp_path / "sjukpenning.xlsx")
    assert parsed.detected_benefit == "sjuk_rehab"
    variables = parsed.variables("sjuk_rehab")
    assert [(v.table, v.name, v.type) for v in variables] == [
        ("Diagnoser", "DiagGrp", "Char(3)"),
        ("Diagnoser", "Datum", "8"),
    ]
    assert variables[0].value_set == "F; M; Z"
    assert variables[0].description == "Psykiska sjukdomar; Sjukdomar i muskuloskeletala systemet"
