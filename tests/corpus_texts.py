"""The article texts of a corpus folder, keyed as whosaid keys them: `id` for JSON Lines, else
the url of a CSV row without an id. Shared by tests/notebook_check.py and tests/audit/draw.py."""
import csv, glob, json, os


def corpus_texts(folder):
    csv.field_size_limit(1 << 30)
    texts = {}
    for path in sorted(glob.glob(os.path.join(folder, "*"))):
        if path.endswith(".jsonl"):
            for line in open(path, encoding="utf-8"):
                d = json.loads(line)
                texts[str(d["id"])] = d["text"]
        elif path.endswith(".csv"):
            for row in csv.DictReader(open(path, encoding="utf-8", newline="")):
                texts[row.get("id") or row["url"]] = row["text"]
    return texts
