"""whosaid on Apache Spark: quotes from a corpus too large for one machine.

Reads articles (JSON Lines or Parquet, a path or a glob), pipes every partition through the
`whosaid` binary in streaming mode (`whosaid extract - --out - --format jsonl`), and writes the
quote rows as Parquet partitioned by `published`, with the columns and types `whosaid extract`
writes locally.

    spark-submit --master yarn --files target/release/whosaid \\
        pipelines/spark/whosaid_spark.py --input 'hdfs:///news/2025/*.jsonl' --output hdfs:///whosaid/quotes

The binary travels with `--files` (or `--binary PATH`, which calls SparkContext.addFile) and each
executor finds its copy with SparkFiles.get("whosaid").

Why mapInArrow and not RDD.pipe: RDD.pipe hands back lines of text, so every column would come
back as a string and need casting; mapInArrow lets the function yield Arrow record batches in an
explicit schema (int64 offsets, date32 `published`), so the output has the local table's types
from the start, and rows move between the JVM and Python in columnar batches.
"""
import argparse
import datetime
import json
import os
import subprocess
import sys
import threading

import pyarrow as pa

# The quote table's columns and types, as `whosaid extract` writes them (see README "Output").
INT = ("quote_idx", "quote_start", "quote_end", "cue_start", "cue_end", "speaker_start", "speaker_end")
DATES = ("said_on_date", "published")
COLUMNS = [
    "article_id", "quote_idx", "quote_text", "quote_start", "quote_end", "quote_type", "quote_parts",
    "cue", "cue_start", "cue_end", "speaker", "speaker_start", "speaker_end", "speaker_name",
    "speaker_title", "speaker_type", "speaker_gender", "person_id", "said_on", "said_on_date", "said_on_precision",
    "said_on_source", "published", "outlet", "title",
    "url", "lang", "rule",
]
ARROW_SCHEMA = pa.schema(
    [(c, pa.int64() if c in INT else pa.date32() if c in DATES else pa.string()) for c in COLUMNS]
)
# The article columns whosaid reads (its usual names for each field; see `whosaid extract --help`).
ARTICLE_FIELDS = (
    "id", "article_id", "doc_id", "text", "body", "content", "article", "story", "maintext", "full_text",
    "published", "date", "published_at", "pubdate", "date_publish", "publish_date", "publication_date",
    "title", "headline", "outlet", "source", "publisher", "source_domain", "url", "link", "author", "authors", "byline",
    "lang", "language", "lang_code",
)
BATCH_ROWS = 10_000


def spark_schema():
    from pyspark.sql import types as T

    def spark_type(c):
        return T.LongType() if c in INT else T.DateType() if c in DATES else T.StringType()

    return T.StructType([T.StructField(c, spark_type(c), True) for c in COLUMNS])


def _article_json(row):
    record = {k: v for k, v in row.items() if k in ARTICLE_FIELDS and v is not None}
    if isinstance(record.get("published"), (datetime.date, datetime.datetime)):
        record["published"] = record["published"].isoformat()
    return json.dumps(record, ensure_ascii=False, default=str) + "\n"


def _quote_row(line):
    row = json.loads(line)
    for column in DATES:
        if row.get(column):
            row[column] = datetime.date.fromisoformat(row[column])
    return row


def run_whosaid(batches, binary):
    """Streams one partition's articles through the binary and yields its quote rows."""
    os.chmod(binary, 0o755)
    proc = subprocess.Popen(
        [binary, "extract", "-", "--out", "-", "--format", "jsonl", "--threads", "1"],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )
    feed_error = []

    def feed():
        try:
            for batch in batches:
                for row in batch.to_pylist():
                    proc.stdin.write(_article_json(row).encode("utf-8"))
        except Exception as err:  # reported after the process ends
            feed_error.append(err)
        finally:
            proc.stdin.close()

    rejects = []
    feeder = threading.Thread(target=feed, daemon=True)
    drainer = threading.Thread(target=lambda: rejects.extend(proc.stderr), daemon=True)
    feeder.start()
    drainer.start()
    rows = []
    for line in proc.stdout:
        rows.append(_quote_row(line))
        if len(rows) >= BATCH_ROWS:
            yield pa.RecordBatch.from_pylist(rows, schema=ARROW_SCHEMA)
            rows = []
    feeder.join()
    drainer.join()
    code = proc.wait()
    if rows:
        yield pa.RecordBatch.from_pylist(rows, schema=ARROW_SCHEMA)
    # Rejected records are JSON Lines on the binary's standard error: keep them in the
    # executor's log, where `yarn logs` or the Spark UI shows them.
    for line in rejects:
        sys.stderr.write("whosaid reject: " + line.decode("utf-8", "replace"))
    if feed_error:
        raise feed_error[0]
    if code not in (0, 3):  # 3: some records were rejected, the rest written
        raise RuntimeError(f"whosaid exited with {code}")


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--input", required=True, help="articles: JSON Lines or Parquet, a path or a glob")
    parser.add_argument("--output", required=True, help="folder for the quotes, Parquet partitioned by published")
    parser.add_argument("--format", choices=("jsonl", "parquet"), help="input format (default: from the name)")
    parser.add_argument("--binary", help="path of the whosaid binary to ship (else: spark-submit --files)")
    parser.add_argument("--partitions", type=int, help="repartition the articles first")
    args = parser.parse_args(argv)

    from pyspark import SparkFiles
    from pyspark.sql import SparkSession

    spark = SparkSession.builder.appName("whosaid").getOrCreate()
    if args.binary:
        spark.sparkContext.addFile(args.binary)
    fmt = args.format or ("parquet" if args.input.rstrip("/*").endswith(".parquet") else "jsonl")
    articles = spark.read.parquet(args.input) if fmt == "parquet" else spark.read.json(args.input)
    if args.partitions:
        articles = articles.repartition(args.partitions)
    keep = [c for c in articles.columns if c in ARTICLE_FIELDS]
    articles = articles.select(*keep)

    def per_partition(batches):
        return run_whosaid(batches, SparkFiles.get("whosaid"))

    quotes = articles.mapInArrow(per_partition, spark_schema())
    quotes.write.mode("overwrite").partitionBy("published").parquet(args.output)
    spark.stop()


if __name__ == "__main__":
    main()
