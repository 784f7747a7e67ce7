"""CLI options out of range give one clear line (exit 2), never a traceback or 'oväntat fel'."""

from __future__ import annotations

from pathlib import Path

import pytest

from beställning.cli import main
from tests.conftest import EXAMPLES


@pytest.mark.parametrize(
    ("argv", "fragment"),
    [
        (["dates", "--sent", "9999-12-31"], "utanför åren"),
        (["dates", "--sent", "2026-02-30"], "ÅÅÅÅ-MM-DD"),
        (["coverage", "sjuk_rehab", "--from", "9999-01", "--to", "9999-12"], "--from"),
        (["coverage", "sjuk_rehab", "--from", "2020-01", "--to", "2024-13"], "--to"),
        (["estimate", str(EXAMPLES / "forskning.json"), "--as-of", "0001-01-01"], "utanför åren"),
    ],
)
def test_out_of_range_options(argv: list[str], fragment: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert fragment in err and "oväntat fel" not in err and err.count("\n") == 1


def test_render_refuses_to_overwrite_the_template(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    template = tmp_path / "FK.docx"
    template.write_bytes(b"PK-original")
    assert main(["render", str(EXAMPLES / "forskning.json"), "-o", str(template), "--template", str(template)]) == 2
    assert template.read_bytes() == b"PK-original"
    assert "samma fil som mallen" in capsys.readouterr().err
