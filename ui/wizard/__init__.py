"""The order wizard: route choice, one page per form section, and a summary page."""
