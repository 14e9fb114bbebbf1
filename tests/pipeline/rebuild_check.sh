#!/bin/sh
# Rebuilds the bundle from the raw sources into a temporary folder and compares it with the committed one,
# byte for byte. Usage: rebuild_check.sh <ukexp> <sources dir> <committed data dir>
set -eu
ukexp=$1
sources=$2
committed=$3
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
"$ukexp" build-data --sources "$sources" --out "$out"
if ! diff -r "$committed" "$out" >"$out.diff" 2>&1; then
  echo "The committed bundle differs from a rebuild of the sources. Rebuild it with:"
  echo "  ./build/native/cli/ukexp build-data --sources ../shared/data --out data"
  head -c 4000 "$out.diff"
  rm -f "$out.diff"
  exit 1
fi
rm -f "$out.diff"
echo "committed bundle matches the rebuild ($(ls "$out" | wc -l) entries)"
