#!/bin/sh
# Runs one fuzz target for a bounded time, as a test: first every committed regression input once, then
# libFuzzer over the committed seeds plus seeds made from the project's data (and from the raw sources when
# they are beside the project). A crash fails the test and leaves the input in the work folder.
# Usage: run_fuzzer.sh <fuzz build dir> <target> <seconds> <project dir> <raw sources dir>
set -eu
build=$1 target=$2 seconds=$3 project=$4 sources=$5
binary="$build/fuzz/fuzz_$target"
if [ ! -x "$binary" ]; then
  echo "No fuzz build at $build: run 'cmake --preset fuzz && cmake --build --preset fuzz' (./test.sh does)."
  exit 1
fi
work="$build/fuzz-work/$target"
rm -rf "$work/seeds"
mkdir -p "$work/corpus" "$work/seeds"

# Seeds from real files, prefixed with the byte that picks their reader.
seed() {  # seed <selector byte, octal> <name> <file> [lines]
  [ -f "$3" ] || return 0
  { printf "\\$1"; if [ -n "${4:-}" ]; then head -n "$4" "$3"; else cat "$3"; fi; } > "$work/seeds/$2"
}
case $target in
  bundle_loader)
    seed 000 bundle "$project/data/bundle.json"
    seed 001 details "$project/data/details.json"
    seed 002 text "$project/data/text/tasks-11.json"
    seed 004 ilo-tasks "$project/data/ilo/tasks-1330.json"
    seed 005 breakdowns "$project/data/breakdowns.json"
    # The whole title index is 0.8 MB: a slice of it keeps the fuzzer fast.
    node -e '
      const all = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
      all.titles = Object.fromEntries(Object.entries(all.titles).slice(0, 12));
      process.stdout.write("\x03" + JSON.stringify(all));' "$project/data/titles.json" > "$work/seeds/titles"
    ;;
  source_readers)
    seed 000 label-set "$sources/eloundou/full_labelset.tsv" 40
    seed 001 importance "$sources/onet/task_importance_IM.csv" 40
    seed 002 occupations "$sources/onet/Occupation Data.txt" 40
    seed 003 statements "$sources/onet/Task Statements.txt" 40
    seed 004 ashe "$sources/uk/ashe_2025_prov_table14_7a.csv" 40
    seed 005 structure "$sources/uk/soc2020_structure.csv" 60
    seed 006 coding-index "$sources/uk/soc2020_coding_index.csv" 40
    seed 007 isco "$sources/xwalk/bls_isco08_soc2010_crosswalk.isco08_to_soc2010.csv" 40
    seed 010 soc2010-2018 "$sources/xwalk/bls_soc2010_to_soc2018_crosswalk.csv" 40
    seed 011 onet-2018 "$sources/xwalk/onetsoc2019_to_soc2018_crosswalk.csv" 40
    seed 012 ilo "$sources/ilo/ilo_2025_task_scores_isco08.csv" 40
    seed 013 ashe-sex-pattern "$sources/uk/ashe_2024_prov_table14_7a_by_sex_and_pattern.csv" 40
    seed 014 ashe-sex-medians "$sources/uk/ashe_2025_prov_table14_7a_sex_medians.csv" 40
    seed 015 aps-industry "$sources/uk/aps_employment_soc2020_by_industry_2021_2024.csv" 60
    seed 016 aps-region "$sources/uk/aps_2024_employment_soc2020_minor_by_region.csv" 40
    ;;
esac

regressions="$project/fuzz/regressions/$target"
if [ -d "$regressions" ] && [ -n "$(ls -A "$regressions")" ]; then
  echo "== $target: replaying $(ls "$regressions" | wc -l) regression inputs"
  "$binary" "$regressions"/*
fi

echo "== $target: fuzzing for $seconds s"
exec "$binary" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=4096 -print_final_stats=1 \
  -artifact_prefix="$work/" "$work/corpus" "$project/fuzz/corpus/$target" "$work/seeds"
