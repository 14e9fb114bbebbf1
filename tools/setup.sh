# Shared by ./run.sh and ./test.sh (sourced, not run): install what is missing, then build.
# Debian bookworm, as root (or with sudo). Nothing is reinstalled when it is already there.

# aiexp_install_missing <apt package>... : installs the packages that dpkg does not list as installed.
aiexp_install_missing() {
  missing=""
  for package in "$@"; do
    if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed'; then
      missing="$missing $package"
    fi
  done
  # node and npm may come from elsewhere (e.g. a nodesource package that replaces Debian's npm): keep them.
  case "$missing" in *nodejs*|*npm*)
    if command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1; then
      missing=$(printf '%s\n' $missing | grep -vx -e nodejs -e npm | tr '\n' ' ')
    fi;;
  esac
  missing=$(echo $missing)
  [ -z "$missing" ] && return 0
  echo "==> Installing: $missing"
  sudo_cmd=""
  [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  $sudo_cmd apt-get update -q
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -q --no-install-recommends $missing
}

# The packages every build needs: the native tools and tests, Emscripten, node and the browser.
AIEXP_BASE_PACKAGES="cmake ninja-build g++ make pkg-config ca-certificates emscripten nlohmann-json3-dev catch2 \
libbenchmark-dev nodejs npm chromium librsvg2-bin fonts-dejavu-core"
# ./test.sh also fuzzes with clang's libFuzzer, and runs the browser suites against nginx with brotli_static.
AIEXP_TEST_PACKAGES="clang libclang-rt-14-dev nginx libnginx-mod-http-brotli-static"

# The dev/test tools of package.json, installed from the lock file when it changed since the last install.
aiexp_npm_install() {
  if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    echo "==> npm ci"
    npm ci --no-audit --no-fund
  fi
}

# aiexp_build <preset>... : configure once, then build incrementally.
aiexp_build() {
  for preset in "$@"; do
    if [ ! -f "build/$preset/CMakeCache.txt" ]; then
      echo "==> Configuring $preset"
      cmake --preset "$preset" >/dev/null
    fi
    echo "==> Building $preset"
    cmake --build --preset "$preset"
  done
}
