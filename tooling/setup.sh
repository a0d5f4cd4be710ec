#!/usr/bin/env bash
# Sets up everything on a fresh machine, idempotently: Node 24 and pnpm (from the npm registry,
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

versions="${AGL_VERSIONS:-0.2.2 0.3.0}"
pids=()
for version in $versions; do
  bash tooling/python/ensure-venv.sh "$version" >/dev/null &
  pids+=($!)
done
for pid in "${pids[@]}"; do wait "$pid"; done
echo "setup: node $(node --version), pnpm $(pnpm --version), AGL venvs ready: $versions"
