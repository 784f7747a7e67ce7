"""`bestallning orders record|export|import`: FK's process from the command line, in FK's order."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from beställning.cli import main as cli_main
from beställning.order import Order
from beställning.register import Register


@pytest.fixture
def order_id() -> str:
    order = Order()
    order.fields["projekt.titel"] = "Registrerad från kommandoraden"
    with Register() as register:
        register.save(order)
    return order.id


def test_record_refuses_a_step_out_of_order_and_names_the_missing_one(
    order_id: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli_main(["orders", "record", order_id, "key_file", "--date", "2026-05-04"]) == 1
    err = capsys.readouterr().err
    assert "”Beslut om utlämnande och offert”" in err and "Traceback" not in err
    with Register() as register:
        assert register.events(order_id) == []


def test_record_steps_in_order(order_id: str, capsys: pytest.CaptureFixture[str]) -> None:
    for step, day in (("sent", "2026-05-04"), ("confirmation", "2026-05-05"), ("draft_quote", "2026-05-20")):
        assert cli_main(["orders", "record", order_id, step, "--date", day, "--note", "ok"]) == 0
    with Register() as register:
        assert [(e.step, e.date.isoformat()) for e in register.events(order_id)] == [
            ("sent", "2026-05-04"),
            ("confirmation", "2026-05-05"),
            ("draft_quote", "2026-05-20"),
        ]
    capsys.readouterr()
    assert cli_main(["orders", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["orders"][0]["id"] == order_id


@pytest.mark.parametrize("args", [["nope", "sent"], ["{id}", "party"], ["{id}", "sent", "--date", "2026-02-30"]])
def test_record_bad_input_is_one_line(args: list[str], order_id: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli_main(["orders", "record", *[a.format(id=order_id) for a in args]]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Traceback" not in err


def test_export_and_import(order_id: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    zip_path = tmp_path / "överlämning.zip"
    assert cli_main(["orders", "export", order_id, "-o", str(zip_path)]) == 0
    assert zip_path.is_file()
    assert cli_main(["orders", "import", str(zip_path)]) == 2  # already there: refused, nothing changed
    assert "finns redan" in capsys.readouterr().err
    with Register() as register:
        register.delete(order_id)
        register.purge_deleted()
    assert cli_main(["orders", "import", str(zip_path)]) == 0
    with Register() as register:
        assert register.contains(order_id)
