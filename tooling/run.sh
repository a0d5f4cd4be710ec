#!/usr/bin/env bash
# Sets up what is missing (tooling/setup.sh), then runs one root script with the right Node:
#   bash tooling/run.sh agl:server
#   bash tooling/run.sh check
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
if [ $# -eq 0 ]; then
  echo "usage: bash tooling/run.sh <script> [args…]   (scripts: see package.json)" >&2
  exit 2
fi
case "$1" in
  check | test) bash tooling/setup.sh --with-test-tools >&2 ;;
  *) bash tooling/setup.sh >&2 ;;
esac
. tooling/bootstrap.sh
exec pnpm "$@"
