#!/usr/bin/env bash
# Runs every command, in every output format, on every example with two orggraph binaries and
# lists the runs whose output or exit status differ: the before-and-after check of a change
# that must not change what users see.
#
#   Scripts/compare-outputs.sh OLD-ORGGRAPH NEW-ORGGRAPH [OUT-FOLDER]
#
# Each run's standard output, standard error and exit status are written under OUT-FOLDER
# (a temporary folder by default) as old/NAME and new/NAME; the differing names are printed,
# and the script exits with status 1 when there are any.
set -uo pipefail
cd "$(dirname "$0")/.."
old="$1" new="$2"
out="${3:-$(mktemp -d)}"
mkdir -p "$out/old" "$out/new"

runs=()
add() { runs+=("$*"); }
for file in Examples/*.yaml Examples/broken/*.yaml; do
  for format in text json sarif; do add validate "$file" --format "$format"; done
  for format in text json; do add stats "$file" --format "$format"; done
  for format in yaml json; do add convert "$file" --to "$format" -o -; done
  add render "$file" --format dot -o -
  add render "$file" --format dot --lang vi -o -
  add render "$file" --format dot --findings -o -
done
for rulebook in 125-QD/TW structural Examples/rulebooks/two-tier-2025.yaml; do
  for format in text json markdown; do add rules --rulebook "$rulebook" --format "$format"; done
done
for id in $("$new" rules --format json | python3 -c 'import json,sys; print(" ".join(r["id"] for r in json.load(sys.stdin)))'); do
  add rules "$id"
done
for file in Examples/*.yaml; do
  ids=($("$new" convert "$file" --to json -o - | python3 -c 'import json,sys; d=json.load(sys.stdin); print(" ".join(n["id"] for n in d["nodes"][:40]))'))
  last="${ids[${#ids[@]}-1]}"
  for id in "${ids[@]:0:12}"; do
    for format in text json; do
      add chain "$file" "$id" --format "$format"
      add query "$file" "$id" "(leads|part-of|^part-of|superior-of)+" --format "$format"
      add path "$file" "$id" "$last" --format "$format"
      add common "$file" "$id" "$last" --format "$format"
      add impact "$file" --remove "$id" --format "$format"
    done
  done
  add path "$file" "${ids[0]}" "$last" --all --limit 20
  add query "$file" nope leads
  add query "$file" "${ids[0]}" "leads+("
done
add validate Examples/missing.yaml
add generate --provinces 1 --districts 2 --communes 2 --provincial-units 3 --district-units 2 --seed 7 -o -
add generate --provinces 1 --districts 2 --communes 2 --provincial-units 3 --district-units 2 --seed 7 --faults 5 -o -

differ=0
for index in "${!runs[@]}"; do
  name=$(printf '%04d' "$index")
  for side in old new; do
    binary="$old"; [ "$side" = new ] && binary="$new"
    # shellcheck disable=SC2086
    "$binary" ${runs[$index]} >"$out/$side/$name.out" 2>"$out/$side/$name.err"
    echo "$?" >"$out/$side/$name.status"
  done
  if ! cmp -s "$out/old/$name.out" "$out/new/$name.out" || ! cmp -s "$out/old/$name.err" "$out/new/$name.err" \
    || ! cmp -s "$out/old/$name.status" "$out/new/$name.status"; then
    echo "differs: $name: orggraph ${runs[$index]}"
    differ=$((differ + 1))
  fi
done
echo "${#runs[@]} runs, $differ differ (outputs in $out)" >&2
[ "$differ" -eq 0 ]
