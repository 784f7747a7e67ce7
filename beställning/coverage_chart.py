"""The coverage timeline (täckningsdiagram) as a renderer-independent layout.

One row per requested benefit: the requested period as an outlined bar, filled green for the months
complete at the extraction date and orange for those that are not; a red line marks the extraction
date. The layout is plain geometry (rectangles, lines, texts in pixels), so the Qt widget and the
Pillow renderer for the .docx draw exactly the same picture, and tests can check it without either.

Texts are measured with the renderer's own font (`measure`), so a benefit's name wraps onto a
second line instead of being cut ("Föräldrapenning och skattad föräldraledighet"), and the legend
wraps where its items really end. Where FK gives a lag for newly granted cases only (sjuk- och
aktivitetsersättning), the months complete for ongoing cases by our estimate are drawn apart.
"""

from __future__ import annotations

import calendar
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Literal

from beställning.coverage import BenefitCoverage, Month

Anchor = Literal["left", "center", "right"]
Measure = Callable[[str, float, bool], float]  # (text, size in px, bold) -> width in px


def estimate_width(text: str, size: float, bold: bool) -> float:
    """A width estimate for when no font is at hand (DejaVu Sans averages about 0.6 em a letter)."""
    return len(text) * size * (0.64 if bold else 0.6)


def wrap(text: str, width: float, size: float, bold: bool, measure: Measure, lines: int = 2) -> list[str]:
    """`text` broken at spaces into at most `lines` lines no wider than `width` (the last may be elided)."""
    words = text.split()
    result: list[str] = []
    current = ""
    for index, word in enumerate(words):
        candidate = f"{current} {word}".strip()
        if not current or measure(candidate, size, bold) <= width:
            current = candidate
            continue
        result.append(current)
        if len(result) == lines - 1:
            current = " ".join(words[index:])
            break
        current = word
    result.append(current)
    return [line for line in result if line]

# Colours (hex) chosen to read in greyscale print too: dark green vs light orange.
COMPLETE = "#2e7d32"
COMPLETE_ESTIMATE = "#81c784"
INCOMPLETE = "#ffb74d"
INCOMPLETE_EDGE = "#e65100"
REQUESTED_EDGE = "#37474f"
AVAILABLE = "#e8f5e9"
GRID = "#e0e0e0"
AXIS = "#616161"
TEXT = "#212121"
MUTED = "#616161"
AS_OF = "#c62828"
BACKGROUND = "#ffffff"

MONTH_ABBR = ("jan", "feb", "mar", "apr", "maj", "jun", "jul", "aug", "sep", "okt", "nov", "dec")


@dataclass(frozen=True)
class Rect:
    x: float
    y: float
    w: float
    h: float
    fill: str | None
    outline: str | None = None
    outline_width: float = 1.0


@dataclass(frozen=True)
class Line:
    x1: float
    y1: float
    x2: float
    y2: float
    color: str
    width: float = 1.0
    dashed: bool = False


@dataclass(frozen=True)
class Text:
    """Text whose vertical centre is at y; x is its left, centre or right edge per `anchor`."""

    x: float
    y: float
    text: str
    size: float
    color: str = TEXT
    anchor: Anchor = "left"
    bold: bool = False
    max_width: float | None = None  # renderers elide longer text with "…"


Primitive = Rect | Line | Text


@dataclass(frozen=True)
class Span:
    """A horizontal stretch of a row in pixels, and the months it covers."""

    x0: float
    x1: float
    first: Month
    last: Month


@dataclass(frozen=True)
class ChartRow:
    benefit: str
    label: str
    sublabel: str
    status_text: str
    y: float
    height: float
    requested: Span | None
    complete: Span | None
    incomplete: Span | None
    estimate: bool
    ongoing: Span | None = None  # months complete for ongoing cases by our estimate (FK's lag is for new ones)
    label_lines: tuple[str, ...] = ()


@dataclass(frozen=True)
class Tick:
    x: float
    month: Month
    label: str
    major: bool


