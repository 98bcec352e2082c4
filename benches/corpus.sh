#!/usr/bin/env bash
# Whole-binary benchmark at corpus scale (issue 5): builds a corpus of at least SIZE_MB of
# article text by repeating the sample corpus's articles with distinct ids (JSON Lines, and the
# same gzip-compressed), runs `whosaid extract` on it with 1 and 2 threads writing Parquet and CSV,
# and prints MB/s of article text, articles/s, peak RSS (/usr/bin/time -v) and the 2-thread
# speed-up; `zcat` on the gzip file is timed alongside. From each run's own CPU account (run.json
# `cpu`) it prints the serial share (reading, writing, finishing against the workers' extraction)
# and Amdahl's projection of the speed-up on 4, 16 and 64 cores (issue 29). Each configuration runs RUNS times and the
# fastest run counts (the machine is shared and noisy; the fastest is the least disturbed); the
# median is printed and kept beside it, and the speed-ups are given from both. The
# configurations take turns within each round, so a slow spell of the VM does not fall on one of them.
# With taskset available (ONE_CORE=0 turns it off), the 1-thread run is repeated with the whole
# process pinned to one core ("1core"): the true per-core figure, and the baseline for the speed-up
# of 2 threads on 2 cores.
#
# Results are appended to benches/results/corpus.tsv with the date and commit, so the history of
# every change stays visible.
#
#   benches/corpus.sh                 # 200 MB, 3 runs each
#   SIZE_MB=20 RUNS=5 benches/corpus.sh
#   WHOSAID_BIN=/tmp/whosaid-before SIZE_MB=30 benches/corpus.sh   # another build, same corpus
#   SIZE_MB=2000 RUNS=1 INPUTS=jsonl THREADS=1 benches/corpus.sh   # peak RSS on 2 GB, one config
#   CORPUS_LANG=de SIZE_MB=40 benches/corpus.sh                     # German news (../shared needed)
#   INPUTS="jsonl csv" benches/corpus.sh                            # the same records as CSV too
#
# The sample corpus is Wikinews text (CC BY 2.5, see sample_corpus/LICENSE-wikinews.md).
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
size_mb="${SIZE_MB:-200}"
runs="${RUNS:-3}"
work="${WORK_DIR:-$root/target/corpus-bench}"
bin="${WHOSAID_BIN:-$root/target/release/whosaid}"
results="$root/benches/results/corpus.tsv"
mkdir -p "$work" "$(dirname "$results")"

if [ -z "${WHOSAID_BIN:-}" ]; then
    cargo build --release --quiet --manifest-path "$root/Cargo.toml"
fi

# CORPUS_LANG=de: a German corpus, the German evaluation sets' articles beside the checkout
# (../shared/eval/german-{train,dev}, CC BY-NC-SA 4.0, never copied into the checkout) repeated
# the same way; its results are labelled jsonl-de / gzip-de.
corpus_lang="${CORPUS_LANG:-en}"
suffix=""
if [ "$corpus_lang" = de ]; then
    suffix="-de"
    corpus="$work/corpus-de-${size_mb}mb.jsonl"
    german="$root/../shared/eval"
    [ -s "$german/german-train/articles.jsonl" ] || { echo "CORPUS_LANG=de needs $german/german-train" >&2; exit 2; }
    if [ ! -s "$corpus" ]; then
        python3 - "$german" "$corpus" "$size_mb" <<'EOF2'
import json, sys
src, out, size_mb = sys.argv[1], sys.argv[2], int(sys.argv[3])
articles = [json.loads(l) for name in ("german-train", "german-dev") for l in open(f"{src}/{name}/articles.jsonl", encoding="utf-8")]
target, written, copy = size_mb * 1_000_000, 0, 0
with open(out, "w", encoding="utf-8") as f:
    while written < target:
        for a in articles:
            f.write(json.dumps({"id": f"c{copy}-{a['id']}", "text": a["text"], "published": a.get("published")}, ensure_ascii=False) + "\n")
            written += len(a["text"].encode("utf-8"))
        copy += 1
