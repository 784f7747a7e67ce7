#!/usr/bin/env bash
# Swedish is the source language of the UI; English comes from Qt Linguist files in resources/i18n/.
#
#   packaging/update_translations.sh
#
# 1. lupdate: collects every tr() string in ui/**/*.py into resources/i18n/bestallning_en.ts. Existing
#    translations are kept, also for a text that moved to another class; new strings arrive as
#    type="unfinished"; strings gone from the code are dropped. Source locations are not stored, so the
#    .ts only changes when a string changes.
# 2. lrelease: compiles the .ts into resources/i18n/bestallning_en.qm, the file the app loads
#    (ui/app.py). Unfinished translations are left out, so the app shows Swedish for them, never a guess.
#
# Translate the new strings with Qt Linguist (.venv/bin/pyside6-linguist) or with
# packaging/fill_translations.py, then run this script again. tests/test_i18n.py fails while a string
# is untranslated or the .qm is older than the .ts.
set -euo pipefail
cd "$(dirname "$0")/.."
VENV=${VENV:-.venv}
LUPDATE="$VENV/bin/pyside6-lupdate"
LRELEASE="$VENV/bin/pyside6-lrelease"
TS=resources/i18n/bestallning_en.ts
QM=resources/i18n/bestallning_en.qm

for tool in "$LUPDATE" "$LRELEASE"; do
    if [ ! -x "$tool" ]; then
        echo "$tool not found: run ./dev.sh test once to set up the environment." >&2
        exit 1
    fi
done
mkdir -p resources/i18n

# Every Python file under ui/, in a stable order (the names are plain ASCII; NUL-separated all the same).
mapfile -d '' sources < <(find ui -name '*.py' -print0 | LC_ALL=C sort -z)
if [ "${#sources[@]}" -eq 0 ]; then
    echo "No Python files under ui/." >&2
    exit 1
fi

# Write next to the target, then rename: a failed run never leaves a half-written .ts or .qm.
tmp_ts="$TS.tmp.$$.ts"
tmp_qm="$QM.tmp.$$.qm"
trap 'rm -f "$tmp_ts" "$tmp_qm"' EXIT
if [ -f "$TS" ]; then
    cp "$TS" "$tmp_ts"
fi
lupdate() {
    "$LUPDATE" -silent -no-obsolete -locations none -source-language sv_SE -target-language en_GB \
        "${sources[@]}" -ts "$tmp_ts"
}
lupdate
if [ -f "$TS" ]; then
    # lupdate keeps a translation only within its class; a text that moved to another class (or out of
    # one) keeps its translation from the previous .ts. Then lupdate again, to write the file its way.
    "$VENV/bin/python" packaging/fill_translations.py --ts "$tmp_ts" "$TS" >/dev/null
    lupdate
fi
mv "$tmp_ts" "$TS"

"$LRELEASE" -silent -nounfinished -fail-on-invalid "$TS" -qm "$tmp_qm"
mv "$tmp_qm" "$QM"
chmod go+r "$TS" "$QM"  # a temporary file may have been created private (mkstemp)

# Say what is left to translate.
unfinished=$(grep -c 'type="unfinished"' "$TS" || true)
total=$(grep -c '<message' "$TS" || true)
echo "$TS: $total messages, $unfinished unfinished."
