#!/usr/bin/env bash
# Aggregation benchmark (issue 27): `whosaid aggregate` on the quotes of the benchmark corpus
# (benches/corpus.sh builds it: the sample corpus's articles copied, each copy with new ids, to
# SIZE_MB of article text). Runs `whosaid extract` on it (Parquet) and then `whosaid aggregate`
# on the output, and reports each one's wall time and peak RSS, the quote rows, the tables'
# sizes, and the aggregation's share of the whole run's time. Appends a line to
# benches/results/aggregate.tsv.
#
#   SIZE_MB=200 benches/aggregate.sh
#   SIZE_MB=2000 benches/aggregate.sh      # the 2 GB corpus of the issue
#
# The corpus repeats every article once per copy, so each quotation occurs once per copy: its
# `article_ids` list grows with the corpus, the hardest case for the aggregation's memory.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
size_mb="${SIZE_MB:-200}"
work="${WORK_DIR:-$root/target/corpus-bench}"
bin="${WHOSAID_BIN:-$root/target/release/whosaid}"
results="$root/benches/results/aggregate.tsv"
[ -n "${WHOSAID_BIN:-}" ] || cargo build --release --quiet --manifest-path "$root/Cargo.toml"
corpus=$(BUILD_ONLY=1 SIZE_MB="$size_mb" WORK_DIR="$work" WHOSAID_BIN="$bin" "$root/benches/corpus.sh")
out="$work/aggregate-out"

# Runs a command; prints "seconds peak_rss_MB".
timed() {
    /usr/bin/time -v -o "$work/time.txt" "$@" > /dev/null
    awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,p,":"); t=0; for(i=1;i<=n;i++) t=t*60+p[i]; s=t}
                /Maximum resident set size/ {r=$2/1024} END {printf "%.2f %.0f\n", s, r}' "$work/time.txt"
}

rm -rf "$out"
read -r extract_s extract_mb < <(timed "$bin" extract "$corpus" --out "$out" --format parquet --quiet)
read -r aggregate_s aggregate_mb < <(timed "$bin" aggregate "$out" --quiet)
read -r rows quotations people < <(python3 -c "
import json, sys
m = json.load(open(sys.argv[1]))
print(m['rows'], m['quotations'], m['people'])" "$out/aggregate.json")
share=$(awk "BEGIN {printf \"%.1f\", 100 * $aggregate_s / ($extract_s + $aggregate_s)}")
tables_mb=$(du -cm "$out/quotations.parquet" "$out/people.parquet" | tail -1 | cut -f1)

commit="$(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo unknown)"
if ! git -C "$root" diff --quiet HEAD -- . ':!benches/results' 2>/dev/null; then commit="$commit+dirty"; fi
date="$(date -u +%Y-%m-%dT%H:%MZ)"
[ -s "$results" ] || printf 'date\tcommit\tcorpus_MB\tquote_rows\tquotations\tpeople\textract_s\textract_peak_MB\taggregate_s\taggregate_peak_MB\taggregate_share_pct\ttables_MB\n' > "$results"
printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$date" "$commit" "$size_mb" "$rows" "$quotations" "$people" \
    "$extract_s" "$extract_mb" "$aggregate_s" "$aggregate_mb" "$share" "$tables_mb" >> "$results"
echo "corpus ${size_mb} MB: extract ${extract_s} s (peak ${extract_mb} MB); aggregate ${rows} quote rows into" \
    "${quotations} quotations and ${people} people in ${aggregate_s} s (peak ${aggregate_mb} MB), ${share}% of the whole run; tables ${tables_mb} MB"