EOF2
    fi
fi
[ "$corpus_lang" = de ] || corpus="$work/corpus-${size_mb}mb.jsonl"
if [ ! -s "$corpus" ]; then
    python3 - "$root/sample_corpus" "$corpus" "$size_mb" <<'EOF'
import csv, json, sys
src, out, size_mb = sys.argv[1], sys.argv[2], int(sys.argv[3])
articles = []
for name in ("wikinews_2019.csv", "wikinews_2020.csv"):
    with open(f"{src}/{name}", newline="", encoding="utf-8") as f:
        articles.extend(csv.DictReader(f))
target = size_mb * 1_000_000
written = 0
copy = 0
with open(out, "w", encoding="utf-8") as f:
    while written < target:
        for i, a in enumerate(articles):
            record = {"id": f"c{copy}-{i}", "text": a["text"], "published": a["date"], "title": a["title"], "url": a["url"]}
            f.write(json.dumps(record, ensure_ascii=False) + "\n")
            written += len(a["text"].encode("utf-8"))
        copy += 1
EOF
fi
# BUILD_ONLY=1: build the corpus, print its path, and stop (benches/aggregate.sh reads it).
if [ -n "${BUILD_ONLY:-}" ]; then echo "$corpus"; exit 0; fi
inputs="${INPUTS:-jsonl gzip}"
threads_list="${THREADS:-1 2}"
if [[ " $inputs " == *" gzip "* ]] && [ ! -s "$corpus.gz" ]; then
    gzip -6 -k -c "$corpus" > "$corpus.gz"
fi
# INPUTS=csv: the same records as one CSV file (its text fields quoted, with their quote marks
# doubled and their line ends kept).
csv_corpus="${corpus%.jsonl}.csv"
if [[ " $inputs " == *" csv "* ]] && [ ! -s "$csv_corpus" ]; then
    python3 - "$corpus" "$csv_corpus" <<'EOF2'
import csv, json, sys
fields = ("id", "text", "published", "title", "url")
with open(sys.argv[1], encoding="utf-8") as src, open(sys.argv[2], "w", encoding="utf-8", newline="") as out:
    writer = csv.DictWriter(out, fields, extrasaction="ignore")
    writer.writeheader()
    for line in src:
        writer.writerow(json.loads(line))
EOF2
fi

# Article text in the corpus (MB = 10^6 bytes of the `text` fields, the unit of the targets).
read -r text_bytes n_articles < <(python3 -c "
import json, sys
n = b = 0
for line in open(sys.argv[1], encoding='utf-8'):
    n += 1; b += len(json.loads(line)['text'].encode('utf-8'))
print(b, n)" "$corpus")

commit="$(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo unknown)"
if ! git -C "$root" diff --quiet HEAD -- . ':!benches/results' 2>/dev/null; then commit="$commit+dirty"; fi
[ -n "${WHOSAID_BIN:-}" ] && commit="$commit:$(basename "$bin")"
date="$(date -u +%Y-%m-%dT%H:%MZ)"
[ -s "$results" ] || printf 'date\tcommit\tinput\tthreads\ttext_MB\tarticles\tseconds\tMB_per_s\tarticles_per_s\tpeak_rss_MB\tMB_per_cpu_s\tmedian_seconds\n' > "$results"

# Runs a command once; prints "seconds peak_rss_kb cpu_seconds account", the account being the
# run's CPU seconds by role from its run.json (reading,extracting,writing,finishing; "-" for zcat).
run_once() {
    rm -rf "$work/out"
    /usr/bin/time -v -o "$work/time.txt" "$@" > /dev/null
    local s rss cpu account=-
    s=$(awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,p,":"); t=0; for(i=1;i<=n;i++) t=t*60+p[i]; print t}' "$work/time.txt")
    rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$work/time.txt")
    cpu=$(awk -F': ' '/User time|System time/ {t+=$2} END {print t}' "$work/time.txt")
    if [ -s "$work/out/run.json" ]; then
        # (a build from before the account has none)
        account=$(python3 -c "import json, sys; c = json.load(open(sys.argv[1])).get('cpu'); print(','.join(str(c[k]) for k in ('reading', 'extracting', 'writing', 'finishing')) if c else '-')" "$work/out/run.json")
    fi
    echo "$s $rss $cpu $account"
}

