"""`bestallning catalog list|search|show|import|restore`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from openpyxl import Workbook

from beställning.cli import main
from tests.test_catalog_import import make_unfamiliar_list


def _json(capsys: pytest.CaptureFixture[str], argv: list[str]) -> object:
    assert main(argv) == 0
    return json.loads(capsys.readouterr().out)


def test_list_json(capsys: pytest.CaptureFixture[str]) -> None:
    rows = _json(capsys, ["catalog", "list", "--json"])
    assert isinstance(rows, list) and len(rows) == 23
    first = rows[0]
    assert first["id"] == "sjuk_rehab" and first["name"] == "Sjuk- och rehabiliteringspenning"
    assert first["register"] == "MiDAS" and first["has_list"] is True and first["variable_count"] > 5
    assert {"area", "provenance"} <= set(first)
    barnbidrag = next(r for r in rows if r["id"] == "barnbidrag")
    assert barnbidrag["has_list"] is False and barnbidrag["variable_count"] == 4


def test_show_json(capsys: pytest.CaptureFixture[str]) -> None:
    data = _json(capsys, ["catalog", "show", "sa_ersattning", "--json"])
    assert isinstance(data, dict)
    assert data["variable_count"] == len(data["variables"])
    assert data["lag"]["months"] == 9 and data["lag"]["estimate"] is False
    assert all(v["source"] and v["concept"] for v in data["variables"])


def test_show_unknown(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["catalog", "show", "nope"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "okänd förmån" in err


def test_search(capsys: pytest.CaptureFixture[str]) -> None:
    data = _json(capsys, ["catalog", "search", "forald", "--json"])
    assert isinstance(data, dict) and "foraldrapenning" in data["benefits"]
    assert main(["catalog", "search", "föräldrapenning"]) == 0
    assert "foraldrapenning" in capsys.readouterr().out


def test_import_and_restore(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = make_unfamiliar_list(tmp_path / "lista.xlsx")
    data = _json(capsys, ["catalog", "import", str(path), "--json"])
    assert isinstance(data, dict)
    assert data["benefit"] == "sa_ersattning" and data["variable_count"] == 4
    assert data["sheets_skipped"] == ["Information"]
    shown = _json(capsys, ["catalog", "show", "sa_ersattning", "--json"])
    assert isinstance(shown, dict) and shown["provenance"].startswith("Officiell lista, importerad")
    assert main(["catalog", "restore", "sa_ersattning"]) == 0
    assert "Sammanställd" in capsys.readouterr().out
    assert main(["catalog", "restore", "sa_ersattning"]) == 1


@pytest.mark.parametrize("content", [b"", b"not a workbook", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600])
def test_import_bad_file_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes) -> None:
    path = tmp_path / "bad.xlsx"
    path.write_bytes(content)
    assert main(["catalog", "import", str(path), "--benefit", "bilstod"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("bestallning: bad.xlsx:") and err.count("\n") == 1


def test_import_needs_benefit_when_unclear(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    wb = Workbook()
    wb.active.append(["Variabel", "Typ"])
    wb.active.append(["A", "num"])
    wb.save(tmp_path / "x.xlsx")
    assert main(["catalog", "import", str(tmp_path / "x.xlsx")]) == 2
    assert "--benefit" in capsys.readouterr().err
    assert main(["catalog", "import", str(tmp_path / "x.xlsx"), "--benefit", "bilstod"]) == 0