@dataclass(frozen=True)
class ChartLayout:
    """The whole picture: size, rows, axis ticks, the extraction-date line and what to draw."""

    width: float
    height: float
    title: str
    as_of: date
    as_of_x: float
    first: Month
    last: Month
    rows: tuple[ChartRow, ...]
    ticks: tuple[Tick, ...]
    primitives: tuple[Primitive, ...]

    def month_x(self, month: Month) -> float:
        """The left edge of `month` on the time axis (for tests and hit-testing)."""
        return _month_x(month, self.first, self._plot_left, self._month_w)

    @property
    def _plot_left(self) -> float:
        return self.ticks[0].x if self.ticks else 0.0

    @property
    def _month_w(self) -> float:
        if len(self.ticks) < 2:
            return 0.0
        a, b = self.ticks[0], self.ticks[1]
        return (b.x - a.x) / (b.month.index - a.month.index)


def _month_x(month: Month, first: Month, left: float, month_w: float) -> float:
    return left + (month.index - first.index) * month_w


def _tick_plan(month_w: float, scale: float) -> tuple[int, bool]:
    """(a label every n months, month names or years) so that labels never overlap."""
    for every in (1, 2, 3, 6):
        if every * month_w >= 30 * scale:
            return every, True
    for years in (1, 2, 5, 10, 20):
        if years * 12 * month_w >= 44 * scale:
            return years * 12, False
    return 600, False


def _status_text(cov: BenefitCoverage) -> str:
    if cov.status == "unknown":
        return "okänd förmån: täckningen kan inte beräknas"
    if cov.status == "no_period":
        return f"ingen period angiven; komplett t.o.m. {cov.complete_through}"
    if cov.status == "complete":
        return f"hela perioden komplett (t.o.m. {cov.complete_through})"
    done = cov.complete_from.isoformat() if cov.complete_from else "?"
    if cov.status == "incomplete":
        return f"inget komplett vid uttaget; hela perioden komplett från {done}"
    n = len(cov.incomplete_months)
    if cov.ongoing_complete_through is not None:
        return (
            f"nybeviljade komplett t.o.m. {cov.complete_through}, pågående ≈ t.o.m. "
            f"{cov.ongoing_complete_through}; hela perioden från {done}"
        )
    return f"komplett t.o.m. {cov.complete_through}; {n} mån saknas; hela perioden från {done}"


def _sublabel(cov: BenefitCoverage) -> str:
    if cov.lag is None:
        return ""
    if cov.lag.scope and cov.ongoing_lag_months is not None:
        ongoing = f"pågående ≈ {cov.ongoing_lag_months} mån (uppskattning)"
        return f"fördröjning {cov.lag.months} mån för nybeviljade; {ongoing}"
    if cov.lag.changed_from:
        return f"fördröjning {cov.lag.months} mån (ändrad {cov.lag.changed_from})"
    if cov.lag.estimate:
        return f"fördröjning ≈ {cov.lag.months} mån (uppskattning)"
    return f"fördröjning {cov.lag.months} mån"


