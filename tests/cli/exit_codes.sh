#!/bin/sh
# ukexp as a process: exit status 0 / 1 (data error) / 2 (usage error), errors on one line naming the cause.
# Usage: exit_codes.sh <ukexp> <data dir>
set -u
ukexp=$1
data=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failures=0

# A hang is a failure too: each run gets 60 seconds when timeout(1) is there.
run_limited() {
  if command -v timeout >/dev/null 2>&1; then timeout 60 "$@"; else "$@"; fi
}

# expect <status> <stderr pattern> -- <args...>
expect() {
  want=$1; pattern=$2; shift 3
  run_limited "$ukexp" "$@" >"$tmp/out" 2>"$tmp/err"
  got=$?
  lines=$(wc -l <"$tmp/err")
  shown=$(printf '%s' "$*" | cut -c1-160)  # a 100 KB argument is named by its start
  if [ "$got" -ne "$want" ]; then
    echo "FAIL: ukexp $shown exited $got, expected $want"; head -c 2000 "$tmp/err"; failures=$((failures + 1)); return
  fi
  if [ "$want" -ne 0 ] && { [ "$lines" -ne 1 ] || ! grep -q -- "$pattern" "$tmp/err"; }; then
    echo "FAIL: ukexp $shown: expected one stderr line matching '$pattern', got:"; head -c 2000 "$tmp/err"
    failures=$((failures + 1))
  fi
}

expect 0 '' -- score 1137 --data "$data"
expect 0 '' -- --help
expect 0 '' -- score --help
expect 2 'unknown option --bogus' -- score 1137 --bogus --data "$data"
expect 2 'unknown command' -- frobnicate
expect 2 'unknown SOC 2020 unit group "9998"' -- score 9998 --data "$data"
expect 2 'unknown O\*NET-SOC occupation' -- onet 99-9999.99 --data "$data"
expect 2 '--e2 needs a number from 0 to 1' -- score 1137 --e2 1.5 --data "$data"
expect 2 '--weights must be' -- rank --weights heavy --data "$data"
expect 2 'needs exactly one SOC 2020 code' -- score --data "$data"
expect 1 "$tmp/missing/bundle.json: cannot read" -- score 1137 --data "$tmp/missing"
mkdir -p "$tmp/corrupt" && printf '{"schema": 1, "kind": "bundle", ' >"$tmp/corrupt/bundle.json"
expect 1 "$tmp/corrupt/bundle.json: The occupation data file is corrupt" -- rank --data "$tmp/corrupt"
mkdir -p "$tmp/wrongschema" && printf '{"schema": 99, "kind": "bundle", "build": "x"}' >"$tmp/wrongschema/bundle.json"
expect 1 "another version" -- rank --data "$tmp/wrongschema"

# The grammar shared with links and the widget: aliases, the nearest option, the last of a repeated option.
expect 2 'unknown option --wieghts for score: did you mean --weights?' -- score 1137 --wieghts core --data "$data"
expect 0 '' -- score 1137 --w importance --label-source human --tasks 975.E1 --data "$data"
# An option that does not apply to a command is refused, never ignored (one table in cli/args.cpp).
expect 2 'unknown option --measure for onet (--measure is an option of score, rank and breakdown)' -- \
  onet 11-3021.00 --measure ilo2025 --data "$data"
[ -s "$tmp/out" ] && { echo "FAIL: onet --measure printed figures"; failures=$((failures + 1)); }
expect 2 '--e2 does not apply to onet --csv' -- onet --all --csv --e2 1 --data "$data"
expect 0 '' -- onet 11-3021.00 --e2 1 --data "$data"
"$ukexp" score 1137 --e2 0.5 --e2 1 --data "$data" >"$tmp/out" 2>"$tmp/err"
if [ $? -ne 0 ] || ! grep -q -- '--e2 given again (after --e2); the last value is used' "$tmp/err" ||
   ! grep -q -- '9.4/10' "$tmp/out"; then
  echo "FAIL: a repeated --e2 should warn and use the last value"; cat "$tmp/err"; failures=$((failures + 1))
