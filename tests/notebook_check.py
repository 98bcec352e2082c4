#!/usr/bin/env python3
"""Proves that whosaid's tables load in a notebook as the README says they do.

  notebook_check.py BINARY WORKDIR

Runs the shipped pipelines (pipelines/sample.toml and pipelines/nightly.toml) into WORKDIR/out/,
then runs every line of the README's Python blocks that follow a `<!-- notebook-check -->` marker,
as written, from WORKDIR: each expression must give a non-empty table. Then checks the typed
columns with pyarrow, pandas, polars and DuckDB, and that Python slicing with the offsets gives
the quote text.
"""
import ast
import os
import re
import subprocess
import sys

import duckdb
import pandas as pd
import polars as pl
import pyarrow as pa
import pyarrow.parquet as pq

sys.dont_write_bytecode = True  # nothing written beside the checkout's files
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from corpus_texts import corpus_texts  # noqa: E402

binary, work = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
out = os.path.join(work, "out")
for name in ("sample", "nightly"):
    pipeline = os.path.join(root, "pipelines", f"{name}.toml")
    subprocess.run([binary, "run", pipeline, "--out", os.path.join(out, name), "--quiet"], check=True)

# The README's notebook lines, as written, from the folder the pipelines' `out/` is in.
readme = open(os.path.join(root, "README.md"), encoding="utf-8").read()
blocks = re.findall(r"<!-- notebook-check -->\s*```python\n(.*?)```", readme, re.S)
assert blocks, "README.md has no <!-- notebook-check --> python block"
os.chdir(work)
namespace = {}
n_lines = 0
for block in blocks:
    for node in ast.parse(block).body:
        code = ast.get_source_segment(block, node)
        if isinstance(node, ast.Expr):
            value = eval(compile(ast.Expression(node.value), "README.md", "eval"), namespace)
            if isinstance(value, duckdb.DuckDBPyRelation):
                value = value.df()
            assert value is not None and len(value) > 0, f"README line gives an empty result: {code}"
        else:
            exec(compile(ast.Module([node], []), "README.md", "exec"), namespace)
        n_lines += 1

quotes_path = os.path.join(out, "sample", "quotes.parquet")
table = pq.read_table(quotes_path)
types = {f.name: f.type for f in table.schema}
assert types["quote_start"] == pa.int64(), types["quote_start"]
assert types["quote_end"] == pa.int64()
assert types["published"] == pa.date32(), types["published"]
assert types["said_on_date"] == pa.date32(), types["said_on_date"]
assert str(types["speaker_name"]) in ("string", "large_string", "string_view"), types["speaker_name"]

df = pd.read_parquet(quotes_path)
assert len(df) == table.num_rows > 0
assert str(df["quote_start"].dtype) == "int64"
from_csv = pd.read_csv(os.path.join(out, "sample", "quotes.csv"), dtype_backend="pyarrow")
assert str(from_csv["cue_start"].dtype) == "int64[pyarrow]", from_csv["cue_start"].dtype
assert len(from_csv) == len(df)
pl_df = pl.read_parquet(quotes_path)
assert pl_df.schema["published"] == pl.Date and pl_df.schema["said_on_date"] == pl.Date
n_duck = duckdb.sql(f"select count(*) from '{quotes_path}'").fetchall()[0][0]
assert n_duck == len(df)
articles = pd.read_parquet(os.path.join(out, "sample", "articles.parquet"))
assert articles["n_quotes"].sum() == len(df)
nightly = pd.read_parquet(os.path.join(out, "nightly", "parquet", "quotes"))
assert len(nightly) == len(df), (len(nightly), len(df))

# The corpus-wide tables the nightly pipeline aggregates after its run (`aggregate = true`): lists
# stay lists, and every person_id of the quotes table is a row of `people`.
people_path = os.path.join(out, "nightly", "people.parquet")
people = pd.read_parquet(people_path)
quotations = pl.read_parquet(os.path.join(out, "nightly", "quotations.parquet"))
assert quotations.schema["outlets"] == pl.List(pl.String), quotations.schema["outlets"]
assert quotations["n_occurrences"].sum() <= len(df)
assert set(df["person_id"].dropna()) == set(people["person_id"]), "person_id differs between quotes and people"
assert duckdb.sql(f"select count(*) from '{people_path}'").fetchall()[0][0] == len(people) > 0

# The texts, keyed as whosaid keys them: `id` for JSON Lines, the url for a CSV row without id.
texts = corpus_texts(os.path.join(root, "sample_corpus"))

checked = 0
for row in df.itertuples():
    text = texts[row.article_id]
    assert text[row.quote_start:row.quote_end] == row.quote_text, (row.article_id, row.quote_idx)
    if row.speaker is not None and not pd.isna(row.speaker_start):
        assert text[int(row.speaker_start):int(row.speaker_end)] == row.speaker
    checked += 1
print(
    f"notebook check: {n_lines} README notebook lines run as written; {checked} quotes load in pyarrow, pandas, "
    f"polars and DuckDB and slice back to their text; {len(quotations)} quotations and {len(people)} people load too"
)