def layout_chart(
    coverages: list[BenefitCoverage],
    as_of: date,
    width: float = 800,
    scale: float = 1.0,
    title: str | None = None,
    measure: Measure = estimate_width,
) -> ChartLayout | None:
    """Lay out the timeline for `coverages` at the extraction date; None when no row has a period.

    `width` is in logical pixels; `scale` multiplies every size (2.0 for a sharp print image);
    `measure` gives a text's width in the renderer's font, so labels are wrapped, not cut.
    """
    with_period = [c for c in coverages if c.period_from is not None and c.period_to is not None]
    if not with_period:
        return None
    s = scale
    W = width * s
    pad = 12 * s
    font = 12 * s
    small = 10 * s
    title_h = 28 * s
    row_h = 52 * s
    bar_h = 16 * s
    axis_h = 44 * s
    legend_h = 28 * s
    label_w = min(250 * s, W * 0.32)
    plot_left = pad + label_w + pad
    plot_right = W - pad

    as_of_month = Month.of(as_of)
    first = min(c.period_from for c in with_period if c.period_from is not None)
    last = max(max(c.period_to for c in with_period if c.period_to is not None), as_of_month)
    throughs = [c.complete_through for c in with_period if c.complete_through is not None]
    if throughs:
        first = min(first, *throughs)
    first, last = first.plus(-1), last.plus(1)
    span = last.index - first.index + 1
    month_w = (plot_right - plot_left) / span

    def mx(month: Month) -> float:
        return _month_x(month, first, plot_left, month_w)

    prims: list[Primitive] = [Rect(0, 0, W, 0, BACKGROUND)]  # height fixed below
    title = title or f"Täckning vid uttag {as_of.isoformat()}"
    prims.append(Text(pad, pad + title_h / 2 - 4 * s, title, 14 * s, TEXT, bold=True, max_width=W - 2 * pad))
    top = pad + title_h
    rows_top = top
    line_h = 15 * s
    # Each row is as tall as its label needs: the name on up to two lines, the lag below it.
    names = [wrap(c.name, label_w, font, True, measure) for c in coverages]
    subs = [wrap(_sublabel(c), label_w, small, False, measure) if _sublabel(c) else [] for c in coverages]
    statuses = [wrap(_status_text(c), plot_right - plot_left, small, False, measure) for c in coverages]
    heights = [
        row_h + line_h * max(0, len(n) + len(sb) - 2, len(st) - 1)
        for n, sb, st in zip(names, subs, statuses, strict=True)
    ]
    row_tops = [rows_top + sum(heights[:i]) for i in range(len(coverages))]
    bottom = rows_top + sum(heights)

    # Time axis: grid lines at labelled months; month names centred in their month with the year on
    # a second line, or years at their January when months are too narrow to name.
    every, month_names = _tick_plan(month_w, s)
    ticks: list[Tick] = []
    year_labels: list[Text] = []
    for index in range(first.index, last.index + 2):
        month = Month(index // 12, index % 12 + 1)
        if every < 12:
            aligned = (month.month - 1) % every == 0
        else:
            aligned = month.month == 1 and month.year % (every // 12) == 0
        label = ""
        if aligned and index <= last.index:
            label = MONTH_ABBR[month.month - 1] if month_names else str(month.year)
        ticks.append(Tick(mx(month), month, label, aligned))
        if aligned:
            prims.append(Line(mx(month), rows_top, mx(month), bottom + 4 * s, GRID, 1 * s))
        starts_year = month.month == 1 or (
            index == first.index and (12 - month.month + 1) * month_w >= 44 * s
        )
        if month_names and starts_year and index <= last.index:
            year_labels.append(
                Text(mx(month) + 2 * s, bottom + 30 * s, str(month.year), small, TEXT, bold=True)
            )
    prims.append(Line(plot_left, bottom, plot_right, bottom, AXIS, 1 * s))
    for tick in ticks:
        if tick.label:
            prims.append(Line(tick.x, bottom, tick.x, bottom + 5 * s, AXIS, 1 * s))
            x_label = tick.x + month_w / 2 if month_names else tick.x
            prims.append(Text(x_label, bottom + 14 * s, tick.label, small, MUTED, "center"))
    prims.extend(year_labels)

    # Extraction date: a red line at the day's position inside its month, under the bars and texts.
    days = calendar.monthrange(as_of.year, as_of.month)[1]
    as_of_x = mx(as_of_month) + month_w * (as_of.day - 1) / days
    prims.append(Line(as_of_x, rows_top - 4 * s, as_of_x, bottom, AS_OF, 2 * s, dashed=True))

    rows: list[ChartRow] = []
    for i, cov in enumerate(coverages):
        y = row_tops[i]
        bar_y = y + 8 * s
        estimate = bool(cov.lag and cov.lag.estimate)
        sub = _sublabel(cov)
        text_y = bar_y + bar_h / 2
        for line in names[i]:
            prims.append(Text(pad, text_y, line, font, TEXT, bold=True, max_width=label_w))
            text_y += line_h
        text_y = max(text_y, bar_y + bar_h + 12 * s)
        for line in subs[i]:
            prims.append(Text(pad, text_y, line, small, MUTED, max_width=label_w))
            text_y += line_h * 0.85
        requested = complete = incomplete = ongoing = None
        if cov.complete_through is not None and cov.status != "unknown":
            # Light band: every month complete at the extraction date, requested or not.
            band_end = mx(cov.complete_through.plus(1))
            if band_end > plot_left:
                prims.append(Rect(plot_left, bar_y - 3 * s, band_end - plot_left, bar_h + 6 * s, AVAILABLE))
        if cov.period_from is not None and cov.period_to is not None:
            start, end = cov.period_from, cov.period_to
            requested = Span(mx(start), mx(end.plus(1)), start, end)
            done = cov.complete_months
            if done:
                complete = Span(mx(done[0]), mx(done[-1].plus(1)), done[0], done[-1])
                fill = COMPLETE_ESTIMATE if estimate else COMPLETE
                prims.append(Rect(complete.x0, bar_y, complete.x1 - complete.x0, bar_h, fill))
            if cov.incomplete_months:
                a, b = cov.incomplete_months[0], cov.incomplete_months[-1]
                incomplete = Span(mx(a), mx(b.plus(1)), a, b)
                prims.append(Rect(incomplete.x0, bar_y, incomplete.x1 - incomplete.x0, bar_h, INCOMPLETE))
                ongoing_end = cov.ongoing_complete_through
                if ongoing_end is not None and ongoing_end >= a:
                    b = min(b, ongoing_end)
                    ongoing = Span(mx(a), mx(b.plus(1)), a, b)
                    # Lower half: complete for ongoing cases by our estimate; the upper half stays
                    # orange, as FK's lag for newly granted cases says.
                    prims.append(
                        Rect(ongoing.x0, bar_y + bar_h / 2, ongoing.x1 - ongoing.x0, bar_h / 2, COMPLETE_ESTIMATE)
                    )
            prims.append(
                Rect(requested.x0, bar_y, requested.x1 - requested.x0, bar_h, None, REQUESTED_EDGE, 1.5 * s)
            )
        status = _status_text(cov)
        status_color = INCOMPLETE_EDGE if cov.status in ("partial", "incomplete", "unknown") else MUTED
        for number, line in enumerate(statuses[i]):
            prims.append(
                Text(
                    plot_left,
                    bar_y + bar_h + 12 * s + number * line_h * 0.85,
                    line,
                    small,
                    status_color,
                    max_width=plot_right - plot_left,
                )
            )
        rows.append(
            ChartRow(
                cov.benefit,
                cov.name,
                sub,
                status,
                y,
                heights[i],
                requested,
                complete,
                incomplete,
                estimate,
                ongoing,
                tuple(names[i]),
            )
        )

    # Legend, wrapped onto more lines when the chart is narrow.
    legend: list[tuple[str | None, str | None, str]] = [
        (COMPLETE, None, "komplett vid uttaget"),
        (INCOMPLETE, None, "inte komplett"),
        (None, REQUESTED_EDGE, "begärd period"),
        (AVAILABLE, None, "tillgängliga månader"),
        (None, AS_OF, f"uttag {as_of.isoformat()}"),
    ]
    if any(row.estimate for row in rows):
        legend.insert(1, (COMPLETE_ESTIMATE, None, "komplett (uppskattad fördröjning)"))
    elif any(row.ongoing for row in rows):
        legend.insert(2, (COMPLETE_ESTIMATE, None, "komplett för pågående ärenden (vår uppskattning)"))
    ly = bottom + axis_h + legend_h / 2
    x = pad
    for swatch, edge, text in legend:
        item_w = 24 * s + measure(text, small, False) + 18 * s
        if x > pad and x + item_w > W - pad:
            x, ly = pad, ly + legend_h
        if edge == AS_OF:
            prims.append(Line(x + 9 * s, ly - 8 * s, x + 9 * s, ly + 8 * s, AS_OF, 2 * s))
        else:
            prims.append(Rect(x, ly - 6 * s, 18 * s, 12 * s, swatch, edge, 1.5 * s if edge else 1.0))
        prims.append(Text(x + 24 * s, ly, text, small, MUTED))
        x += item_w

    height = ly + legend_h / 2 + pad
    prims[0] = Rect(0, 0, W, height, BACKGROUND)
    return ChartLayout(W, height, title, as_of, as_of_x, first, last, tuple(rows), tuple(ticks), tuple(prims))
