#!/usr/bin/env bash
# The caseload benchmark: builds bailiwick in release mode, writes a seeded synthetic caseload,
# and times the whole process over it (audit) and from start to exit (check).
# Uses only public tools: /usr/bin/time -v (Debian package `time`) and hyperfine (package `hyperfine`).
#
#   bash docs/benchmarks/caseload.sh [MATTERS] [SEED]
set -euo pipefail
cd "$(dirname "$0")/../.."
matters=${1:-10000}
seed=${2:-1}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

swift build -c release --product bailiwick > /dev/null
bailiwick=.build/release/bailiwick

echo "## Machine"
echo "- $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(uname -sr)"
echo "- $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
echo "- $(swift --version 2>/dev/null | head -1)"
echo

echo "## In process: bailiwick bench"
$bailiwick bench --iterations 200
echo

echo "## Caseload: $matters matter files, seed $seed"
$bailiwick bench --generate-caseload "$work/caseload" --matters "$matters" --seed "$seed"
for format in text json; do
  /usr/bin/time -v $bailiwick audit "$work/caseload" --format "$format" --output "$work/report.$format" --fail-on never 2> "$work/time.log"
  elapsed=$(awk -F': ' '/Elapsed/ {print $2}' "$work/time.log")
  rss=$(awk -F': ' '/Maximum resident/ {print $2}' "$work/time.log")
  seconds=$(echo "$elapsed" | awk -F: '{ if (NF == 3) print $1*3600+$2*60+$3; else print $1*60+$2 }')
  rate=$(awk -v n="$matters" -v s="$seconds" 'BEGIN { printf "%.0f", n / s }')
  echo "- audit --format $format: $elapsed wall clock, $rate matters/s, peak memory $((rss / 1024)) MB"
done
half=$((matters / 10))
mkdir -p "$work/small" && for file in $(ls "$work/caseload" | head -n "$half"); do cp "$work/caseload/$file" "$work/small/"; done
/usr/bin/time -v $bailiwick audit "$work/small" --output "$work/small.txt" --fail-on never 2> "$work/time.log"
echo "- audit of $half of them (text): peak memory $(( $(awk -F': ' '/Maximum resident/ {print $2}' "$work/time.log") / 1024 )) MB"
echo

echo "## From process start to exit"
if command -v hyperfine > /dev/null; then
  hyperfine -N --warmup 3 --runs 30 -i \
    "$bailiwick check --jurisdiction us-wa --license lllt --action negotiate --on 2026-03-01" \
    "$bailiwick check --jurisdiction us --license paralegal --action legal-research --on 2026-03-01" \
    "$bailiwick validate"
else
  echo "(install hyperfine to time whole commands)"
fi
