#!/usr/bin/env bash
# Sets up everything on a fresh machine, idempotently (`--with-test-tools` adds chromium and tmux): Node 24 and pnpm (from the npm registry,
# into .tooling/), the workspace dependencies, and one Python venv per supported AGL version.
# Fast when everything is already there.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

# shellcheck source=tooling/bootstrap.sh
. tooling/bootstrap.sh

if [ "${CI:-}" = "true" ]; then
  pnpm install --frozen-lockfile --reporter=append-only
else
  pnpm install --reporter=silent
fi

# System tools the browser and terminal tests drive (Debian's chromium, and tmux): only with
# --with-test-tools, which `tooling/run.sh check` and `test` pass.
system_packages=()
if [ "${1:-}" = "--with-test-tools" ]; then
  command -v tmux >/dev/null || system_packages+=(tmux)
  [ -x /usr/bin/chromium ] || [ -n "${CHROMIUM_PATH:-}" ] || system_packages+=(chromium)
fi
pids=()
if [ ${#system_packages[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "setup: installing ${system_packages[*]} from Debian's packages" >&2
    (apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive \
      apt-get install -y -qq --no-install-recommends "${system_packages[@]}" >/dev/null ||
      echo "setup: could not install ${system_packages[*]}; the browser and terminal tests will fail" >&2) &
    pids+=($!)
  else
    echo "setup: ${system_packages[*]} missing (the browser and terminal tests need them); install them with your package manager" >&2
  fi
fi

versions="${AGL_VERSIONS:-0.2.2 0.3.0 1.0.2}"
for version in $versions; do
  bash tooling/python/ensure-venv.sh "$version" >/dev/null &
  pids+=($!)
done
for pid in "${pids[@]}"; do wait "$pid"; done
echo "setup: node $(node --version), pnpm $(pnpm --version), AGL venvs ready: $versions"
