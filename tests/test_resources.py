"""Shipped resources read the same way from a checkout, a zip and a wheel (resources/__init__.py).

The bundle is covered by packaging/smoke. In a zip, `files(...)` is a zipfile.Path: joins must go one
step at a time and a real file exists only through `as_file`.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from resources import as_file, resource

ROOT = Path(__file__).resolve().parent.parent

# Every file the app reads (catalog, form, cost model, translations, help, font, icon).
USED = [
    ("form", "form.json"),
    ("catalog", "benefits.json"),
    ("catalog", "variables.json"),
    ("cost", "cost_model.json"),
    ("i18n", "bestallning_en.qm"),
    ("help", "help_sv.html"),
    ("help", "help_en.html"),
    ("fonts", "DejaVuSans.ttf"),
    ("fonts", "DejaVuSans-Bold.ttf"),
    ("icons", "bestallning.png"),
]

# Run in a fresh interpreter with only `location` (a zip or a wheel) on the path: read every used file,
# and get a real path for the translation, which Qt needs as a file.
READER = """
import json, sys
from pathlib import Path
import resources
from resources import as_file, resource
used = json.loads(sys.argv[1])
sizes = {"/".join(p): len(resource(*p).read_bytes()) for p in used}
json.loads(resource("form", "form.json").read_text(encoding="utf-8"))
with as_file("i18n", "bestallning_en.qm") as path:
    real = Path(path).is_file()
print(json.dumps({"from": resources.__file__, "sizes": sizes, "real_file": real}))
"""


def read_from(location: Path) -> dict[str, object]:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    env["PYTHONPATH"] = str(location)
    done = subprocess.run(
        [sys.executable, "-c", READER, json.dumps(USED)],
        env=env,
        cwd=location.parent,  # not the checkout: `resources` must come from `location`
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    result: dict[str, object] = json.loads(done.stdout)
    return result


def expected_sizes() -> dict[str, int]:
    return {"/".join(p): (ROOT / "resources" / Path(*p)).stat().st_size for p in USED}


def test_every_used_resource_reads_from_the_checkout() -> None:
    for parts in USED:
        assert resource(*parts).is_file(), parts
    assert json.loads(resource("form", "form.json").read_text(encoding="utf-8"))["sections"]
    with as_file("fonts", "DejaVuSans.ttf") as path:
        assert path.is_file()


def test_a_missing_resource_says_so() -> None:
    assert not resource("catalog", "no-such-file.json").is_file()
    with pytest.raises(OSError):
        resource("catalog", "no-such-file.json").read_text(encoding="utf-8")


def test_resources_read_from_a_zip(tmp_path: Path) -> None:
    archive = tmp_path / "app.zip"
    with zipfile.ZipFile(archive, "w") as zipped:
        for file in (ROOT / "resources").rglob("*"):
            if file.is_file() and "__pycache__" not in file.parts:
                zipped.write(file, file.relative_to(ROOT).as_posix())
    result = read_from(archive)
    assert str(result["from"]).startswith(str(archive))
    assert result["sizes"] == expected_sizes()
    assert result["real_file"] is True


def test_resources_ship_in_the_wheel_and_read_from_it(tmp_path: Path) -> None:
    """The wheel's package data include every used file (pyproject's package-data patterns)."""
    source = tmp_path / "source"  # a copy, so that the build leaves nothing (build/, egg-info) in the checkout
    for name in ("beställning", "ui", "resources"):
        shutil.copytree(ROOT / name, source / name, ignore=shutil.ignore_patterns("__pycache__"))
    for name in ("pyproject.toml", "README.md", "LICENSE"):
        shutil.copy2(ROOT / name, source / name)
    built = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", str(tmp_path), str(source)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert built.returncode == 0, built.stderr[-2000:]
    (wheel,) = tmp_path.glob("bestallningsassistenten-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "resources/__init__.py" in names  # a regular package, never a namespace package
    assert any(name.endswith("licenses/LICENSE") for name in names)
    result = read_from(wheel)
    assert str(result["from"]).startswith(str(wheel))
    assert result["sizes"] == expected_sizes()
