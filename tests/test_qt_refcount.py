"""PySide6 must not be a version that crashes our Python (pyproject pins it by Python version).

PySide6 6.12.0 on CPython 3.11 drops one reference to None on calls like QLabel.setText; after about
5,000 calls the interpreter aborts with "Fatal Python error: none_dealloc" (exit 134). In a fresh
process, 20,000 such calls must end normally. (On 3.12+ None is immortal and this cannot happen.)
"""

from __future__ import annotations

import os
import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

CALLS = """
import sys
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QApplication, QComboBox, QLabel
app = QApplication([])
label, combo, model = QLabel(), QComboBox(), QStandardItemModel()
before = sys.getrefcount(None)
for i in range(20_000):
    label.setText(str(i))
for i in range(5_000):
    combo.addItem(str(i))
    model.appendRow(QStandardItem(str(i)))
lost = before - sys.getrefcount(None)
print("lost references to None:", lost)
"""


def test_twenty_thousand_qt_calls_do_not_crash_python() -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([sys.executable, "-c", CALLS], env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, f"exit {done.returncode}: {done.stderr[-500:]}"
    assert "none_dealloc" not in done.stderr
    if sys.version_info < (3, 12):  # None's count is real there: no call may have dropped one
        lost = int(done.stdout.rsplit(":", 1)[1])
        assert lost < 1000, f"{lost} references to None lost: this PySide6 leaks them (see pyproject)"


def test_pyproject_keeps_pyside6_below_6_12_on_python_3_11() -> None:
    deps = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["dependencies"]
    pyside = [d for d in deps if d.startswith("PySide6")]
    assert any("<6.12" in d and "python_version < '3.12'" in d for d in pyside), pyside
    assert all(d.split(";")[0].count("<") == 1 for d in pyside), "every PySide6 range needs an upper bound"
