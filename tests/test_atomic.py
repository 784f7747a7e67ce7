"""Atomic writes give files the user's normal permissions (umask), not mkstemp's private 0600."""

from __future__ import annotations

import os
import stat
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from beställning import atomic
from beställning.atomic import atomic_path, write_bytes_atomic, write_text_atomic

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX permission bits")
ROOT = Path(__file__).resolve().parent.parent


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture(params=[0o022, 0o027, 0o077])
def umask(request: pytest.FixtureRequest) -> Iterator[int]:
    previous = os.umask(request.param)
    atomic._current_umask.cache_clear()
    yield request.param
    os.umask(previous)
    atomic._current_umask.cache_clear()


def test_a_new_file_gets_the_umask_mode(tmp_path: Path, umask: int) -> None:
    target = tmp_path / "ut.txt"
    write_text_atomic(target, "hej")
    assert mode(target) == 0o666 & ~umask
    assert target.read_text(encoding="utf-8") == "hej"


def test_a_replaced_file_keeps_its_mode(tmp_path: Path, umask: int) -> None:
    target = tmp_path / "privat.json"
    target.write_text("{}")
    target.chmod(0o600)
    write_bytes_atomic(target, b"[]")
    assert mode(target) == 0o600
    target.chmod(0o644)
    write_bytes_atomic(target, b"[1]")
    assert mode(target) == 0o644


def test_a_failed_write_leaves_the_old_file_and_no_temporary(tmp_path: Path) -> None:
    target = tmp_path / "blankett.docx"
    target.write_bytes(b"old")
    with pytest.raises(RuntimeError), atomic_path(target) as tmp:
        tmp.write_bytes(b"half")
        raise RuntimeError("writer failed")
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["blankett.docx"]


def test_exported_docx_and_eml_are_readable_like_any_saved_file(tmp_path: Path) -> None:
    """The bug this fixes: the .docx and the .eml draft were written 0600."""
    from email.message import EmailMessage

    from beställning.document.render import render_order
    from beställning.order import load_order
    from beställning.send.handoff import write_eml

    previous = os.umask(0o022)
    atomic._current_umask.cache_clear()
    try:
        order = load_order(ROOT / "examples" / "forskning.json")
        render_order(order, tmp_path / "blankett.docx")
        msg = EmailMessage()
        msg["Subject"] = "Beställning av individdata"
        msg.set_content("Hej")
        write_eml(msg, tmp_path / "utkast.eml")
    finally:
        os.umask(previous)
        atomic._current_umask.cache_clear()
    assert mode(tmp_path / "blankett.docx") == 0o644
    assert mode(tmp_path / "utkast.eml") == 0o644
