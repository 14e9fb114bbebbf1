#!/bin/sh
# Where ukexp finds its data folder (cli/commands.h, find_data_dir), as a process: --data, then UKEXP_DATA, then
# <prefix>/share/ukexp/data beside an installed binary, then the data/ of the checkout a build lives in. Nothing
# is fixed at build time: a copied binary reads the data beside it, or says where it looked.
# Usage: data_folder.sh <ukexp> <data dir>
set -u
ukexp=$1
data=$2
unset UKEXP_DATA
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failures=0
fail() { echo "FAIL: $*"; [ -f "$tmp/err" ] && head -c 2000 "$tmp/err"; failures=$((failures + 1)); }

# run <expected status> <program> <args...>: output in $tmp/out and $tmp/err.
run() {
  want=$1; shift
  "$@" >"$tmp/out" 2>"$tmp/err"
  got=$?
  [ "$got" -eq "$want" ] || { fail "$* exited $got, expected $want"; return 1; }
}

# A copy of the data folder whose 1137 title says which copy it is.
marked() {  # marked <dir> <mark>
  mkdir -p "$1" && cp -R "$data/bundle.json" "$data/details.json" "$data/text" "$1/" &&
    sed -i "s/\"Information technology directors\"/\"Information technology directors ($2)\"/" "$1/bundle.json"
}

# The built binary inside this checkout reads the checkout's data/, with no option and no variable.
run 0 "$ukexp" score 1137 && grep -q '^Information technology directors$' "$tmp/out" ||
  fail "the built ukexp should read its checkout's data/"

# UKEXP_DATA wins over the checkout's data/, and --data over UKEXP_DATA.
marked "$tmp/env" env
run 0 env UKEXP_DATA="$tmp/env" "$ukexp" score 1137 && grep -q '(env)$' "$tmp/out" ||
  fail "UKEXP_DATA should name the data folder"
run 1 env UKEXP_DATA="$tmp/nowhere" "$ukexp" rank
grep -q "$tmp/nowhere/bundle.json: cannot read" "$tmp/err" || fail "a wrong UKEXP_DATA should be named, not passed over"
run 0 env UKEXP_DATA="$tmp/nowhere" "$ukexp" score 1137 --data "$tmp/env" && grep -q '(env)$' "$tmp/out" ||
  fail "--data should win over UKEXP_DATA"
run 0 env UKEXP_DATA= "$ukexp" score 1137 || fail "an empty UKEXP_DATA counts as unset"

# A copy installed as <prefix>/bin/ukexp reads <prefix>/share/ukexp/data, wherever it is started from and by
# whatever symlink.
mkdir -p "$tmp/prefix/bin" && cp "$ukexp" "$tmp/prefix/bin/ukexp"
marked "$tmp/prefix/share/ukexp/data" installed
run 0 "$tmp/prefix/bin/ukexp" score 1137 && grep -q '(installed)$' "$tmp/out" ||
  fail "an installed copy should read <prefix>/share/ukexp/data"
ln -s "$tmp/prefix/bin/ukexp" "$tmp/shortcut"
(cd / && run 0 "$tmp/shortcut" score 1137) && grep -q '(installed)$' "$tmp/out" ||
  fail "a symlink to an installed copy should read the data beside the real binary"

# A copy in another checkout's build folder reads that checkout's data/, not the one it was built in.
mkdir -p "$tmp/other/build/native/cli" && cp "$ukexp" "$tmp/other/build/native/cli/ukexp"
marked "$tmp/other/data" other
run 0 "$tmp/other/build/native/cli/ukexp" score 1137 && grep -q '(other)$' "$tmp/out" ||
  fail "a copy in another checkout should read that checkout's data/"

# A copy with no data anywhere near: exit 1, one line saying where it looked and how to name the folder.
mkdir -p "$tmp/a/b/lonely/bin" && cp "$ukexp" "$tmp/a/b/lonely/bin/ukexp"
if run 1 "$tmp/a/b/lonely/bin/ukexp" rank; then
  [ "$(wc -l <"$tmp/err")" -eq 1 ] || fail "the missing-folder message should be one line"
  for looked in "$tmp/a/b/lonely/share/ukexp/data" "$tmp/a/b/lonely/bin/data" "$tmp/a/data" "UKEXP_DATA" "--data DIR"; do
    grep -qF -- "$looked" "$tmp/err" || fail "the missing-folder message should name $looked"
  done
  [ -s "$tmp/out" ] && fail "nothing should be printed on stdout"
fi
run 0 "$tmp/a/b/lonely/bin/ukexp" --help || fail "help needs no data folder"

[ "$failures" -eq 0 ] && echo "all data folder checks passed"
exit "$failures"
