#!/bin/sh
# Runs the test suite of another build folder (the sanitizer build) as one test of this one.
# Usage: run_build_tests.sh <build dir> <preset name>
set -eu
dir=$1
preset=$2
if [ ! -f "$dir/CTestTestfile.cmake" ]; then
  echo "No $preset build at $dir: run 'cmake --preset $preset && cmake --build --preset $preset' (./test.sh does)."
  exit 1
fi
exec ctest --test-dir "$dir" --output-on-failure -j 2