fi

"$ukexp" score 1137 --relabel 975=E2 --relabel 975=E1 --json --data "$data" >"$tmp/out" 2>"$tmp/err"
if [ $? -ne 0 ] || ! grep -q -- '--relabel: task 975 changed twice; the last change is used' "$tmp/err" ||
   ! grep -q '"exposure_text": "1.8"' "$tmp/out"; then
  echo "FAIL: a task relabelled twice should warn and use the last label"; cat "$tmp/err"; failures=$((failures + 1))
fi

# Data paths that are not files: one line naming the file, exit 1, never a hang or an abort.
good() {  # good <dir>: a copy of the committed data folder
  mkdir -p "$1" && cp -R "$data/bundle.json" "$data/details.json" "$data/text" "$1/"
}
good "$tmp/d1" && rm "$tmp/d1/bundle.json" && mkdir "$tmp/d1/bundle.json"
expect 1 "$tmp/d1/bundle.json: is a folder, not a data file" -- rank --data "$tmp/d1"
good "$tmp/d2" && rm "$tmp/d2/bundle.json" && ln -s /dev/zero "$tmp/d2/bundle.json"
expect 1 "$tmp/d2/bundle.json: is a character device" -- rank --data "$tmp/d2"
good "$tmp/d3" && rm "$tmp/d3/details.json" && ln -s /dev/null "$tmp/d3/details.json"
expect 1 "$tmp/d3/details.json: is a character device" -- rank --data "$tmp/d3"
good "$tmp/d4" && rm "$tmp/d4/bundle.json" && mkfifo "$tmp/d4/bundle.json"
expect 1 "$tmp/d4/bundle.json: is a FIFO" -- rank --data "$tmp/d4"
good "$tmp/d5" && rm "$tmp/d5/text/tasks-11.json" && mkfifo "$tmp/d5/text/tasks-11.json"
expect 1 "$tmp/d5/text/tasks-11.json: is a FIFO" -- score 1137 --data "$tmp/d5"
good "$tmp/d6" && rm "$tmp/d6/bundle.json" && truncate -s 67108865 "$tmp/d6/bundle.json"
expect 1 "$tmp/d6/bundle.json: 67108865 bytes, over the 64 MB limit" -- rank --data "$tmp/d6"
good "$tmp/d7" && rm "$tmp/d7/details.json" && ln -s "$tmp/d1/bundle.json" "$tmp/d7/details.json"  # to a folder
expect 1 "$tmp/d7/details.json: is a folder" -- rank --data "$tmp/d7"
expect 1 '/dev/null: is a character device, not a folder' -- rank --data /dev/null
printf 'x' >"$tmp/plain"
expect 1 "$tmp/plain: is a file, not a folder" -- rank --data "$tmp/plain"
expect 1 '/dev/null: is a character device, not a folder' -- build-data --sources /dev/null --out "$tmp/out-dir"
expect 1 '/dev/zero: is a character device, not a folder' -- build-data --sources "$tmp/d1" --out /dev/zero
# A mode-000 file. Root reads it anyway, so as root the case runs as "nobody" (setpriv) when it can, else is
# skipped with a note. A read that fails on a regular file (/proc/self/mem at offset 0: EIO) holds for root too.
good "$tmp/d8" && chmod 000 "$tmp/d8/bundle.json"
if [ "$(id -u)" -ne 0 ]; then
  expect 1 "$tmp/d8/bundle.json: cannot read (Permission denied)" -- rank --data "$tmp/d8"
