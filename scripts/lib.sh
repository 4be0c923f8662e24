# Shared helpers for the scripts in this folder. Sourced, never run.
set -euo pipefail

JWTWB_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

log() { printf '%s\n' "$*" >&2; }
die() { log "error: $*"; exit 1; }

as_root() {
    if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

debian_major() {
    local id version
    id=$(. /etc/os-release && echo "${ID:-}")
    version=$(. /etc/os-release && echo "${VERSION_ID:-}")
    [ "$id" = debian ] || { echo 0; return; }
    echo "${version%%.*}"
}

# Prints the package names listed in the given files (comments and blank lines dropped).
package_list() {
    sed -e 's/#.*//' -e '/^[[:space:]]*$/d' "$@"
}

# Installs the packages that are missing; silent when all are there.
ensure_packages() {
    local missing=() pkg
    for pkg in "$@"; do
        if [ "$(dpkg-query -W -f='${db:Status-Status}' "$pkg" 2>/dev/null)" != installed ]; then
            missing+=("$pkg")
        fi
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    log "Installing: ${missing[*]}"
    as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

# The project's own build dependencies for this Debian release.
ensure_build_dependencies() {
    local major files=("$JWTWB_ROOT/scripts/packages/debian.txt")
    major=$(debian_major)
    [ "$major" -ge 12 ] || die "JWT Workbench needs Debian 12 or later (this is: $(. /etc/os-release && echo "$PRETTY_NAME"))"
    [ "$major" -ge 13 ] && files+=("$JWTWB_ROOT/scripts/packages/debian13.txt")
    # shellcheck disable=SC2046
    ensure_packages $(package_list "${files[@]}")
}

# configure_and_build BUILD_DIR [cmake -D options...]: prints warnings and errors only. With
# JWTWB_BUILD_TARGETS set (names separated by spaces), builds only those targets.
configure_and_build() {
    local build_dir=$1 status=0 targets=(); shift
    read -r -a targets <<<"${JWTWB_BUILD_TARGETS:-}"
    mkdir -p "$build_dir"
    cmake -S "$JWTWB_ROOT" -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo "$@" >"$build_dir/configure.log" 2>&1 \
        || { cat "$build_dir/configure.log" >&2; return 1; }
    cmake --build "$build_dir" ${targets[@]:+--target "${targets[@]}"} >"$build_dir/build.log" 2>&1 || status=$?
    grep -vE '^(\[[0-9]+/[0-9]+\] |ninja: (no work|Entering|Leaving))' "$build_dir/build.log" >&2 || true
    return $status
}

# run_tests BUILD_DIR: the whole suite through ctest. A failed test's output is cut from its head, so
# that what a sanitizer prints at exit is kept; the lines that say what failed are repeated at the end.
run_tests() {
    local build_dir=$1
    ctest --test-dir "$build_dir" --output-on-failure --test-output-size-failed 16384 \
        --test-output-truncation head -j "$(nproc)" && return 0
    log "What failed (from $build_dir/Testing/Temporary/LastTest.log):"
    # A Loc: line only after a FAIL! (QSKIP prints one too).
    awk '/^[0-9]+\/[0-9]+ Testing: / { test = $3 }
         /^Command: / { next }
         /^(FAIL!|QFATAL)/ { print test ": " $0; failing = 1; next }
         /^   Loc:/ { if (failing) print test ": " $0; failing = 0; next }
         /^(PASS|SKIP|XFAIL|XPASS|BPASS|BFAIL)/ { failing = 0 }
         /ERROR: [A-Za-z]+Sanitizer|runtime error:|^SUMMARY: / { print test ": " $0 }' \
        "$build_dir/Testing/Temporary/LastTest.log" | head -n 60 >&2 || true
    return 1
}
