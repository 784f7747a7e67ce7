"""The coverage timeline drawn with QPainter from the domain's chart layout (no QtCharts)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPaintEvent, QPen, QResizeEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from beställning.coverage import BenefitCoverage
from beställning.coverage_chart import ChartLayout, Line, Rect, Text, layout_chart


def paint_layout(painter: QPainter, layout: ChartLayout) -> None:
    """Draw every primitive of `layout`; the same primitives the PNG renderer draws."""
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    for item in layout.primitives:
        if isinstance(item, Rect):
            if item.w <= 0 or item.h <= 0:
                continue
            pen = QPen(QColor(item.outline), item.outline_width) if item.outline else Qt.PenStyle.NoPen
            painter.setPen(pen)
            painter.setBrush(QColor(item.fill) if item.fill else Qt.BrushStyle.NoBrush)
            painter.drawRect(QRectF(item.x, item.y, item.w, item.h))
        elif isinstance(item, Line):
            pen = QPen(QColor(item.color), item.width)
            if item.dashed:
                pen.setStyle(Qt.PenStyle.DashLine)
            painter.setPen(pen)
            painter.drawLine(QPointF(item.x1, item.y1), QPointF(item.x2, item.y2))
        elif isinstance(item, Text):
            font = QFont(painter.font())
            font.setPixelSize(max(6, round(item.size)))
            font.setBold(item.bold)
            painter.setFont(font)
            metrics = QFontMetricsF(font)
            text = item.text
            if item.max_width is not None:
                text = metrics.elidedText(text, Qt.TextElideMode.ElideRight, item.max_width)
            width = metrics.horizontalAdvance(text)
            x = {"left": item.x, "center": item.x - width / 2, "right": item.x - width}[item.anchor]
            baseline = item.y + (metrics.ascent() - metrics.descent()) / 2
            painter.setPen(QColor(item.color))
            painter.drawText(QPointF(x, baseline), text)


class CoverageChart(QWidget):
    """Per benefit, the requested period against what is complete at the extraction date."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._coverages: list[BenefitCoverage] = []
        self._as_of = date.today()
        self._layout: ChartLayout | None = None
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setAccessibleName(self.tr("Täckningsdiagram"))

    def set_coverage(self, coverages: list[BenefitCoverage], as_of: date) -> None:
        self._coverages = list(coverages)
        self._as_of = as_of
        self._relayout()

    def chart_layout(self) -> ChartLayout | None:
        """The layout currently drawn (None when no benefit has a period)."""
        return self._layout

    def _relayout(self) -> None:
        width = max(self.width(), 480)
        self._layout = layout_chart(self._coverages, self._as_of, width=width)
        height = round(self._layout.height) if self._layout else 0
        self.setFixedHeight(height)
        self.setVisible(self._layout is not None)
        self.setToolTip(
            "\n".join(row.label + ": " + row.status_text for row in self._layout.rows) if self._layout else ""
        )
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(800, round(self._layout.height) if self._layout else 0)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self._layout is None or abs(self._layout.width - max(self.width(), 480)) > 0.5:
            self._relayout()

    def paintEvent(self, event: QPaintEvent) -> None:
        if self._layout is None:
            return
        painter = QPainter(self)
        try:
            paint_layout(painter, self._layout)
        finally:
            painter.end()