# The serial share (issue 29): the CPU time of the work that stays on one thread whatever
# `--threads` says (reading, writing, finishing) per MB of article text, against the workers'
# extraction, from the run's own account (run.json `cpu`: per-thread CPU clocks), and Amdahl's
# projection 1 / (s + (1 - s) / N) of the speed-up on N cores.
serial_report() {  # label account
    python3 - "$1" "$2" "$text_bytes" <<'EOF3'
import sys
label, account, text_bytes = sys.argv[1], sys.argv[2], float(sys.argv[3])
reading, extracting, writing, finishing = map(float, account.split(","))
mb = text_bytes / 1e6
serial = reading + writing + finishing
s = serial / (serial + extracting)
proj = lambda n: 1 / (s + (1 - s) / n)
print(f"{label:<14} serial share {100 * s:4.1f}%  CPU ms/MB: reading {1000 * reading / mb:5.2f}  writing {1000 * writing / mb:5.2f}"
      f"  finishing {1000 * finishing / mb:4.2f}  extracting {1000 * extracting / mb:5.2f}"
      f"  projected speed-up: {proj(4):.1f}x on 4 cores, {proj(16):.1f}x on 16, {proj(64):.1f}x on 64")
EOF3
}

# `--threads N` is the number of extraction threads; reading and writing overlap with them on
# threads of their own, so MB per CPU-second is the per-core figure.
# Idle is the share of the cores' time the run did not use: 1 - CPU / (cores x wall), with one
# core for the pinned run and every core of the machine otherwise.
report() {  # input threads seconds rss_kb cpu_seconds median_seconds
    local mbps aps rss_mb per_core cores idle
    mbps=$(awk "BEGIN {printf \"%.1f\", $text_bytes / 1e6 / $3}")
    aps=$(awk "BEGIN {printf \"%.0f\", $n_articles / $3}")
    rss_mb=$(awk "BEGIN {printf \"%.0f\", $4 / 1024}")
    per_core=$(awk "BEGIN {printf \"%.1f\", $text_bytes / 1e6 / $5}")
    cores=$(nproc); [ "$2" = 1core ] && cores=1
    idle=$(awk "BEGIN {printf \"%.0f\", 100 * (1 - $5 / ($cores * $3))}")
    set -- "$1$suffix" "${@:2}"
    printf '%-8s threads=%s  %6.2f s (median %6.2f s)  %7s MB/s  %8s articles/s  %6s MB per CPU-s  idle %3s%%  peak RSS %s MB\n' \
        "$1" "$2" "$3" "$6" "$mbps" "$aps" "$per_core" "$idle" "$rss_mb"
    printf '%s\t%s\t%s\t%s\t%.1f\t%s\t%.2f\t%s\t%s\t%s\t%s\t%.2f\n' "$date" "$commit" "$1" "$2" \
        "$(awk "BEGIN {print $text_bytes / 1e6}")" "$n_articles" "$3" "$mbps" "$aps" "$rss_mb" "$per_core" "$6" >> "$results"
}

