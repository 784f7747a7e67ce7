"""Edges of the gate found by trying to get around it: replaced files, copies, paths, sizes, dates."""

from __future__ import annotations

import io
import json
import sys
import time
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

from beställning.cli import main as cli_main
from beställning.drafts import DraftStore
from beställning.order import Attachment, Order
from beställning.register import Register, StepOrderError
from beställning.send import gate
from beställning.send.gate import GateOptions, dry_run, fingerprint
from tests.test_send_gate import OPTIONS, send_args
from tests.test_send_package import PNR, research_order
from tests.test_smtp_server import PASSWORD, Cert, server_factory  # noqa: F401  (fixture)
from tests.test_smtp_server import cert as cert

ROOT = Path(__file__).resolve().parent.parent


def test_a_file_replaced_after_the_check_makes_the_verdict_stale(tmp_path: Path) -> None:
    order = research_order(tmp_path / "in")
    before = fingerprint(order)
    target = order.attachment_path(order.attachments[-1])
    time.sleep(0.01)
    target.write_text(f"lopnr;pnr\n1;{PNR}\n", encoding="utf-8")
    assert fingerprint(order) != before
    assert not dry_run(order, OPTIONS).sendable


def test_a_copy_of_a_sent_order_file_cannot_be_sent_over_it(
    tmp_path: Path,
    cert: Cert,
    server_factory: Any,  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    server = server_factory("starttls", auth=True)
    original = tmp_path / "order.json"
    research_order(tmp_path / "bilagor").save(original)
    monkeypatch.setattr(sys, "stdin", io.StringIO(PASSWORD + "\n"))
    assert cli_main(send_args(server, original, cert)) == 0
    copy = tmp_path / "kopia.json"
    data = json.loads(original.read_text(encoding="utf-8"))
    data["fields"]["projekt.titel"] = "Ett helt annat projekt"
    data["sent"] = []
    copy.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    monkeypatch.setattr(sys, "stdin", io.StringIO(PASSWORD + "\n"))
    assert cli_main(send_args(server, copy, cert)) == 1
    assert "redan skickad" in capsys.readouterr().err
    assert len(server.received) == 1
    with Register() as register:
        assert register.load_order(data["id"]).title() != "Ett helt annat projekt"


def test_relative_paths_the_user_wrote_stay_as_written(tmp_path: Path) -> None:
    shared = tmp_path / "delade"
    order = research_order(shared)
    folder = tmp_path / "projekt"
    folder.mkdir()
    for attachment in order.attachments:
        attachment.path = "../delade/" + Path(attachment.path).name
    path = folder / "order.json"
    order.base_dir = folder
    order.save(path)
    assert cli_main(["package", str(path), "-o", str(tmp_path / "ut.eml")]) == 0
    stored = [a["path"] for a in json.loads(path.read_text(encoding="utf-8"))["attachments"]]
    assert all(p.startswith("../delade/") for p in stored)


def test_windows_backslashes_are_separators(tmp_path: Path) -> None:
    order = research_order(tmp_path / "bilagor")
    order.base_dir = tmp_path
    attachment = order.attachments[0]
    attachment.path = "bilagor\\" + Path(attachment.path).name
    assert order.attachment_path(attachment).is_file()


def test_package_refuses_a_draft_in_a_folder_that_does_not_exist(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "order.json"
    research_order(tmp_path / "bilagor").save(path)
    assert cli_main(["package", str(path), "-o", str(tmp_path / "finns" / "inte" / "ut.eml")]) == 2
    assert not (tmp_path / "finns").exists()
    assert "mappen finns inte" in capsys.readouterr().err


def test_too_large_is_said_without_reading_the_files_into_a_message(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def never(*_args: Any, **_kwargs: Any) -> None:
        raise AssertionError("the message must not be built for a package over the limit")

    monkeypatch.setattr(gate, "build_message", never)
    order = research_order(tmp_path / "in")
    big = tmp_path / "in" / "stor.bin"
    with open(big, "wb") as handle:
        handle.truncate(3_000_000)
    order.attachments.append(Attachment("ovrigt", str(big)))
    verdict = dry_run(order, GateOptions(limit_mb=1.0, render_form=OPTIONS.render_form,
                                         export_variables=OPTIONS.export_variables))
    assert not verdict.sendable and verdict.guard is not None and verdict.guard.size is not None
    assert not verdict.guard.size.ok


@pytest.mark.parametrize("kind", ["dir", "dangling"])
def test_an_attachment_that_is_not_a_file_says_what_it_is(kind: str, tmp_path: Path) -> None:
    order = research_order(tmp_path / "in")
    odd = tmp_path / "konstig"
    if kind == "dir":
        odd.mkdir()
    else:
        odd.symlink_to(tmp_path / "borta")
    order.attachments.append(Attachment("ovrigt", str(odd)))
    text = "\n".join(dry_run(order, OPTIONS).reasons())
    assert ("är en mapp" if kind == "dir" else "ingen vanlig fil") in text


def test_a_shared_order_pointing_outside_its_folder_is_warned_about(tmp_path: Path) -> None:
    order = research_order(tmp_path / "projekt" / "bilagor")
    secret = tmp_path / "hemlig.txt"
    secret.write_text("inte till FK", encoding="utf-8")
    order.attachments.append(Attachment("ovrigt", "../hemlig.txt"))
    order.base_dir = tmp_path / "projekt"
    warnings = [p.message for p in dry_run(order, OPTIONS).warnings]
    assert any("utanför beställningens mapp" in w for w in warnings)


def test_steps_cannot_lie_in_the_future_or_after_what_follows_them() -> None:
    order = Order()
    with Register() as register:
        register.save(order)
        with pytest.raises(StepOrderError, match="framtiden"):
            register.record_event(order.id, "sent", date.today() + timedelta(days=3))
        register.record_event(order.id, "sent", date(2026, 5, 4))
        register.record_event(order.id, "confirmation", date(2026, 5, 5))
        with pytest.raises(StepOrderError, match="kan inte ligga efter"):
            register.record_event(order.id, "sent", date(2026, 5, 10))


def test_sent_can_be_recorded_for_a_draft_that_is_not_in_the_register(
    capsys: pytest.CaptureFixture[str],
) -> None:
    order = Order()
    order.fields["projekt.titel"] = "Skickad från e-postprogrammet"
    DraftStore().save(order)
    assert cli_main(["orders", "record", order.id, "sent", "--date", "2026-11-30"]) == 0
    with Register() as register:
        assert [e.step for e in register.events(order.id)] == ["sent"]


def test_examples_are_untouched_by_the_suite() -> None:
    """The examples keep their relative paths (a command that records writes the order file)."""
    for name in ("forskning.json", "statistik.json"):
        data = json.loads((ROOT / "examples" / name).read_text(encoding="utf-8"))
        assert all(not Path(a["path"]).is_absolute() for a in data["attachments"])
