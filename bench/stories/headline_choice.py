#!/usr/bin/env python3
"""Which headline should name an event? Scored on the AllSides stories.

Each AllSides story has three outlets' articles and the editors' own neutral headline
(`issue`). For every story, the headline of the first-published article and the headline
most like the other two (cosine of word counts against the sum of the others', as rule
`representative_headline` in `stories/headline.rs` chooses; ties keep the earlier) are
scored by ROUGE-1 F against the editors' headline, over all stories and per half (even and
odd story ids). Words here are lower-cased with a short stop list and no stemming; the
rule itself reads the stories stage's stemmed terms.

usage: bench/stories/headline_choice.py ../shared/datasets/framing-allsides/articles.jsonl
"""
import collections
import json
import math
import re
import sys

STOP = set(
    "the a an of to in on for and or but is are was were be been with at by from as that "
    "this it its into over after before about than their his her they he she we you not no "
    "will would could should has have had says said say new".split()
)


def words(s):
    return [w for w in re.findall(r"[a-z0-9']+", (s or "").lower()) if w not in STOP]


def rouge1(a, b):
    x, y = collections.Counter(words(a)), collections.Counter(words(b))
    o = sum((x & y).values())
    if not o:
        return 0.0
    p, r = o / sum(x.values()), o / sum(y.values())
    return 2 * p * r / (p + r)


def cosine(a, b):
    dot = sum(a[k] * b[k] for k in a if k in b)
    na = math.sqrt(sum(v * v for v in a.values()))
    nb = math.sqrt(sum(v * v for v in b.values()))
    return dot / (na * nb) if na and nb else 0.0


def representative(heads):
    vecs = [collections.Counter(words(h)) for h in heads]
    total = collections.Counter()
    for v in vecs:
        total.update(v)
    best, best_score = 0, None
    for i, v in enumerate(vecs):
        rest = total.copy()
        rest.subtract(v)
        score = cosine(v, +rest)
        if best_score is None or score > best_score + 1e-9:
            best, best_score = i, score
    return best


def main(path):
    stories = collections.defaultdict(list)
    for line in open(path, encoding="utf-8"):
        d = json.loads(line)
        stories[d["story"]].append(d)
    scores = collections.defaultdict(lambda: collections.defaultdict(list))
    for sid, arts in stories.items():
        arts = sorted((a for a in arts if a.get("title")), key=lambda a: (a.get("date") or "", a["outlet"]))
        if len(arts) < 2:
            continue
        issue = arts[0]["issue"]
        heads = [a["title"] for a in arts]
        chosen = heads[representative(heads)]
        for half in ("all", "even" if sid % 2 == 0 else "odd"):
            scores[half]["first published"].append(rouge1(heads[0], issue))
            scores[half]["most like the others"].append(rouge1(chosen, issue))
    for half in ("all", "even", "odd"):
        row = ", ".join(f"{k} {sum(v) / len(v):.3f}" for k, v in scores[half].items())
        print(f"{half:4} ({len(scores[half]['first published'])} stories): {row}")


if __name__ == "__main__":
    main(sys.argv[1])
