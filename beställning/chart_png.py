"""Draw the coverage timeline layout to PNG bytes with Pillow, for the rendered .docx.

Domain code, no Qt: the same `coverage_chart` layout the widget paints, drawn offscreen.
"""

from __future__ import annotations

import io
from datetime import date
from functools import lru_cache

from PIL import Image, ImageDraw, ImageFont

from beställning.coverage import CoverageError, order_coverage, planned_extraction
from beställning.coverage_chart import ChartLayout, Line, Rect, Text, layout_chart
from beställning.order import Order

FontType = ImageFont.FreeTypeFont | ImageFont.ImageFont

FONT_FILES = {False: "DejaVuSans.ttf", True: "DejaVuSans-Bold.ttf"}  # resources/fonts/, with its licence


@lru_cache(maxsize=2)
def _font_bytes(bold: bool) -> bytes | None:
    """The bundled DejaVu Sans (Swedish letters, the same on every OS), or None if it cannot be read."""
    from resources import resource

    try:
        return resource("fonts", FONT_FILES[bold]).read_bytes()
    except OSError:
        return None


@lru_cache(maxsize=32)
def _font(size: int, bold: bool) -> FontType:
    data = _font_bytes(bold) or _font_bytes(False)
    if data:
        try:
            return ImageFont.truetype(io.BytesIO(data), size)
        except OSError:
            pass
    return ImageFont.load_default(size=size)


def measure_text(text: str, size: float, bold: bool) -> float:
    """The width of `text` in pixels in the font this renderer draws with (for the layout's wrapping)."""
    font = _font(max(6, round(size)), bold)
    return float(font.getlength(text))


def _elide(draw: ImageDraw.ImageDraw, text: str, font: FontType, max_width: float | None) -> str:
    if max_width is None or draw.textlength(text, font=font) <= max_width:
        return text
    while text and draw.textlength(text + "…", font=font) > max_width:
        text = text[:-1]
    return text.rstrip() + "…"


def _dashed(draw: ImageDraw.ImageDraw, item: Line) -> None:
    length = ((item.x2 - item.x1) ** 2 + (item.y2 - item.y1) ** 2) ** 0.5
    if length == 0:
        return
    dash = 4 * item.width
    dx, dy = (item.x2 - item.x1) / length, (item.y2 - item.y1) / length
    pos = 0.0
    while pos < length:
        end = min(pos + dash, length)
        draw.line(
            [(item.x1 + dx * pos, item.y1 + dy * pos), (item.x1 + dx * end, item.y1 + dy * end)],
            fill=item.color,
            width=max(1, round(item.width)),
        )
        pos += 2 * dash


def draw_layout(layout: ChartLayout) -> Image.Image:
    """Paint every primitive of `layout` on a white RGB image of its size."""
    image = Image.new("RGB", (round(layout.width), round(layout.height)), "white")
    draw = ImageDraw.Draw(image)
    for item in layout.primitives:
        if isinstance(item, Rect):
            if item.w <= 0 or item.h <= 0:
                continue
            box = (item.x, item.y, item.x + item.w - 1, item.y + item.h - 1)
            width = max(1, round(item.outline_width)) if item.outline else 0
            draw.rectangle(box, fill=item.fill, outline=item.outline, width=width)
        elif isinstance(item, Line):
            if item.dashed:
                _dashed(draw, item)
            else:
                draw.line(
                    [(item.x1, item.y1), (item.x2, item.y2)], fill=item.color, width=max(1, round(item.width))
                )
        elif isinstance(item, Text):
            font = _font(max(6, round(item.size)), item.bold)
            text = _elide(draw, item.text, font, item.max_width)
            anchor = {"left": "lm", "center": "mm", "right": "rm"}[item.anchor]
            draw.text((item.x, item.y), text, fill=item.color, font=font, anchor=anchor)
    return image


def layout_png(layout: ChartLayout) -> bytes:
    """PNG bytes of `layout` (with 144 dpi metadata so Word sizes a 2× image sensibly)."""
    buffer = io.BytesIO()
    draw_layout(layout).save(buffer, format="PNG", dpi=(144, 144), optimize=True)
    return buffer.getvalue()


def render_coverage_png(order: Order, as_of: date | None = None, width: float = 800) -> bytes | None:
    """The order's coverage timeline as PNG bytes at 2× resolution, as of `as_of` (default: the order's
    planned extraction date, else today), or None when no benefit has a period
    (or coverage cannot be computed because the catalog is unreadable; the .docx is then made without it).
    """
    as_of = as_of or planned_extraction(order) or date.today()
    try:
        coverages = order_coverage(order, as_of)
    except CoverageError:
        return None
    layout = layout_chart(coverages, as_of, width=width, scale=2.0, measure=measure_text)
    return layout_png(layout) if layout is not None else None
