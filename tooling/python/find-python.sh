#!/usr/bin/env bash
# Prints the path of a Python interpreter of at least the given version, or explains what to install.
#   tooling/python/find-python.sh 3.12 AGL_PYTHON_1_0
# Looks at, in order: the variable named by the second argument, python3.12 / 3.13 / 3.14 / python3 on
# PATH, then the versions pyenv installed ($PYENV_ROOT or ~/.pyenv); the oldest good enough one wins,
# as the pinned constraints were frozen with the minimum version.
set -euo pipefail

minimum="${1:?minimum version, e.g. 3.12}"
override_name="${2:-}"
min_major="${minimum%%.*}"
min_minor="${minimum#*.}"

good_enough() {
  "$1" -c "import sys; sys.exit(0 if sys.version_info[:2] >= ($min_major, $min_minor) else 1)" 2>/dev/null
}

if [ -n "$override_name" ] && [ -n "${!override_name:-}" ]; then
  if good_enough "${!override_name}"; then
    echo "${!override_name}"
    exit 0
  fi
  echo "find-python: $override_name=${!override_name} is not a Python >= $minimum" >&2
  exit 1
fi

candidates=()
for name in python3.12 python3.13 python3.14 python3; do
  path="$(command -v "$name" 2>/dev/null || true)"
  [ -n "$path" ] && candidates+=("$path")
done
pyenv_root="${PYENV_ROOT:-$HOME/.pyenv}"
if [ -d "$pyenv_root/versions" ]; then
  while IFS= read -r dir; do
    [ -x "$dir/bin/python3" ] && candidates+=("$dir/bin/python3")
  done < <(ls -d "$pyenv_root"/versions/3.* 2>/dev/null | sort -t. -k2,2n -k3,3n)
fi

for candidate in "${candidates[@]}"; do
  if good_enough "$candidate"; then
    echo "$candidate"
    exit 0
  fi
done

cat >&2 <<MSG
find-python: no Python >= $minimum found (looked at python3.12/3.13/3.14/python3 on PATH and $pyenv_root/versions).
Install one, e.g. 'apt-get install python3.12 python3.12-venv' or 'pyenv install 3.12',
or point ${override_name:-AGL_PYTHON} at an existing interpreter.
MSG
exit 1