echo "corpus: $corpus ($(awk "BEGIN {printf \"%.0f\", $text_bytes / 1e6}") MB of article text, $n_articles articles); binary: $bin; best of $runs"
# The configurations, run round-robin RUNS times, so that the VM's slow and fast minutes fall on
# every configuration alike (run one after another, two configurations measured minutes apart
# differed by up to 30% on the same binary); the fastest run of each counts.
declare -a labels commands
for input in $inputs; do
    file="$corpus"; [ "$input" = gzip ] && file="$corpus.gz"; [ "$input" = csv ] && file="$csv_corpus"
    for threads in $threads_list; do
        labels+=("$input $threads")
        commands+=("$bin extract $file --out $work/out --format parquet,csv -q --threads $threads")
    done
    # The whole run on one core (reader, extraction and writer threads all pinned to CPU 0): the
    # per-core throughput, and the baseline a run on every core is compared with.
    if [ "${ONE_CORE:-1}" = 1 ] && command -v taskset > /dev/null; then
        labels+=("$input 1core")
        commands+=("taskset -c 0 $bin extract $file --out $work/out --format parquet,csv -q --threads 1")
    fi
done
if [[ " $inputs " == *" gzip "* ]] && [[ " $inputs " == *" jsonl "* ]]; then
    labels+=("zcat -")
    commands+=("")  # run below, with its redirection
fi
declare -A best_s best_rss best_cpu best_account all_s seconds medians
for _ in $(seq "$runs"); do
    for i in "${!labels[@]}"; do
        label="${labels[$i]}"
        if [ "$label" = "zcat -" ]; then
            read -r s rss cpu account < <(run_once sh -c "zcat '$corpus.gz' > /dev/null")
        else
            # shellcheck disable=SC2086  # the command is words, none with spaces
            read -r s rss cpu account < <(run_once ${commands[$i]})
        fi
        all_s[$label]="${all_s[$label]:-} $s"
        if [ -z "${best_s[$label]:-}" ] || awk "BEGIN {exit !($s < ${best_s[$label]})}"; then
            best_s[$label]=$s; best_rss[$label]=$rss; best_cpu[$label]=$cpu; best_account[$label]=$account
        fi
    done
done
for label in "${labels[@]}"; do
    read -r input threads <<< "$label"
    [ "$input" = zcat ] && continue
    seconds[$input$threads]=${best_s[$label]}
    medians[$input$threads]=$(tr ' ' '\n' <<< "${all_s[$label]}" | grep . | sort -g | awk '{v[NR]=$1} END {print (NR % 2) ? v[(NR+1)/2] : (v[NR/2] + v[NR/2+1]) / 2}')
    report "$input" "$threads" "${best_s[$label]}" "${best_rss[$label]}" "${best_cpu[$label]}" "${medians[$input$threads]}"
done
echo "Serial share by the runs' own CPU account (fastest run of each):"
for label in "${labels[@]}"; do
    [ "${best_account[$label]:--}" = - ] || serial_report "$label$suffix" "${best_account[$label]}"
done
if [ -n "${seconds[gzip1]:-}" ] && [ -n "${seconds[jsonl1]:-}" ] && [ -n "${best_s[zcat -]:-}" ]; then
    zs=${best_s[zcat -]}
    echo "zcat alone: $zs s; gzip input costs $(awk "BEGIN {printf \"%.2f\", ${seconds[gzip1]} - ${seconds[jsonl1]}}") s over plain JSONL (1 thread)"
    printf '%s\t%s\tzcat\t1\t\t\t%.2f\t\t\t\n' "$date" "$commit" "$zs" >> "$results"
fi
for input in $inputs; do
    if [ -n "${seconds[${input}1]:-}" ] && [ -n "${seconds[${input}2]:-}" ]; then
        echo "2-thread speed-up ($input): $(awk "BEGIN {printf \"%.2f\", ${seconds[${input}1]} / ${seconds[${input}2]}}")x (medians: $(awk "BEGIN {printf \"%.2f\", ${medians[${input}1]} / ${medians[${input}2]}}")x)"
    fi
    if [ -n "${seconds[${input}1core]:-}" ] && [ -n "${seconds[${input}2]:-}" ]; then
        echo "2 threads on 2 cores over the whole run on 1 core ($input): $(awk "BEGIN {printf \"%.2f\", ${seconds[${input}1core]} / ${seconds[${input}2]}}")x (medians: $(awk "BEGIN {printf \"%.2f\", ${medians[${input}1core]} / ${medians[${input}2]}}")x)"
    fi
done
