"""First step: choose the route (research or statistics purposes), with help choosing."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QButtonGroup, QCheckBox, QLabel, QRadioButton, QVBoxLayout, QWidget

from beställning.form import Route, load_form
from ui.i18n import localized


class RoutePage(QWidget):
    route_chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        form = load_form()
        layout = QVBoxLayout(self)
        title = QLabel(self.tr("Vilken beställning gäller det?"))
        title.setObjectName("pageTitle")
        layout.addWidget(title)
        intro = QLabel(
            self.tr(
                "Försäkringskassan har två blanketter. Båda skickas med e-post till %1 tillsammans med övriga "
                "handlingar."
            ).replace("%1", form.recipient)
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.group = QButtonGroup(self)
        self.buttons: dict[str, QRadioButton] = {}
        for info in form.routes:
            button = QRadioButton(localized(info.title, info.title_en))
            button.setObjectName("routeButton")
            self.buttons[info.id] = button
            self.group.addButton(button)
            help_label = QLabel(localized(info.help, info.help_en))
            help_label.setWordWrap(True)
            help_label.setObjectName("fieldHelp")
            help_label.setContentsMargins(24, 0, 0, 8)
            layout.addWidget(button)
            layout.addWidget(help_label)
            button.toggled.connect(lambda on, route=info.id: self._toggled(on, route))
        guide_title = QLabel(self.tr("Osäker? Svara på frågan:"))
        guide_title.setObjectName("fieldLabel")
        layout.addWidget(guide_title)
        # The statement wraps in a label; the checkbox itself stays short, so the page fits a small screen.
        statement = QLabel(
            self.tr(
                "Vi är en statistikansvarig myndighet med motsvarande sekretesskydd och uppgifterna ska användas "
                "för att framställa statistik"
            )
        )
        statement.setWordWrap(True)
        self.agency = QCheckBox(self.tr("Det &stämmer för oss"))
        self.agency.setAccessibleDescription(statement.text())
        statement.setBuddy(self.agency)
        self.agency.toggled.connect(self._advise)
        layout.addWidget(statement)
        layout.addWidget(self.agency)
        self.advice = QLabel()
        self.advice.setWordWrap(True)
        self.advice.setObjectName("advice")
        layout.addWidget(self.advice)
        layout.addStretch(1)
        self._advise(False)

    def _toggled(self, on: bool, route: str) -> None:
        if on:
            self.route_chosen.emit(route)

    def _advise(self, agency: bool) -> None:
        if agency:
            self.advice.setText(
                self.tr(
                    "Statistikändamål kan passa. Undantaget tillämpas restriktivt "
                    "och varje beställning sekretessprövas."
                )
            )
        else:
            self.advice.setText(
                self.tr(
                    "Välj forskning. Undantaget för statistikändamål gäller främst andra statistikansvariga "
                    "myndigheter, så forskare använder normalt blanketten för forskning."
                )
            )

    def focus_first(self) -> None:
        checked = self.group.checkedButton() or next(iter(self.buttons.values()))
        checked.setFocus(Qt.FocusReason.TabFocusReason)

    def load(self, route: Route) -> None:
        button = self.buttons[route]
        button.blockSignals(True)
        button.setChecked(True)
        button.blockSignals(False)
