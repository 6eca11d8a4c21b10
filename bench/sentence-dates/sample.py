#!/usr/bin/env python3
"""Draw the sentence-date sample as GUIDE.md says and print its byte spans.

    python3 bench/sentence-dates/sample.py DATA START STEP [--text]

DATA is the Timeline17 folder; the sample is every STEP-th article file under
`*/InputDocs/` sorted by path, starting from the START-th (1-based). In each article the
lines of four words or more are taken: the first three, plus every later one holding a
date word. Prints `id<TAB>start<TAB>end` per selected line (the line's bytes without
surrounding white space); with --text the line follows (for labelling only: never commit it).
"""
import os
import re
import sys

MONTHS = ("january february march april may june july august september october "
          "november december jan feb mar apr jun jul aug sep sept oct nov dec").split()
WEEKDAYS = "monday tuesday wednesday thursday friday saturday sunday".split()
# Case-sensitive: month and weekday names capitalised ("may" the verb is not one), the
# other words lower case.
DATE_WORD = re.compile(
    r"\b(?:" + "|".join(w.capitalize() for w in MONTHS + WEEKDAYS) + r")\b"
    r"|\b(?:19|20)\d\d\b"
    r"|\b(?:yesterday|today|tonight|tomorrow|ago)\b"
    r"|\b(?:last|next|this)\s+(?:week|month|year)\b"
)


def articles(data):
    out = []
    for topic in sorted(os.listdir(data)):
        docs = os.path.join(data, topic, "InputDocs")
        if not os.path.isdir(docs):
            continue
        for day in sorted(os.listdir(docs)):
            if not re.fullmatch(r"\d{4}-\d\d-\d\d", day):
                continue
            for f in sorted(os.listdir(os.path.join(docs, day))):
                out.append(f"{topic}/InputDocs/{day}/{f}")
    return out


def lines(raw):
    """(start, end) of each line's bytes without surrounding white space."""
    at = 0
    for line in raw.split(b"\n"):
        s = len(line) - len(line.lstrip())
        e = len(line.rstrip())
        if e > s:
            yield at + s, at + e
        at += len(line) + 1


def select(raw):
    taken = 0
    for s, e in lines(raw):
        text = raw[s:e].decode("utf-8", "replace")
        if len(text.split()) < 4:
            continue
        taken += 1
        if taken <= 3 or DATE_WORD.search(text):
            yield s, e, text


def main():
    data, start, step = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    show = "--text" in sys.argv
    for id in articles(data)[start - 1::step]:
        raw = open(os.path.join(data, id), "rb").read()
        for s, e, text in select(raw):
            print(f"{id}\t{s}\t{e}" + (f"\t{text}" if show else ""))


if __name__ == "__main__":
    main()
