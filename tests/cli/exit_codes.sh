#!/bin/sh
# ukexp as a process: exit status 0 / 1 (data error) / 2 (usage error), errors on one line naming the cause.
# Usage: exit_codes.sh <ukexp> <data dir>
set -u
ukexp=$1
data=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failures=0

# expect <status> <stderr pattern> -- <args...>
expect() {
  want=$1; pattern=$2; shift 3
  "$ukexp" "$@" >"$tmp/out" 2>"$tmp/err"
  got=$?
  lines=$(wc -l <"$tmp/err")
  if [ "$got" -ne "$want" ]; then
    echo "FAIL: ukexp $* exited $got, expected $want"; cat "$tmp/err"; failures=$((failures + 1)); return
  fi
  if [ "$want" -ne 0 ] && { [ "$lines" -ne 1 ] || ! grep -q -- "$pattern" "$tmp/err"; }; then
    echo "FAIL: ukexp $*: expected one stderr line matching '$pattern', got:"; cat "$tmp/err"; failures=$((failures + 1))
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

# The figures of the published pages, through the table output.
"$ukexp" score 2132 --data "$data" >"$tmp/out" || failures=$((failures + 1))
for text in '213k' '£55,502' '1.2/10 Minimal' 'direct 1.2 · with tools 9.4' '£1.42bn' '2 of 17 tasks'; do
  grep -q -- "$text" "$tmp/out" || { echo "FAIL: ukexp score 2132 does not show '$text'"; failures=$((failures + 1)); }
done

[ "$failures" -eq 0 ] && echo "all ukexp process checks passed"
exit "$failures"
