#!/usr/bin/env python3
"""Proves that whosaid's tables load in a notebook: pyarrow, pandas, polars and DuckDB read
quotes.parquet with typed columns, and Python slicing with the offsets gives the quote text.

  notebook_check.py OUT_DIR CORPUS_DIR
"""
import csv, glob, json, os, sys

import duckdb
import pandas as pd
import polars as pl
import pyarrow as pa
import pyarrow.parquet as pq

out, corpus = sys.argv[1], sys.argv[2]
quotes_path = os.path.join(out, "quotes.parquet")

table = pq.read_table(quotes_path)
types = {f.name: f.type for f in table.schema}
assert types["quote_start"] == pa.int64(), types["quote_start"]
assert types["quote_end"] == pa.int64()
assert types["published"] == pa.date32(), types["published"]
assert str(types["speaker_name"]) in ("string", "large_string", "string_view"), types["speaker_name"]

df = pd.read_parquet(quotes_path)
assert len(df) == table.num_rows > 0
assert str(df["quote_start"].dtype) == "int64"
pl_df = pl.read_parquet(quotes_path)
assert pl_df.schema["published"] == pl.Date
n_duck = duckdb.sql(f"select count(*) from '{quotes_path}'").fetchall()[0][0]
assert n_duck == len(df)
articles = pd.read_parquet(os.path.join(out, "articles.parquet"))
assert articles["n_quotes"].sum() == len(df)

# The texts, keyed as whosaid keys them: `id` for JSON Lines, `<stem>:<row>` for id-less CSV.
texts = {}
csv.field_size_limit(1 << 30)
for path in sorted(glob.glob(os.path.join(corpus, "*"))):
    stem = os.path.basename(path).split(".")[0]
    if path.endswith(".jsonl"):
        for line in open(path, encoding="utf-8"):
            d = json.loads(line)
            texts[str(d["id"])] = d["text"]
    elif path.endswith(".csv"):
        for row_idx, row in enumerate(csv.DictReader(open(path, encoding="utf-8", newline="")), start=1):
            texts[f"{stem}:{row_idx}"] = row["text"]

checked = 0
for row in df.itertuples():
    text = texts[row.article_id]
    assert text[row.quote_start:row.quote_end] == row.quote_text, (row.article_id, row.quote_idx)
    if row.speaker is not None and not pd.isna(row.speaker_start):
        assert text[int(row.speaker_start):int(row.speaker_end)] == row.speaker
    checked += 1
print(f"notebook check: {checked} quotes load in pyarrow, pandas, polars and DuckDB and slice back to their text")
