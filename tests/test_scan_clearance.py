"""False alarms the user clears: identity, clearances applied to a report, JSON, the CLI and the dialog."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from beställning.cli import main as cli_main
from beställning.send.scan import (
    Clearance,
    ClearanceError,
    apply_clearances,
    clear,
    clearances_from_json,
    clearances_to_json,
    scan_path,
)
from tests.pnr_numbers import dashed, make_numbers, masked

P1, P2 = make_numbers(2, seed=41)


def two_findings(tmp_path: Path) -> Path:
    path = tmp_path / "logg.txt"
    path.write_text(f"mätvärde {P1}\nperson {dashed(P2)}\n", encoding="utf-8")
    return path


def test_identity_is_stable_and_depends_on_the_file(tmp_path: Path) -> None:
    path = two_findings(tmp_path)
    first, second = scan_path(path).findings, scan_path(path).findings
    assert [f.identity for f in first] == [f.identity for f in second]
    assert len({f.identity for f in first}) == 2
    path.write_text(path.read_text(encoding="utf-8") + "mer\n", encoding="utf-8")
    assert {f.identity for f in scan_path(path).findings}.isdisjoint({f.identity for f in first})


def test_a_cleared_finding_no_longer_blocks_but_is_reported(tmp_path: Path) -> None:
    path = two_findings(tmp_path)
    report = scan_path(path)
    clearance = clear(report.findings[0], "ett mätvärde, inte ett nummer", date(2026, 12, 1))
    applied = apply_clearances(report, [clearance])
    assert [f.masked for f in applied.findings] == [masked(P2)]
    assert [(f.masked, f.cleared) for f in applied.cleared] == [(masked(P1), True)]
    assert not applied.clean
    everything = apply_clearances(report, [clearance, clear(report.findings[1], "testdata")])
    assert everything.clean
    assert len(everything.cleared) == 2


def test_a_clearance_for_a_changed_file_does_not_apply(tmp_path: Path) -> None:
    path = two_findings(tmp_path)
    clearances = [clear(f, "falsklarm") for f in scan_path(path).findings]
    path.write_text(f"mätvärde {P1}\nperson {dashed(P2)}\nny rad\n", encoding="utf-8")
    again = apply_clearances(scan_path(path), clearances)
    assert len(again.findings) == 2 and not again.cleared


def test_forged_sha_does_not_apply(tmp_path: Path) -> None:
    finding = scan_path(two_findings(tmp_path)).findings[0]
    forged = Clearance(finding.identity, "0" * 64, "x", date.today())
    assert apply_clearances(scan_path(two_findings(tmp_path)), [forged]).findings[0] == finding


def test_reason_is_required(tmp_path: Path) -> None:
    finding = scan_path(two_findings(tmp_path)).findings[0]
    with pytest.raises(ClearanceError, match="varför"):
        clear(finding, "   ")


def test_json_round_trip_and_errors(tmp_path: Path) -> None:
    clearances = [clear(f, "tidsstämpel", date(2026, 12, 1)) for f in scan_path(two_findings(tmp_path)).findings]
    data = json.loads(json.dumps(clearances_to_json(clearances)))
    assert clearances_from_json(data) == clearances
    assert data[0]["cleared_on"] == "2026-12-01"
    assert P1 not in json.dumps(data)
    for bad, word in (
        ({}, "lista"),
        ([1], "objekt"),
        ([{"finding": "x"}], "saknar"),
        ([{**data[0], "cleared_on": "igår"}], "datum"),
    ):
        with pytest.raises(ClearanceError, match=word):
            clearances_from_json(bad)


def test_cli_scan_with_clearances(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = two_findings(tmp_path)
    clearances = tmp_path / "avskrivna.json"
    clearances.write_text(json.dumps(clearances_to_json([clear(f, "falsklarm") for f in scan_path(path).findings])))
    assert cli_main(["scan", str(path)]) == 1
    capsys.readouterr()
    assert cli_main(["scan", str(path), "--clearances", str(clearances)]) == 0
    assert "Avskrivet" in capsys.readouterr().out
    clearances.write_text("inte json")
    assert cli_main(["scan", str(path), "--clearances", str(clearances)]) == 2
    assert "JSON" in capsys.readouterr().err


def test_cli_lists_the_formats(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli_main(["scan", "--formats"]) == 0
    out = capsys.readouterr().out
    for word in ("Word", "Excel", "OpenDocument", "RTF", "E-post", "Tar", ".gz", "okända binära filer"):
        assert word in out


def test_package_gate_honours_clearances_until_the_file_changes(tmp_path: Path) -> None:
    from beställning.order import Attachment
    from beställning.send.guard import check_package
    from tests.test_send_package import build, research_order

    order = research_order(tmp_path / "in")
    log = tmp_path / "in" / "export_logg.csv"
    log.write_text(f"mätning;{P1}\n", encoding="utf-8")
    order.attachments.append(Attachment("ovrigt", str(log), "Mätlogg"))
    blocked = check_package(build(order, tmp_path))
    assert blocked.blocked and len(blocked.scan.findings) == 1
    clearances = [clear(blocked.scan.findings[0], "ett mätvärde")]
    passed = check_package(build(order, tmp_path), clearances=clearances)
    assert not passed.blocked
    assert any("Avskrivna fynd" in line for line in passed.messages())
    log.write_text(f"mätning;{P1}\nny;rad\n", encoding="utf-8")
    assert check_package(build(order, tmp_path), clearances=clearances).blocked


def test_cli_a_picture_stops_until_marked_as_looked_at(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "schema.png"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 64)
    assert cli_main(["scan", str(path)]) == 1
    out = capsys.readouterr().out
    assert "att titta på själv" in out and "personnummer hittades" not in out
    looked = [clear(f, "tittat: ett organisationsschema") for f in scan_path(path).findings]
    clearances = tmp_path / "granskade.json"
    clearances.write_text(json.dumps(clearances_to_json(looked)))
    assert cli_main(["scan", str(path), "--clearances", str(clearances)]) == 0
    path.write_bytes(path.read_bytes() + b"\x00")  # another picture: look again
    assert cli_main(["scan", str(path), "--clearances", str(clearances)]) == 1
