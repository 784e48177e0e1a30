#!/usr/bin/env bash
# Test the built desk (after packaging/build_linux.sh): it starts offscreen, creates and
# checks a database, knows its version, and shows its window with the demo areas.
#
#   bash packaging/test_bundle.sh [dist/kulturpunkt-desk/kulturpunkt-desk]
set -euo pipefail
cd "$(dirname "$0")/.."
DESK=${1:-dist/kulturpunkt-desk/kulturpunkt-desk}
[ -x "$DESK" ] || { echo "Ingen bygget desk i $DESK: kør packaging/build_linux.sh først" >&2; exit 2; }

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
# Nothing from the build machine's Python may leak in; backups and settings stay in $WORK.
export QT_QPA_PLATFORM=offscreen KULTURPUNKT_DATA_DIR=$WORK/data HOME=$WORK/home
export XDG_CONFIG_HOME=$WORK/config
unset PYTHONPATH PYTHONHOME KULTURPUNKT_DB
DB=$WORK/x.sqlite
failed=0

step() {  # step NAME EXPECTED_TEXT COMMAND...
  local name=$1 expected=$2
  shift 2
  local out rc=0
  out=$(timeout 120 "$@" 2>&1) || rc=$?
  if [ $rc -eq 0 ] && grep -q -- "$expected" <<<"$out"; then
    echo "ok    $name"
  else
    echo "FEJL  $name (exit $rc)"
    tail -n 12 <<<"$out" | sed 's/^/      /'
    failed=1
  fi
}

version=$(sed -n 's/^__version__ = "\(.*\)"/\1/p' kulturpunkt_desk/__init__.py)
step "--version"            "Kulturpunkt Desk $version"     "$DESK" --version
step "init --demo"          "med demodata"                  "$DESK" init --db "$DB" --demo
step "check"                "Integritet: ok"                "$DESK" check --db "$DB"
# The status summary is a tagged PDF laid out by Typst's compiled extension: it must be bundled.
step "statusoverblik (PDF/UA)" "Gemt:"                      "$DESK" export status --db "$DB" --out "$WORK/status.pdf"
step "vindue (offscreen)"   "vinduet er vist med [1-9][0-9]* lokal" "$DESK" --db "$DB" --smoke-test
step "ny database ved start" "vinduet er vist med 0 lokal"  "$DESK" --db "$WORK/ny.sqlite" --smoke-test
step "check af ny database" "Integritet: ok"                "$DESK" check --db "$WORK/ny.sqlite"
# The sync's session diff is APSW, a compiled extension with its own SQLite: it must be
# bundled (the message below comes only after the sync module and APSW have loaded).
step "sync (APSW i pakken)" "ikke en bærbar kopi" bash -c '"$1" sync --db "$2"; true' _ "$DESK" "$DB"
step "Qt's tekster på dansk" "knapper på dansk: ja"         "$DESK" --db "$DB" --smoke-test
# A file from the first schema is backed up and migrated by the bundled Alembic revisions.
cp tests/fixtures/schema_0001.sqlite "$WORK/gammel.sqlite"
step "opgradering af gammel fil" "vinduet er vist med"      "$DESK" --db "$WORK/gammel.sqlite" --smoke-test
step "check efter opgradering" "Integritet: ok"             "$DESK" check --db "$WORK/gammel.sqlite"
step "sikkerhedskopi før opgradering" "foer-opgradering"    ls -R "$WORK/data"

if [ $failed -ne 0 ]; then
  echo "Den byggede desk fejlede."
  exit 1
fi
echo "Den byggede desk virker: $DESK ($(du -sh "$(dirname "$DESK")" | cut -f1))."
