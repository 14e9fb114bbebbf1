#!/bin/sh
# Installs what is missing, builds the native and WebAssembly targets, and serves the calculator on
# http://127.0.0.1:${PORT:-8000} with the production headers. A second run only rebuilds what changed.
set -eu
cd "$(dirname "$0")"
. tools/setup.sh

aiexp_install_missing $AIEXP_BASE_PACKAGES
aiexp_npm_install
aiexp_build native wasm

exec node tools/serve.mjs --root build/wasm/site --port "${PORT:-8000}"
