#!/usr/bin/env python3
"""Draws the rows of a precision audit: N rows at random (a fixed seed) from a quotes table of
the sample corpus, each with the paragraphs around it, for a reader to judge against its article.

  tests/audit/draw.py QUOTES.csv CORPUS_DIR OUT.jsonl [--n 100] [--seed 2026]

Each output line: article_id, quote_idx, quote_text, quote_type, cue, speaker, speaker_name,
rule, `quote_parts` (the parts' texts, for an interrupted statement only) and `context` (the statement's paragraph and the one before, with the statement marked
⟦…⟧). A reader adds the verdicts (see tests/audit/README.md) and tests/audit/score.py counts them.
"""
import argparse, csv, json, os, random, sys

ap = argparse.ArgumentParser()
ap.add_argument("quotes"); ap.add_argument("corpus"); ap.add_argument("out")
ap.add_argument("--n", type=int, default=100); ap.add_argument("--seed", type=int, default=2026)
a = ap.parse_args()

sys.dont_write_bytecode = True  # nothing written beside the checkout's files
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from corpus_texts import corpus_texts  # noqa: E402

csv.field_size_limit(1 << 30)
texts = corpus_texts(a.corpus)

rows = list(csv.DictReader(open(a.quotes, encoding="utf-8", newline="")))
picked = sorted(random.Random(a.seed).sample(range(len(rows)), min(a.n, len(rows))))
with open(a.out, "w", encoding="utf-8") as out:
    for i in picked:
        r = rows[i]
        text = texts[r["article_id"]]
        s, e = int(r["quote_start"]), int(r["quote_end"])
        para_start = text.rfind("\n\n", 0, s)
        para_start = text.rfind("\n\n", 0, max(para_start, 0)) if para_start > 0 else 0
        para_end = text.find("\n\n", e)
        para_end = len(text) if para_end < 0 else para_end
        para_start = max(para_start, s - 1500)
        para_end = min(para_end, e + 600)
        context = text[max(para_start, 0):s] + "⟦" + text[s:e] + "⟧" + text[e:para_end]
        keep = ("article_id", "quote_idx", "quote_text", "quote_type", "cue", "speaker", "speaker_name", "rule")
        record = {k: r[k] for k in keep}
        # An interrupted statement's parts ("a-b;c-d", code points), which its span is judged by.
        parts = [p.split("-") for p in r.get("quote_parts", "").split(";") if p]
        if len(parts) > 1:
            record["quote_parts"] = [text[int(a):int(b)] for a, b in parts]
        record["context"] = context.strip()
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
print(f"{len(picked)} rows of {len(rows)} drawn with seed {a.seed} into {a.out}")
