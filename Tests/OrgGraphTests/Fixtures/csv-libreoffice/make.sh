#!/usr/bin/env bash
# Remakes the LibreOffice fixtures of CSVFolderTests (not run by the tests or CI, which load the
# committed files). For each SOURCE (Examples/hospital.yaml, and tricky-scalars.yaml of
# Fixtures/load-ok): the folder `orggraph convert SOURCE --to csv` writes, each file opened in
# LibreOffice Calc and saved as an .ods with nothing edited (NAME/ods/), then each .ods saved by
# LibreOffice as CSV, UTF-8, with commas (NAME/comma/) and with semicolons (NAME/semicolon/).
# Needs LibreOffice (Debian: apt-get install libreoffice-calc-nogui) and a built orggraph.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../../../.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
profile="-env:UserInstallation=file://$work/profile"
make() {
    local source="$1" out="$here/$2"
    rm -rf "$out" "$work/written"
    mkdir -p "$out/ods" "$out/comma" "$out/semicolon"
    "$root/.build/debug/orggraph" convert "$root/$source" --to csv -o "$work/written"
    for name in organization nodes relations suppressions; do
        # Import: comma (44), double quote (34), UTF-8 (76), from line 1; quoted cells as text,
        # no special numbers (dates) detected.
        soffice "$profile" --headless --infilter="CSV:44,34,76,1,,1033,true,false" \
            --convert-to ods --outdir "$out/ods" "$work/written/$name.csv" >/dev/null 2>&1
        soffice "$profile" --headless --convert-to "csv:Text - txt - csv (StarCalc):44,34,76,1" \
            --outdir "$out/comma" "$out/ods/$name.ods" >/dev/null 2>&1
        soffice "$profile" --headless --convert-to "csv:Text - txt - csv (StarCalc):59,34,76,1" \
            --outdir "$out/semicolon" "$out/ods/$name.ods" >/dev/null 2>&1
    done
}
make Examples/hospital.yaml hospital
make Tests/OrgGraphTests/Fixtures/load-ok/tricky-scalars.yaml tricky-scalars
