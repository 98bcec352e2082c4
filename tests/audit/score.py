#!/usr/bin/env python3
"""Counts the verdicts of a precision audit (see tests/audit/README.md).

  tests/audit/score.py VERDICTS.jsonl
"""
import json, sys
from collections import Counter

rows = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8") if l.strip()]
n = len(rows)
for key in ("statement", "span", "speaker_name"):
    ok = sum(1 for r in rows if r.get(key) == "yes")
    print(f"{key}: {ok}/{n} right")
problems = Counter(r.get("problem") for r in rows if r.get("problem"))
for problem, count in problems.most_common():
    print(f"  {count:3d}  {problem}")
