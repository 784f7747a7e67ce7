"""The chart PNG draws with the bundled DejaVu Sans, whatever fonts the OS has (resources/fonts/)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PIL import ImageFont

from beställning import chart_png


@pytest.fixture(autouse=True)
def no_font_cache() -> Iterator[None]:
    """Each test loads the fonts itself, and leaves no fallback font cached for the tests after it."""
    chart_png._font.cache_clear()
    chart_png._font_bytes.cache_clear()
    yield
    chart_png._font.cache_clear()
    chart_png._font_bytes.cache_clear()


@pytest.mark.parametrize(("bold", "style"), [(False, "Book"), (True, "Bold")])
def test_the_bundled_font_is_used(bold: bool, style: str) -> None:
    font = chart_png._font(14, bold)
    assert isinstance(font, ImageFont.FreeTypeFont)
    assert font.getname() == ("DejaVu Sans", style)


def test_an_unreadable_font_falls_back_to_pillows_own(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(chart_png.FONT_FILES, False, "saknas.ttf")
    monkeypatch.setitem(chart_png.FONT_FILES, True, "saknas-bold.ttf")
    font = chart_png._font(14, True)
    assert font.getname()[0] != "DejaVu Sans" or not isinstance(font, ImageFont.FreeTypeFont)
    assert font.getlength("Föräldrapenning") > 0
