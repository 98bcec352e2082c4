#!/usr/bin/env bash
# The checks that need the shared evaluation material beside the checkout (../shared): the
# accuracy of the release binary on every annotated set, held to floors, and differential runs on
# large real corpora. `cargo test --release` needs none of it; .ci/run runs this after it.
#
#   tests/eval.sh            (from the project root, after cargo test --release or build)
#
# Floors are the figures of the last change that moved them, rounded down: a drop fails CI, a
# gain is recorded by raising the floor in the same commit.
set -euo pipefail
cd "$(dirname "$0")/.."

shared=../shared
eval_dir="$shared/eval"
if [ ! -f "$eval_dir/score.py" ] || [ ! -d "$eval_dir/polnear-dev" ]; then
  cat >&2 <<MSG
tests/eval.sh needs the shared evaluation material beside the checkout:
  $eval_dir/score.py and the sets $eval_dir/{seed,wikinews-names,polnear-dev,polnear-train,german-dev}/
  (each articles.jsonl and gold.jsonl; see $eval_dir/FORMAT.md), and python3.
It is not there, so nothing was checked. A user's clone does not need it: cargo test --release
runs everything that does not.
MSG
  exit 2
fi
command -v python3 >/dev/null || { echo "tests/eval.sh needs python3" >&2; exit 2; }

bin=target/release/whosaid
[ -x "$bin" ] || cargo build --release --quiet
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# set -> floors (score.py --min keys)
declare -A floors=(
  [seed]="quote_f1@0.3=1.0,quote_f1@0.8=1.0,speaker_acc=1.0,e2e_f1=1.0"
  [wikinews-names]="quote_f1@0.3=0.92,speaker_acc=1.0,e2e_f1=0.92"
  [polnear-dev]="quote_f1@0.3=0.72,quote_f1@0.8=0.655,speaker_acc=0.86,e2e_f1=0.625"
  [polnear-train]="quote_f1@0.3=0.68,quote_f1@0.8=0.605,speaker_acc=0.87,e2e_f1=0.595"
  [german-dev]="quote_f1@0.3=0.75,quote_f1@0.8=0.715,speaker_acc=0.77,e2e_f1=0.58,recall_indirect=0.63"
  [german-train]="quote_f1@0.3=0.78,quote_f1@0.8=0.75,speaker_acc=0.73,e2e_f1=0.575,recall_indirect=0.70"
)
failed=0
for set in seed wikinews-names polnear-dev polnear-train german-dev german-train; do
  "$bin" extract "$eval_dir/$set/articles.jsonl" --out "$work/$set" --format csv,jsonl,parquet --quiet
  if summary=$(python3 "$eval_dir/score.py" "$eval_dir/$set/gold.jsonl" "$work/$set/quotes.csv" --min "${floors[$set]}" | tail -1); then
    echo "eval $set: $summary"
  else
    echo "eval $set: BELOW FLOOR (${floors[$set]}): $summary" >&2
    failed=1
  fi
done

