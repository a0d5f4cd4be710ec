#!/usr/bin/env bash
# Creates (or reuses) the project-local Python venv for one AGL version and prints its path.
#   tooling/python/ensure-venv.sh 0.2.2   (or 0.3.0, 1.0.2)
# The venv is reused when it was built from the same pinned constraints file.
set -euo pipefail

version="${1:-}"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
constraints="$here/constraints-$version.txt"

if [ -z "$version" ] || [ ! -f "$constraints" ]; then
  supported=$(cd "$here" && ls constraints-*.txt | sed 's/constraints-//; s/\.txt//' | tr '\n' ' ')
  echo "ensure-venv: unsupported AGL version '${version}'; supported: ${supported}" >&2
  exit 2
fi

# AGL 0.x runs on Python 3.10+; AGL 1.x needs 3.12+ (pip on an older Python does not even list it).
case "$version" in
  0.*) python="${AGL_PYTHON:-python3}" ;;
  *) python="$(bash "$here/find-python.sh" 3.12 AGL_PYTHON_1_0)" || exit 1 ;;
esac
if ! command -v "$python" >/dev/null; then
  echo "ensure-venv: '$python' not found; install Python 3.10+ or set AGL_PYTHON" >&2
  exit 1
fi

venv="$root/.tooling/venv/agl-$version"
stamp_want="$(cat "$constraints" | sha256sum | cut -c1-16)-$("$python" -c 'import sys; print("%d.%d" % sys.version_info[:2])')"
stamp_file="$venv/.agl-ts-stamp"

if [ -f "$stamp_file" ] && [ "$(cat "$stamp_file")" = "$stamp_want" ] && { [ -x "$venv/bin/agl" ] || [ -x "$venv/bin/agl-server" ]; }; then
  echo "$venv"
  exit 0
fi

echo "ensure-venv: creating $venv (agentlightning==$version, pinned set)" >&2
rm -rf "$venv"
"$python" -m venv "$venv"
"$venv/bin/python" -m pip install --quiet --disable-pip-version-check --no-input \
  --requirement "$constraints" >&2
echo "$stamp_want" > "$stamp_file"
echo "$venv"
