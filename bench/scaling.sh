#!/bin/bash
# How one run and a sweep scale with cores, on a machine with more than two. Prints one JSON line
# per measurement (bench/threads-child.ts, bench/sweep-child.ts). Usage, from the repository root:
#   bash bench/scaling.sh [threads list] [workers list]     e.g. bash bench/scaling.sh "1 2 4 8" "1 2 4 8 16"
set -euo pipefail
cd "$(dirname "$0")/.."
threads=${1:-"1 2 4 8"}
workers=${2:-"1 2 4 8 16"}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
for t in $threads; do
  echo "1M persons, $t thread(s):" >&2
  node --import tsx bench/threads-child.ts 1000000 "$t" 8 12
done
for t in $threads; do
  echo "100k persons, $t thread(s):" >&2
  node --import tsx bench/threads-child.ts 100000 "$t" 10 30
done
for w in $workers; do
  echo "sweep of 16 runs (bench/scaling-sweep.json), $w worker(s):" >&2
  node --import tsx bench/sweep-child.ts bench/scaling-sweep.json "$out/sweep-$w" "$w"
done
