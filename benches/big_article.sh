#!/usr/bin/env bash
# Peak memory and time on one very large article (default 50 MB of news text in one JSON line),
# measured with /usr/bin/time -v. Results are appended to benches/results/big_article.tsv.
#   benches/big_article.sh [MEGABYTES]
set -euo pipefail
cd "$(dirname "$0")/.."
mb=${1:-50}
bin=target/release/whosaid
[ -x "$bin" ] || cargo build --release --quiet
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 - "$mb" "$work/big.jsonl" <<'PY'
import csv, json, sys
mb, path = int(sys.argv[1]), sys.argv[2]
texts = []
for name in ("sample_corpus/wikinews_2019.csv", "sample_corpus/wikinews_2020.csv"):
    texts += [row["text"] for row in csv.DictReader(open(name, encoding="utf-8", newline=""))]
body, parts = 0, []
while body < mb * 1_000_000:
    for t in texts:
        parts.append(t)
        body += len(t.encode())
        if body >= mb * 1_000_000:
            break
with open(path, "w", encoding="utf-8") as f:
    f.write(json.dumps({"id": "big", "text": "\n\n".join(parts)}) + "\n")
PY
/usr/bin/time -v "$bin" extract "$work/big.jsonl" --out "$work/out" --format parquet,csv --quiet 2> "$work/time.txt"
rss_kb=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$work/time.txt")
wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$work/time.txt")
quotes=$(python3 -c "import json; print(json.load(open('$work/out/run.json'))['counts']['quotes'])")
line=$(printf '%s\t%s\t%s MB\tpeak RSS %s MB\twall %s\t%s quotes' "$(date -u +%F)" "$(git rev-parse --short HEAD)" "$mb" "$((rss_kb / 1024))" "$wall" "$quotes")
echo "$line"
echo "$line" >> benches/results/big_article.tsv
