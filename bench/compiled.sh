#!/bin/bash
# The project compiled to plain JavaScript, one file per module with its lines kept, for CPU
# profiles that split a function's time by line (bench/profile-summary.ts --lines): tsx hands V8
# each module as one line. Usage, from anywhere: bash bench/compiled.sh [folder=runs/compiled]
# then, e.g.: node --cpu-prof --cpu-prof-dir=runs/profile-lines runs/compiled/cli/main.js run scenarios/default.json
# or a benchmark: node --cpu-prof runs/compiled/bench/threads-child.js 100000 1 30 60
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-runs/compiled}
# The folder is emptied first: only one this script made before (it holds cli/main.js) or none.
if [ -e "$out" ] && [ ! -f "$out/cli/main.js" ]; then
  echo "bench/compiled.sh: $out exists and is not a folder this script made (no cli/main.js): give a new folder" >&2
  exit 2
fi
rm -rf "$out"
npx tsc -p tsconfig.json --noEmit false --outDir "$out"
# What the compiled modules read or start beside them: the package's version, the worker threads' boot file,
# the scenarios (the benchmarks load scenarios/default.json beside their own module).
cp package.json "$out/"
cp sim/node/*.mjs "$out/sim/node/"
cp -r scenarios/*.json scenarios/sweeps "$out/scenarios/"
# The packages, wherever the folder lies (Node looks for node_modules in the folders above a module).
ln -s "$PWD/node_modules" "$out/node_modules"
echo "compiled into $out: node $out/cli/main.js run <scenario> …" >&2