# `whosaid eval` against score.py on every set beside the checkout: the same report, errors
# listed, from the CSV table, the output folder (its JSON Lines table) and the Parquet table,
# and the same figures in --json.
for gold in "$eval_dir"/*/gold.jsonl; do
  set=$(basename "$(dirname "$gold")")
  [ -d "$work/$set" ] || "$bin" extract "$eval_dir/$set/articles.jsonl" --out "$work/$set" --format csv,jsonl,parquet --quiet
  python3 "$eval_dir/score.py" "$gold" "$work/$set/quotes.csv" --errors 50 --json "$work/$set/score.json" > "$work/$set/score.txt"
  same=1
  for pred in "$work/$set/quotes.csv" "$work/$set" "$work/$set/quotes.parquet"; do
    "$bin" eval "$gold" "$pred" --errors 50 --json "$work/$set/eval.json" > "$work/$set/eval.txt"
    if ! cmp -s "$work/$set/score.txt" "$work/$set/eval.txt" || ! python3 - "$work/$set/score.json" "$work/$set/eval.json" <<'PY'
import json, math, sys
a, b = (json.load(open(p)) for p in sys.argv[1:3])
sys.exit(0 if list(a) == list(b) and all(math.isclose(a[k], b[k], abs_tol=1e-12) for k in a) else 1)
PY
    then
      echo "eval differential $set: whosaid eval differs from score.py on $pred:" >&2
      diff "$work/$set/score.txt" "$work/$set/eval.txt" | head -5 >&2 || true
      same=0
      failed=1
    fi
  done
  [ "$same" = 1 ] && echo "eval differential $set: whosaid eval = score.py (csv, folder, parquet)"
done

# A mixed-language corpus in one pass: the sample corpus and the German sets together. Each
# article's language is told right (99% at least of each set; all of them today), and the German
# articles' rows are those of a run over them alone.
"$bin" extract sample_corpus "$eval_dir/german-dev/articles.jsonl" "$eval_dir/german-train/articles.jsonl" \
  "$eval_dir/polnear-dev/articles.jsonl" --out "$work/mixed" --format csv --quiet
if python3 - "$work/mixed" "$work/german-dev" "$eval_dir" <<'PY'
import csv, json, sys
mixed, alone, eval_dir = sys.argv[1:4]
csv.field_size_limit(1 << 30)
langs = {r["article_id"]: r["lang"] for r in csv.DictReader(open(f"{mixed}/articles.csv", encoding="utf-8"))}
ok = True
for name, expected in (("german-dev", "de"), ("german-train", "de"), ("polnear-dev", "en")):
    ids = [json.loads(l)["id"] for l in open(f"{eval_dir}/{name}/articles.jsonl", encoding="utf-8")]
    right = sum(langs.get(i) == expected for i in ids)
    print(f"mixed corpus: {name}: {right}/{len(ids)} read as {expected}")
    ok &= right >= 0.99 * len(ids)
sample = [r for r in csv.DictReader(open(f"{mixed}/articles.csv", encoding="utf-8")) if "sample_corpus" in r["file"]]
right = sum(r["lang"] == "en" for r in sample)
print(f"mixed corpus: sample corpus: {right}/{len(sample)} read as en")
ok &= right >= 0.99 * len(sample)
keep = ("article_id", "quote_start", "quote_end", "speaker", "speaker_name", "rule")
dev_ids = {json.loads(l)["id"] for l in open(f"{eval_dir}/german-dev/articles.jsonl", encoding="utf-8")}
rows = lambda path: [tuple(r[k] for k in keep) for r in csv.DictReader(open(path, encoding="utf-8")) if r["article_id"] in dev_ids]
same = rows(f"{mixed}/quotes.csv") == rows(f"{alone}/quotes.csv")
print(f"mixed corpus: german-dev rows {'equal' if same else 'DIFFER from'} a run over german-dev alone")
sys.exit(0 if ok and same else 1)
PY
then :; else echo "mixed corpus: FAILED" >&2; failed=1; fi

# A stream (one batch at a time, split among the workers) gives the rows a table run gives
# (whole batches per worker), on real news larger than the sample corpus.
"$bin" extract - --out - --format jsonl --threads 2 < "$eval_dir/polnear-train/articles.jsonl" > "$work/stream.jsonl"
"$bin" extract "$eval_dir/polnear-train/articles.jsonl" --out "$work/table" --format jsonl --threads 2 --quiet
if cmp -s "$work/stream.jsonl" "$work/table/quotes.jsonl"; then
  echo "eval stream: $(wc -l < "$work/stream.jsonl") polnear-train rows streamed equal quotes.jsonl"
else
  echo "eval stream: the stream's rows differ from quotes.jsonl on polnear-train" >&2
  failed=1
fi
exit "$failed"
