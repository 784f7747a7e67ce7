"""`bestallning check` and `render`: exit codes, JSON, one-line errors without tracebacks."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from beställning.cli import main
from tests.conftest import EXAMPLES


def test_check_sendable_example(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(EXAMPLES / "forskning.json")]) == 0
    assert "kan skickas" in capsys.readouterr().out


def test_check_json_lists_problems(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = json.loads((EXAMPLES / "forskning.json").read_text(encoding="utf-8"))
    data["fields"]["bestallare.epost"] = "inte-en-adress"
    path = tmp_path / "o.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    assert main(["check", str(path), "--json"]) == 1
    result = json.loads(capsys.readouterr().out)
    assert result["sendable"] is False
    assert {"field": "bestallare.epost", "section": "bestallare", "severity": "blocking"}.items() <= next(
        p for p in result["problems"] if p["field"] == "bestallare.epost"
    ).items()


def test_check_unreadable_file_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "bad.json"
    path.write_text("{", encoding="utf-8")
    assert main(["check", str(path)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "skadad" in err and "Traceback" not in err


def test_render_writes_docx(tmp_path: Path) -> None:
    out = tmp_path / "f.docx"
    assert main(["render", str(EXAMPLES / "statistik.json"), "-o", str(out), "--as-of", "2026-11-23"]) == 0
    assert out.read_bytes()[:2] == b"PK"


def test_render_bad_options(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["render", str(EXAMPLES / "statistik.json"), "-o", str(tmp_path / "f.txt")]) == 2
    assert (
        main(["render", str(EXAMPLES / "statistik.json"), "-o", str(tmp_path / "f.docx"), "--as-of", "igår"])
        == 2
    )
    err = capsys.readouterr().err
    assert ".docx" in err and "ÅÅÅÅ-MM-DD" in err


def test_installed_command_has_no_traceback(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "ui.main", "check", str(tmp_path / "missing.json")],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 2
    assert "finns inte" in result.stderr and "Traceback" not in result.stderr


def test_closed_pipe_is_not_an_error() -> None:
    """`bestallning … | head` closes the pipe early: that must not be reported as an error."""
    read_end, write_end = os.pipe()
    os.close(read_end)  # the reader is gone before anything is written: every write fails with EPIPE
    try:
        writer = subprocess.run(
            [sys.executable, "-m", "ui.main", "catalog", "list"],
            stdout=write_end, stderr=subprocess.PIPE, text=True, timeout=60,
        )
    finally:
        os.close(write_end)
    assert writer.returncode == 0, writer.stderr
    assert "oväntat fel" not in writer.stderr and "Traceback" not in writer.stderr
