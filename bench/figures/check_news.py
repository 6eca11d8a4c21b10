#!/usr/bin/env python3
"""Checks a news-quantity JSONL file (gold or predictions): ids unique, offsets are UTF-8 byte offsets
that match the quantity text, spans inside the sentence and not overlapping, fields well-formed
(GUIDELINES.md). python3, stdlib only.  usage: check_news.py [FILE.jsonl]  (exit 1 on a problem)
On an extractor's predictions, overlapping spans and a range given high end first are reported
too; the scorer takes them as they are."""
import json, math, os, sys

CHANGES = {None, "~", ">", ">=", "<", "<=", "up", "down"}
FIELDS = {"start", "end", "text", "value", "low", "high", "unit", "change"}


def problems(row):
    text = row.get("text")
    if not isinstance(row.get("id"), str) or not isinstance(text, str):
        yield "id and text must be strings"
        return
    raw = text.encode()
    last_end = -1
    for q in sorted(row.get("quantities", []), key=lambda q: q.get("start", -1)):
        if set(q) != FIELDS:
            yield f"fields {sorted(set(q) ^ FIELDS)}"
            continue
        s, e = q["start"], q["end"]
        if not (isinstance(s, int) and isinstance(e, int) and 0 <= s < e <= len(raw)):
            yield f"bad offsets {s}..{e}"
            continue
        try:
            piece = raw[s:e].decode()
        except UnicodeDecodeError:
            yield f"offsets {s}..{e} split a character"
            continue
        if piece != q["text"]:
            yield f"text {q['text']!r} != {piece!r} at {s}..{e}"
        if s < last_end:
            yield f"span at {s} overlaps the previous one"
        last_end = e
        for k in ("value", "low", "high"):
            v = q[k]
            if v is not None and (not isinstance(v, (int, float)) or isinstance(v, bool) or not math.isfinite(v)):
                yield f"{k} not a finite number: {v!r}"
        if q["value"] is None and (q["low"] is None or q["high"] is None):
            yield f"{q['text']!r}: no value and not a two-sided range"
        if q["low"] is not None and q["high"] is not None and q["low"] > q["high"]:
            yield f"{q['text']!r}: low > high"
        if q["unit"] is not None and (not isinstance(q["unit"], str) or not q["unit"].strip()):
            yield f"{q['text']!r}: unit must be null or a non-empty string"
        if q["change"] not in CHANGES:
            yield f"{q['text']!r}: change {q['change']!r}"


def main():
    path = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(os.path.abspath(__file__)), "news-quantities.jsonl")
    ids, bad, n_sent, n_q = set(), 0, 0, 0
    for no, line in enumerate(open(path, encoding="utf-8"), 1):
        row = json.loads(line)
        n_sent += 1
        n_q += len(row.get("quantities", []))
        if row.get("id") in ids:
            print(f"line {no}: duplicate id {row.get('id')}")
            bad += 1
        ids.add(row.get("id"))
        for p in problems(row):
            print(f"line {no} ({row.get('id')}): {p}")
            bad += 1
    empty = sum(1 for line in open(path, encoding="utf-8") if not json.loads(line)["quantities"])
    print(f"{path}: {n_sent} sentences ({empty} without a quantity), {n_q} quantities, {bad} problems")
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
