#!/usr/bin/env bash
# Builds the pinned Pulumi CLI from the Go module proxy into .tools/pulumi/bin, with the Node.js language host of
# language-host/ beside it and the dynamic-provider launcher from the installed @pulumi/pulumi. Downloads no binary.
# Does nothing when the pinned build is already there.
set -euo pipefail

readonly PULUMI_VERSION=3.274.1
readonly PULUMI_PKG=github.com/pulumi/pulumi/pkg/v3
readonly PULUMI_SDK=github.com/pulumi/pulumi/sdk/v3

root=$(cd "$(dirname "$0")/../.." && pwd)
here="$root/scripts/pulumi-cli"
bin="$root/.tools/pulumi/bin"
work="$root/.tools/pulumi/build"
say() { printf 'pulumi-cli: %s\n' "$*"; }

launcher="$root/node_modules/@pulumi/pulumi/pulumi-resource-pulumi-nodejs"
if [ ! -f "$launcher" ]; then
  say "node_modules/@pulumi/pulumi is missing: run npm ci first." >&2
  exit 1
fi

# The stamp covers the pinned version and our language host's source, so a change to either rebuilds.
stamp="v$PULUMI_VERSION $(sha256sum "$here/language-host/main.go" | cut -c1-16)"
if [ -x "$bin/pulumi" ] && [ -x "$bin/pulumi-language-nodejs" ] \
  && [ "$(cat "$bin/.stamp" 2>/dev/null)" = "$stamp" ]; then
  install -m 0755 "$launcher" "$bin/pulumi-resource-pulumi-nodejs"
  say "Pulumi CLI v$PULUMI_VERSION is already built in .tools/pulumi/bin"
  exit 0
fi

if ! command -v go >/dev/null 2>&1; then
  say "Go is not installed. The real-CLI tests build the Pulumi CLI from Go modules and need Go 1.26 or newer" >&2
  say "(https://go.dev/doc/install). npm test and npm start do not need it." >&2
  exit 1
fi

say "building Pulumi CLI v$PULUMI_VERSION from the Go module proxy with $(go version | cut -d' ' -f3)"
say "the first build downloads about 400 modules and compiles for several minutes; later runs reuse Go's caches"
mkdir -p "$bin" "$work/language-host"

# The CLI's go.mod has replace lines (forks) that a dependent module ignores: build from a module of our own that
# repeats them. Relative replaces (../sdk) point into Pulumi's repository and are dropped.
pkg_mod=$(go mod download -json "$PULUMI_PKG@v$PULUMI_VERSION" | sed -n 's/^[[:space:]]*"GoMod": "\(.*\)",*$/\1/p')
go_directive=$(sed -n 's/^go \(.*\)$/\1/p' "$pkg_mod")
{
  printf 'module pulumi-cli-build\n\ngo %s\n\n' "$go_directive"
  grep -E '^replace [^ ]+ => [^.][^ ]* v[^ ]+$' "$pkg_mod" || true
} > "$work/go.mod"
cat > "$work/tools.go" <<'EOF'
//go:build tools

package tools

import _ "github.com/pulumi/pulumi/pkg/v3/cmd/pulumi"
EOF
cp "$here/language-host/main.go" "$work/language-host/main.go"

cd "$work"
say "resolving modules"
go get "$PULUMI_PKG@v$PULUMI_VERSION" "$PULUMI_SDK@v$PULUMI_VERSION" >"$work/go-get.log" 2>&1 || {
  cat "$work/go-get.log" >&2
  exit 1
}
go mod tidy
ldflags="-s -w -X $PULUMI_SDK/go/common/version.Version=v$PULUMI_VERSION"
say "compiling pulumi"
go build -ldflags "$ldflags" -o "$bin/pulumi" "$PULUMI_PKG/cmd/pulumi"
say "compiling pulumi-language-nodejs"
go build -ldflags "$ldflags" -o "$bin/pulumi-language-nodejs" ./language-host
install -m 0755 "$launcher" "$bin/pulumi-resource-pulumi-nodejs"
printf '%s' "$stamp" > "$bin/.stamp"
say "done: $("$bin/pulumi" version) in .tools/pulumi/bin"
