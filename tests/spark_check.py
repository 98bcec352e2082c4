#!/usr/bin/env python3
"""The Spark job gives the rows `whosaid extract` gives: runs pipelines/spark/whosaid_spark.py in
local[2] mode on the sample corpus and compares rows, values and column types with a local run.

  spark_check.py BINARY WORKDIR     (run by .ci/run inside the Spark virtual environment)
"""
import csv
import glob
import json
import os
import subprocess
import sys
import time

import pyarrow.dataset as ds
import pyarrow.parquet as pq

binary, work = os.path.abspath(sys.argv[1]), sys.argv[2]
root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
os.makedirs(work, exist_ok=True)

# The sample corpus as one JSON Lines file; a Wikinews row has no id, so its url names it.
articles = os.path.join(work, "sample.jsonl")
with open(articles, "w", encoding="utf-8") as out:
    for path in sorted(glob.glob(os.path.join(root, "sample_corpus", "*"))):
        if path.endswith(".jsonl"):
            for line in open(path, encoding="utf-8"):
                out.write(line if line.endswith("\n") else line + "\n")
        elif path.endswith(".csv"):
            for row in csv.DictReader(open(path, encoding="utf-8", newline="")):
                record = {"text": row["text"], "published": row["date"], "title": row["title"], "url": row["url"]}
                out.write(json.dumps(record, ensure_ascii=False) + "\n")

local = os.path.join(work, "local")
started = time.time()
subprocess.run([binary, "extract", articles, "--out", local, "--format", "parquet", "--quiet"], check=True)
local_seconds = time.time() - started

spark_out = os.path.join(work, "spark")
job = os.path.join(root, "pipelines", "spark", "whosaid_spark.py")
import pyspark

venv_bin = os.path.dirname(sys.executable)
env = dict(os.environ, SPARK_HOME=os.path.dirname(pyspark.__file__), PYSPARK_PYTHON=sys.executable,
           PYSPARK_DRIVER_PYTHON=sys.executable, PATH=venv_bin + os.pathsep + os.environ.get("PATH", ""))
started = time.time()
subprocess.run(
    [os.path.join(os.path.dirname(sys.executable), "spark-submit"), "--master", "local[2]", "--conf", "spark.ui.enabled=false",
     "--conf", "spark.log.level=ERROR",
     job, "--input", articles, "--output", spark_out, "--binary", binary, "--partitions", "4"],
    check=True, env=env,
)
spark_seconds = time.time() - started

local_table = pq.read_table(os.path.join(local, "quotes.parquet"))
spark_table = ds.dataset(spark_out, format="parquet", partitioning="hive").to_table()
# Hive partition values come back as strings or dates depending on the reader: compare as dates.
import pyarrow as pa
import pyarrow.compute as pc

published = spark_table.column("published")
if published.type != pa.date32():
    published = pc.cast(pc.if_else(pc.equal(published.cast(pa.string()), "__HIVE_DEFAULT_PARTITION__"), None, published.cast(pa.string())), pa.date32())
spark_table = spark_table.set_column(spark_table.schema.get_field_index("published"), "published", published)
spark_table = spark_table.select(local_table.column_names)


def normal(t):
    return str(t).replace("string_view", "string").replace("large_string", "string")


local_types = {f.name: normal(f.type) for f in local_table.schema}
spark_types = {f.name: normal(f.type) for f in spark_table.schema}
assert local_types == spark_types, (local_types, spark_types)


def rows(table):
    return sorted(json.dumps(r, sort_keys=True, default=str) for r in table.to_pylist())


local_rows, spark_rows = rows(local_table), rows(spark_table)
assert len(local_rows) > 500, len(local_rows)
assert local_rows == spark_rows, f"{len(local_rows)} local rows, {len(spark_rows)} from Spark; first difference: " + next(
    (f"{a} | {b}" for a, b in zip(local_rows, spark_rows) if a != b), "(lengths)"
)
n_partitions = len(glob.glob(os.path.join(spark_out, "published=*")))
print(
    f"spark check: {len(spark_rows)} quote rows equal to whosaid extract's, same columns and types; "
    f"{n_partitions} published= partitions; local[2] job {spark_seconds:.1f} s, plain extract {local_seconds:.2f} s"
)