elif command -v setpriv >/dev/null 2>&1 && chmod 755 "$tmp" &&
     setpriv --reuid=65534 --regid=65534 --clear-groups "$ukexp" --help >/dev/null 2>&1; then
  setpriv --reuid=65534 --regid=65534 --clear-groups "$ukexp" rank --data "$tmp/d8" >"$tmp/out" 2>"$tmp/err"
  if [ $? -ne 1 ] || [ "$(wc -l <"$tmp/err")" -ne 1 ] ||
     ! grep -q -- "$tmp/d8/bundle.json: cannot read (Permission denied)" "$tmp/err"; then
    echo "FAIL: a mode-000 bundle.json read as nobody:"; cat "$tmp/err"; failures=$((failures + 1))
  fi
else
  echo "note: running as root without setpriv: the mode-000 case is skipped (root reads mode-000 files)"
fi
good "$tmp/d9" && rm "$tmp/d9/bundle.json" && ln -s /proc/self/mem "$tmp/d9/bundle.json"
expect 1 "$tmp/d9/bundle.json: cannot read (Input/output error)" -- rank --data "$tmp/d9"

# Output safe to print: a data title holding escape sequences, a formula and a C1 CSI reaches neither the
# terminal nor a spreadsheet as anything but text, in every output; an argument quoted back is escaped and cut.
esc=$(printf '\033')
csi=$(printf '\302\233')
good "$tmp/h" && sed -i 's/"Information technology directors"/"=cmd\\u001b[2J\\u009b2J"/' "$tmp/h/bundle.json"
for args in "score 1137" "score 1137 --json" "rank" "rank --csv"; do
  # shellcheck disable=SC2086
  "$ukexp" $args --data "$tmp/h" >"$tmp/out" 2>"$tmp/err"
  status=$?
  if [ "$status" -ne 0 ] || LC_ALL=C grep -q "$esc" "$tmp/out" || LC_ALL=C grep -q "$csi" "$tmp/out" ||
     ! grep -qi 'u001b\[2J' "$tmp/out"; then
    echo "FAIL: ukexp $args with an escape sequence in a title: status $status, or a raw control byte in the output"
    failures=$((failures + 1))
  fi
done
"$ukexp" rank --csv --data "$tmp/h" | grep -qF "1137,'=cmd\\u001B[2J\\u009B2J," ||
  { echo "FAIL: rank --csv should neutralise the formula title of 1137"; failures=$((failures + 1)); }
expect 2 'unknown SOC 2020 unit group "\\u001B\[2J\\u000AX"' -- score "$(printf '\033[2J\nX')" --data "$data"
LC_ALL=C grep -q "$esc" "$tmp/err" && { echo "FAIL: a raw escape in stderr"; failures=$((failures + 1)); }
huge=$(head -c 102400 /dev/zero | tr '\0' x)
expect 2 'unknown command "xxxxxxxxxx.*…"' -- "$huge"
[ "$(wc -c <"$tmp/err")" -lt 200 ] || { echo "FAIL: a 100 KB command name echoed whole"; failures=$((failures + 1)); }
expect 2 '--e2 needs a number from 0 to 1, got "xxx.*…"' -- rank --e2 "$huge" --data "$data"
[ "$(wc -c <"$tmp/err")" -lt 300 ] || { echo "FAIL: a 100 KB value echoed whole"; failures=$((failures + 1)); }
expect 1 'cannot read (File name too long)' -- rank --data "/$huge"
[ "$(wc -c <"$tmp/err")" -lt 400 ] || { echo "FAIL: a 100 KB path echoed whole"; failures=$((failures + 1)); }

# The figures of the published pages, through the table output.
"$ukexp" score 2132 --data "$data" >"$tmp/out" || failures=$((failures + 1))
for text in '213k' '£55,502' '1.2/10 Minimal' 'direct 1.2 · with tools 9.4' '£1.42bn' '2 of 17 tasks'; do
  grep -q -- "$text" "$tmp/out" || { echo "FAIL: ukexp score 2132 does not show '$text'"; failures=$((failures + 1)); }
done

[ "$failures" -eq 0 ] && echo "all ukexp process checks passed"
exit "$failures"
