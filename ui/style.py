"""The app's look: one small style sheet, calm and readable, like an agency form."""

STYLE_SHEET = """
QWidget { font-size: 10pt; }
QLabel#pageTitle { font-size: 15pt; font-weight: 600; color: #1f4e79; margin-bottom: 4px; }
QLabel#sectionHelp { color: #333; background: #eef3f8; border-left: 3px solid #1f4e79; padding: 6px; }
QLabel#fieldLabel { font-weight: 600; margin-top: 4px; }
QLabel#fieldHelp { color: #555; font-size: 9pt; }
QLabel#fieldProblem { color: #9a6700; font-size: 9pt; }
QLabel#fieldProblem[blocking="true"] { color: #b3261e; }
QLabel#advice { background: #fff8e1; border: 1px solid #e0c46c; padding: 6px; }
QLabel#summaryStatus { font-size: 11pt; font-weight: 600; color: #b3261e; padding: 4px 0; }
QLabel#summaryStatus[ok="true"] { color: #1e7b34; }
QListWidget#steps, QListWidget#nav { background: #f4f6f8; border: none; }
QListWidget#nav::item { padding: 6px 8px; }
QListWidget#steps::item { padding: 6px 0px; }
QListWidget#steps::item:selected, QListWidget#nav::item:selected { background: #1f4e79; color: white; }
QListWidget#nav { font-size: 11pt; }
QToolBar#mainToolbar { spacing: 6px; padding: 2px 6px; }
QToolBar#mainToolbar QToolButton { padding: 4px 10px; font-weight: 600; }
QRadioButton#routeButton { font-size: 11pt; font-weight: 600; margin-top: 8px; }
"""
