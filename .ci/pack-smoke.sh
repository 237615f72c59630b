#!/usr/bin/env bash
# The README's in-process gate example (examples/gate/my-adam.mjs) run the way another project runs
# it: the package packed with `npm pack`, installed from the tarball into a fresh project, imported
# by its name.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
(cd "$root" && npm pack --silent --pack-destination "$work" >/dev/null)
cd "$work"
npm init -y >/dev/null
npm pkg set type=module
npm install --no-audit --no-fund --loglevel=error ./optim-oracle-*.tgz >/dev/null
cp "$root/examples/gate/my-adam.mjs" .
node my-adam.mjs
