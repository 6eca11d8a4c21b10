#!/usr/bin/env python3
"""Does a storyline's title name what its stories are about? Scored on the AllSides stories.

AllSides groups three outlets' articles into a story and gives it the editors' own neutral
headline (`issue`). Digest the articles (as JSON Lines the digest reads), list the
storylines, and score each storyline's title by ROUGE-1 F against the editors' headline of
every AllSides story with articles in it (stories weighted alike, and by their articles in
the storyline), over storylines that hold two stories or more; per half (even and odd story
ids) too. The words are those of `headline_choice.py` (lower case, a short stop list).

usage:
  bench/stories/storyline_titles.py input ARTICLES.jsonl > as.jsonl
  storyline digest --db as.db as.jsonl
  storyline stories --db as.db --format jsonl --limit 100000 > storylines.jsonl
  bench/stories/storyline_titles.py score ARTICLES.jsonl storylines.jsonl
"""
import collections
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from headline_choice import rouge1  # noqa: E402


def rows(path):
    with open(path, encoding="utf-8") as f:
        for line in f:
            yield json.loads(line)


def to_input(articles):
    for r in rows(articles):
        print(json.dumps({
            "outlet": r["outlet"], "url": r["url"], "title": r["title"],
            "published": r["date"], "text": "\n\n".join(r["paragraphs"]),
        }))


def score(articles, listing):
    story_of = {r["url"]: (r["story"], r["issue"]) for r in rows(articles)}
    sums = {h: [0.0, 0, 0.0, 0] for h in ("all", "even", "odd")}
    scored = 0
    for s in rows(listing):
        stories = collections.Counter(
            story_of[a["url"]] for e in s["events"] for a in e["articles"] if a.get("url") in story_of
        )
        if len(stories) < 2:
            continue
        scored += 1
        for (sid, issue), n in stories.items():
            r = rouge1(s.get("title") or "", issue)
            for h in ("all", "even" if sid % 2 == 0 else "odd"):
                sums[h][0] += r
                sums[h][1] += 1
                sums[h][2] += r * n
                sums[h][3] += n
    print(f"storylines with two AllSides stories or more: {scored}")
    for h, (r, n, rw, nw) in sums.items():
        print(f"{h:5} ROUGE-1 F, stories alike {r / n:.3f}  by articles {rw / nw:.3f}  ({n} stories)")


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "input":
        to_input(sys.argv[2])
    elif len(sys.argv) == 4 and sys.argv[1] == "score":
        score(sys.argv[2], sys.argv[3])
    else:
        sys.exit(__doc__)
