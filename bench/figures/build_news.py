#!/usr/bin/env python3
"""Builds news-quantities.jsonl from the annotated sources in src/*.txt (python3, stdlib only).

Source format, one sentence a line ('#' lines are comments): each quantity is written inline as
[SPAN|VALUE|UNIT|CHANGE], where SPAN is the sentence text of the quantity, VALUE is a number or an
arithmetic expression ("2.5e9", "1/3"), or "LOW..HIGH" for a two-sided range, UNIT is the normalised
unit or empty (null), CHANGE one of ~ > >= < <= up down or empty (null). A one-sided bound gets its
closed side from CHANGE (see GUIDELINES.md). Qualifier words at the start of a span ("more than",
"about", ...) are left outside it, as the guidelines say; offsets are UTF-8 byte offsets.
usage: build_news.py [SRC_DIR] [OUT.jsonl]"""
import glob, json, os, re, sys

HERE = os.path.dirname(os.path.abspath(__file__))
QUALIFIERS = ["more than", "fewer than", "less than", "no more than", "at least", "up to", "at most",
              "about", "around", "roughly", "nearly", "almost", "some", "over", "under", "just",
              "an estimated", "an extra", "a further", "approximately", "only", "below", "above"]
MARK = re.compile(r"\[([^\[\]|]+)\|([^\[\]|]*)\|([^\[\]|]*)\|([^\[\]|]*)\]")
CHANGES = {"", "~", ">", ">=", "<", "<=", "up", "down"}


def number(expr):
    if not re.fullmatch(r"[-0-9.e+*/ ]+", expr):
        raise ValueError(f"bad value {expr!r}")
    return float(eval(expr, {"__builtins__": {}}))  # digits and arithmetic only, checked above


def parse(line):
    text, quantities, pos = "", [], 0
    for m in MARK.finditer(line):
        text += line[pos:m.start()]
        span, val, unit, change = m.groups()
        if change not in CHANGES:
            raise ValueError(f"bad change {change!r} in {line!r}")
        lead = 0
        low_span = span.lower()
        for q in sorted(QUALIFIERS, key=len, reverse=True):
            if low_span.startswith(q + " ") and len(span) > len(q) + 1:
                lead = len(q) + 1
                break
        start = len(text.encode()) + len(span[:lead].encode())
        text += span
        value = low = high = None
        if ".." in val:
            lo, hi = val.split("..")
            low, high = number(lo), number(hi)
        else:
            value = number(val)
            if change in (">", ">="):
                low = value
            elif change in ("<", "<="):
                high = value
        quantities.append({"start": start, "end": len(text.encode()), "text": span[lead:],
                           "value": value, "low": low, "high": high,
                           "unit": unit or None, "change": change or None})
        pos = m.end()
    text += line[pos:]
    if "[" in text or "]" in text or "|" in text:
        raise ValueError(f"unbalanced mark-up in {line!r}")
    return text, quantities


def main():
    src = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, "src")
    out = sys.argv[2] if len(sys.argv) > 2 else os.path.join(HERE, "news-quantities.jsonl")
    rows = []
    for path in sorted(glob.glob(os.path.join(src, "*.txt"))):
        for line in open(path, encoding="utf-8"):
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            text, quantities = parse(line)
            rows.append({"id": f"nq-{len(rows) + 1:03d}", "text": text, "quantities": quantities})
    with open(out, "w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(f"{len(rows)} sentences, {sum(len(r['quantities']) for r in rows)} quantities -> {out}")


if __name__ == "__main__":
    main()
