# Shared by scripts/start and scripts/test: install what is missing, idempotently.
# Only Debian apt, npm and NuGet are used; nothing is downloaded from anywhere else.

repo_root() { cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd; }

log() { printf '\033[1m==>\033[0m %s\n' "$*" >&2; }

apt_updated=0
# ensure_apt PKG...: installs the Debian packages that are not installed yet.
ensure_apt() {
  local missing=()
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  local sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  log "installing from apt: ${missing[*]}"
  if [ "$apt_updated" -eq 0 ]; then $sudo apt-get update -qq >&2; apt_updated=1; fi
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
}

# Debian packages the tests need, decoders that share no code with our encoder (ZXing.Net): zbar-tools (zbarimg) reads
# the QR codes and GS1-128, dmtx-utils (dmtxread) the GS1 DataMatrix.
test_apt_packages=(zbar-tools dmtx-utils)

ensure_dotnet() {
  if ! command -v dotnet >/dev/null 2>&1; then
    echo "The .NET 10 SDK is required (dotnet on PATH); it is not available from apt here." >&2
    exit 1
  fi
}

ensure_node() {
  command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1 || ensure_apt nodejs npm
}

# ensure_browser: Debian's Chromium (driven by Playwright's ExecutablePath in the browser tests; no browser is
# ever downloaded) and CJK fonts, so zh-CN pages render in screenshots as they do on phones.
ensure_browser() {
  ensure_apt chromium fonts-noto-cjk
}

# ensure_npm_tools: the pinned npm packages from package-lock.json (Anvil, solc, esbuild, the zxing barcode
# reader), reinstalled only when the lock changed.
ensure_npm_tools() {
  ensure_node
  local root; root=$(repo_root)
  if [ ! -x "$root/node_modules/.bin/anvil" ] || ! cmp -s "$root/package-lock.json" "$root/node_modules/.lock-installed"; then
    log "installing pinned npm tools (anvil, solc, esbuild, zxing)"
    (cd "$root" && npm ci --no-audit --no-fund --loglevel=error >&2) && cp "$root/package-lock.json" "$root/node_modules/.lock-installed"
  fi
}

# build_web: bundles the scanner page's script with esbuild (scripts/build-web.mjs) into
# src/Traceability.Api/wwwroot/lib/scan.bundle.js, only when the bundle is missing or an input is newer.
# Run after ensure_npm_tools and before dotnet build (the build copies wwwroot to its output).
build_web() {
  local root; root=$(repo_root)
  local out="$root/src/Traceability.Api/wwwroot/lib/console.bundle.js"
  local inputs=("$root/src/Traceability.Api/web" "$root/src/Traceability.Api/wwwroot/js" "$root/scripts/build-web.mjs" "$root/package-lock.json")
  [ -f "$root/node_modules/.lock-installed" ] && inputs+=("$root/node_modules/.lock-installed")
  if [ -f "$out" ] && [ -z "$(find "${inputs[@]}" -newer "$out" -print -quit)" ]; then
    return 0
  fi
  log "bundling the scanner page (esbuild)"
  (cd "$root" && node scripts/build-web.mjs >&2)
}

# secure_data_dir DIR: the data directory holds API keys, keystores and their password: only its owner may enter
# it (0700) or read anything in it (files 0600), whatever an older release or a wide umask left there.
secure_data_dir() {
  local dir="$1"
  mkdir -p "$dir"
  find "$dir" -type d -exec chmod 700 {} +
  find "$dir" -type f -exec chmod 600 {} +
}

# rotate_log FILE [KEEP]: FILE becomes FILE.1, FILE.1 becomes FILE.2 … up to KEEP (default 5) kept logs, so every
# start writes a fresh log and the last runs' logs (and their stack traces) survive.
rotate_log() {
  local file="$1" keep="${2:-5}" i
  [ -e "$file" ] || return 0
  for ((i = keep - 1; i >= 1; i--)); do
    [ -e "$file.$i" ] && mv -f "$file.$i" "$file.$((i + 1))"
  done
  mv -f "$file" "$file.1"
}
