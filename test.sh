#!/bin/sh
# Installs what is missing, builds every preset the suites need (native, wasm, asan, fuzz) and runs every suite
# through one ctest invocation: Catch2, the ukexp process checks, the data rebuild check, node --test on the
# WebAssembly module, Chromium end-to-end tests, the sanitizer suite and the fuzzers. Non-zero on any failure.
set -eu
cd "$(dirname "$0")"
. tools/setup.sh

aiexp_install_missing $AIEXP_BASE_PACKAGES $AIEXP_TEST_PACKAGES
aiexp_npm_install
aiexp_build native wasm asan fuzz

# On a failure, what failed and why is printed again at the end, where a long log is read first.
status=0
ctest --preset native || status=$?
[ "$status" -eq 0 ] || node tools/failure-digest.mjs build/native || true
exit "$status"
