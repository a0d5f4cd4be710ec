#!/usr/bin/env bash
# The whole suite: lint + format check, type check, build, the packed libraries, then every package's tests, then one
# closing line "tests: N passed, N failed". Exits non-zero when anything fails.
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
. tooling/bootstrap.sh

status=0
rm -rf packages/*/.vitest-results apps/*/.vitest-results
pnpm exec turbo run lint typecheck build --continue --output-logs=errors-only || status=1
# The public libraries as published: packed, then publint, Are The Types Wrong, .js specifiers in .d.ts.
pnpm --filter @agl/pack-check lint:packed || status=1
# Integration tests start real AGL servers: one package at a time keeps 2 cores responsive.
pnpm exec turbo run test --concurrency=1 --continue --output-logs=full || status=1
node tooling/test-summary.ts || status=1
exit $status
