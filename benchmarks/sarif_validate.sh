#!/usr/bin/env bash
# Validate refcheck's SARIF with Microsoft's SARIF Multitool (npm @microsoft/sarif-multitool),
# which checks the 2.1.0 schema and its own rules (SARIF1xxx errors, SARIF2xxx warnings/notes).
# Not part of .ci/run: it needs npm and a download. Usage: bash benchmarks/sarif_validate.sh [PATHS...]
# Exit status: 0 when the Multitool reports no error and no warning, 1 otherwise.
set -euo pipefail
cd "$(dirname "$0")/.."
tool_dir="${SARIF_MULTITOOL_DIR:-/tmp/refcheck-sarif-multitool}"
if [ ! -x "$tool_dir/node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool" ]; then
    mkdir -p "$tool_dir"
    npm install --prefix "$tool_dir" --no-audit --no-fund @microsoft/sarif-multitool >/dev/null
    chmod u+x "$tool_dir/node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool"
fi
multitool="$tool_dir/node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
if [ "$#" -eq 0 ]; then set -- refs/; fi
python3 -m refcheck check --isolated --format sarif "$@" > "$work/refcheck.sarif" || true  # exit 1: findings
"$multitool" validate "$work/refcheck.sarif" --output "$work/validation.sarif" --level "Error;Warning;Note" --quiet >/dev/null || true
python3 - "$work/validation.sarif" <<'PY'
import collections, json, sys

with open(sys.argv[1], encoding="utf-8-sig") as handle:
    results = json.load(handle)["runs"][0].get("results", [])
counts = collections.Counter((r.get("level", "warning"), r["ruleId"]) for r in results)
print(f"{'level':<8} {'rule':<10} count")
for (level, rule), count in sorted(counts.items()):
    print(f"{level:<8} {rule:<10} {count}")
bad = sum(n for (level, _), n in counts.items() if level in ("error", "warning"))
print(f"errors and warnings: {bad}")
sys.exit(1 if bad else 0)
PY
