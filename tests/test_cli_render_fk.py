"""`bestallning render --template`: FK's form filled from the command line, the route checked first."""

from __future__ import annotations

from pathlib import Path

import pytest

from beställning.cli import main
from beställning.cli.render import EXIT_WRONG_FORM
from tests import fk_templates as t
from tests.conftest import EXAMPLES


def test_a_form_for_the_other_route_is_refused_unless_forced(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    template = t.build_agency_below(tmp_path / "statistik.docx", route="statistik")
    out = tmp_path / "ifylld.docx"
    args = ["render", str(EXAMPLES / "forskning.json"), "-o", str(out), "--template", str(template)]
    assert main(args) == EXIT_WRONG_FORM == 4
    captured = capsys.readouterr()
    assert "för statistikändamål" in captured.err and "--force" in captured.err and "Ingenting skrevs" in captured.err
    assert captured.out == "" and not out.exists()
    assert main([*args, "--force"]) == 0
    captured = capsys.readouterr()
    assert "varning" in captured.err and out.exists()
    assert "I bilagan:" in captured.out and "inget fält" in captured.out


def test_the_right_form_is_written_with_the_report(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    template = t.build_agency_cells(tmp_path / "forskning.docx", route="forskning")
    out = tmp_path / "ifylld.docx"
    assert main(["render", str(EXAMPLES / "forskning.json"), "-o", str(out), "--template", str(template)]) == 0
    captured = capsys.readouterr()
    assert captured.err == "" and out.exists()
    assert "uppgifter fick plats" in captured.out
