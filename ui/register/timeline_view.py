"""One order's path through FK's process, drawn as a vertical line of steps with QPainter.

Each step shows its state (done, next, overdue, upcoming, skipped) as a coloured dot, the recorded
dates with notes and FK's documents, or the expected date; the next step carries FK's advice in a
box (the key file's in yellow). No chart library: QPainter costs nothing and draws in milliseconds.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPaintEvent, QPalette, QPen, QResizeEvent
from PySide6.QtWidgets import QWidget

from beställning.process import TimelineEntry
from beställning.register import Event
from ui.register.display import GREY, LIGHT, STATE_COLORS, fmt_date
from ui.register.labels import process_text
from ui.style import colours


class TimelineWidget(QWidget):
    """FK's process for one order, drawn as a vertical line of steps (QPainter, no chart library)."""

    ROW_GAP = 10
    LEFT = 40

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.entries: list[TimelineEntry] = []
        self.events: dict[str, list[Event]] = {}
        self.setMinimumWidth(320)

    def set_timeline(self, entries: list[TimelineEntry], events: list[Event]) -> None:
        self.entries = entries
        self.events = {}
        for event in events:
            self.events.setdefault(event.step, []).append(event)
        self._fit()
        self.update()

    def _upcoming_hint(self, step_id: str) -> str:
        """When a computed step is due, for a step not yet dated ('' for the others)."""
        hints = {
            "confirmation": self.tr("Två arbetsdagar efter att beställningen skickats"),
            "invoice": self.tr("1–3 månader efter leveransen"),
            "retention_end": self.tr("Sex månader efter leveransen, om inte längre lagring beställts"),
        }
        return hints.get(step_id, "")

    def _expected_label(self, step_id: str) -> str:
        labels = {
            "confirmation": self.tr("Senast"),
            "key_file": self.tr("Nu, efter beslutet"),
            "delivery": self.tr("Önskat leveransdatum"),
            "retention_end": self.tr("FK gallrar"),
        }
        return labels.get(step_id, self.tr("Väntas"))

    def _lines(self, entry: TimelineEntry) -> list[tuple[str, str]]:
        """(kind, text) lines under the step title: dates, notes, documents, the next step's advice."""
        lines: list[tuple[str, str]] = []
        recorded = self.events.get(entry.step.id, [])
        if entry.state == "done":
            if recorded:
                for event in recorded:
                    text = fmt_date(event.date) + (f" · {event.note}" if event.note else "")
                    lines.append(("date", text))
                    lines += [("doc", f"▤ {d.title or d.file_name} ({d.file_name})") for d in event.documents]
            else:
                sent_here = self.tr(" · skickad i appen") if entry.step.id == "sent" else ""
                lines.append(("date", fmt_date(entry.date) + sent_here))
        elif entry.state == "skipped":
            lines.append(("muted", entry.note or self.tr("Inte registrerat")))
        else:
            if entry.expected and entry.expected_to:
                expected = self.tr("Väntas %1 – %2").replace("%1", fmt_date(entry.expected))
                lines.append(("date", expected.replace("%2", fmt_date(entry.expected_to))))
            elif entry.expected:
                lines.append(("date", f"{self._expected_label(entry.step.id)} {fmt_date(entry.expected)}"))
            elif hint := self._upcoming_hint(entry.step.id):
                lines.append(("muted", hint))
            if entry.note and entry.step.id != "delivery":
                lines.append(("muted", entry.note))
            if entry.state in ("next", "overdue"):
                lines.append(("help", process_text(entry.step.help)))
        if entry.state == "done" and entry.note and entry.step.id == "retention_end":
            lines.append(("muted", entry.note))
        return lines

    def _line_height(self, kind: str, text: str, width: int) -> int:
        metrics = QFontMetrics(self.font())
        if kind != "help":
            return metrics.height()
        rect = metrics.boundingRect(QRect(0, 0, width - 16, 10_000), Qt.TextFlag.TextWordWrap, text)
        return rect.height() + 10

    def _fit(self) -> None:
        self.setMinimumHeight(self._height_for(max(self.width(), 320)))

    def _height_for(self, width: int) -> int:
        title = QFontMetrics(self._bold()).height()
        text_width = width - self.LEFT - 12
        total = 12
        for entry in self.entries:
            total += title + sum(self._line_height(k, t, text_width) for k, t in self._lines(entry)) + self.ROW_GAP
        return total + 8

    def _bold(self) -> QFont:
        font = QFont(self.font())
        font.setBold(True)
        return font

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def sizeHint(self) -> QSize:
        return QSize(420, self._height_for(420))

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        c = colours(self.palette())  # the palette's colours: the timeline reads right in a dark palette too
        paper, ink = QColor(c["base"]), self.palette().color(QPalette.ColorRole.Text)
        painter.fillRect(self.rect(), paper)
        bold = self._bold()
        title_h = QFontMetrics(bold).height()
        text_width = self.width() - self.LEFT - 12
        y = 12
        centers: list[tuple[int, str]] = []
        for entry in self.entries:
            color = QColor(STATE_COLORS[entry.state])
            centers.append((y + title_h // 2, entry.state))
            painter.setFont(bold)
            painter.setPen(ink if entry.state != "skipped" else QColor(GREY))
            title = process_text(entry.step.title)
            if entry.state == "overdue":
                title += self.tr(" – försenad")
            elif entry.state == "next":
                title += self.tr(" – nästa steg")
            painter.drawText(QRect(self.LEFT, y, text_width, title_h), Qt.AlignmentFlag.AlignVCenter, title)
            y += title_h
            painter.setFont(self.font())
            for kind, text in self._lines(entry):
                height = self._line_height(kind, text, text_width)
                if kind == "help":
                    box = QRect(self.LEFT, y + 3, text_width, height - 6)
                    painter.setPen(Qt.PenStyle.NoPen)
                    painter.setBrush(QColor(c["advice_bg"] if entry.step.id == "key_file" else c["help_bg"]))
                    painter.drawRect(box)
                    painter.setPen(ink)
                    painter.drawText(box.adjusted(8, 2, -8, -2), Qt.TextFlag.TextWordWrap, text)
                else:
                    pen = {"date": color if entry.state == "overdue" else ink, "doc": QColor(c["accent"])}
                    painter.setPen(pen.get(kind, QColor(GREY)))
                    painter.drawText(QRect(self.LEFT, y, text_width, height), Qt.AlignmentFlag.AlignVCenter, text)
                y += height
            y += self.ROW_GAP
        x = 20
        for index, (cy, state) in enumerate(centers):
            if index + 1 < len(centers):
                painter.setPen(QPen(QColor(LIGHT), 2))
                painter.drawLine(QPoint(x, cy + 8), QPoint(x, centers[index + 1][0] - 8))
            color = QColor(STATE_COLORS[state])
            painter.setPen(QPen(color, 2))
            painter.setBrush(color if state in ("done", "overdue") else paper)
            painter.drawEllipse(QPoint(x, cy), 7, 7)
            if state == "next":
                painter.setBrush(color)
                painter.drawEllipse(QPoint(x, cy), 3, 3)
        painter.end()
