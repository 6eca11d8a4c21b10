"""Writes hostile-size inputs for the peak-memory bench (bench/big_inputs_memory.sh).

Usage: python make_big_inputs.py OUT_DIR [HTML_MB] [JSON_MB]

- big.html: one news-like page of about HTML_MB megabytes (default 48): a header, a menu, an
  article of many invented paragraphs nested in the usual wrappers, a comment list, a footer.
- big.txt: the same paragraphs as plain text, about HTML_MB megabytes.
- long.jsonl: a JSON Lines file whose first line is about JSON_MB megabytes (default 300),
  followed by one ordinary article line (which must still be read).
Every word is generated here: no text from any dataset. There are no quotation marks, so the
time measured is that of reading, extraction and cleaning, not of the quote passes.
"""
import json, os, random, sys

out = sys.argv[1]
html_mb = float(sys.argv[2]) if len(sys.argv) > 2 else 48
json_mb = float(sys.argv[3]) if len(sys.argv) > 3 else 300
os.makedirs(out, exist_ok=True)
rng = random.Random(7)
NAMES = ["Odile Brank", "Tamsin Vey", "Corvin Hale", "Ysolde Marr", "Pell Arkwright"]
PLACES = ["Quillby", "Marrow Point", "Tessel", "Upper Fenwick", "Draycombe"]
VERBS = ["said", "told reporters", "wrote", "added", "argued"]
NOUNS = ["ferry", "council", "budget", "harbour", "school board", "bridge", "market", "levy"]


def paragraph(i):
    who, where = rng.choice(NAMES), rng.choice(PLACES)
    noun, verb = rng.choice(NOUNS), rng.choice(VERBS)
    return (f"The {noun} in {where} will be reviewed again in week {i % 52 + 1}, {who} {verb} "
            f"on Tuesday, after residents asked how the {rng.choice(NOUNS)} would be paid for. "
            f"Every {noun} had been counted twice, according to {who.split()[0]}.")


def write_html(path, target):
    with open(path, "w", encoding="utf-8") as f:
        f.write("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                "<title>The long ledger of Quillby | Tessel Courier</title>"
                "<meta property=\"article:published_time\" content=\"2021-03-04T08:00:00Z\">"
                "</head><body><header><nav><a href=\"/\">Home</a><a href=\"/news\">News</a></nav></header>"
                "<main><article><h1>The long ledger of Quillby</h1><div class=\"body\">")
        written, i = 0, 0
        while written < target:
            p = f"<div class=\"para-wrap\"><p>{paragraph(i)} <a href=\"/n/{i}\">More</a></p></div>\n"
            f.write(p)
            written += len(p.encode())
            i += 1
            if i % 50 == 0:
                f.write("<aside><ul><li><a href=\"/r\">Related story</a></li></ul></aside>\n")
        f.write("</div></article><section class=\"comments\"><p>Reader one: agreed.</p></section>"
                "</main><footer>Tessel Courier, all rights reserved</footer></body></html>\n")


def write_text(path, target):
    with open(path, "w", encoding="utf-8") as f:
        f.write("The long ledger of Quillby\n\nBy Tamsin Vey\n\n")
        written, i = 0, 0
        while written < target:
            p = paragraph(i) + "\n\n"
            f.write(p)
            written += len(p.encode())
            i += 1


def write_jsonl(path, target):
    chunk = " ".join(paragraph(i) for i in range(200)) + " "
    with open(path, "w", encoding="utf-8") as f:
        # A JSON line written piece by piece, never held whole.
        f.write("{\"url\": \"https://courier.example/huge\", \"text\": \"")
        written = 0
        enc = json.dumps(chunk)[1:-1]
        while written < target:
            f.write(enc)
            written += len(enc)
        f.write("\"}\n")
        f.write(json.dumps({"url": "https://courier.example/small", "title": "Ferry runs late",
                            "text": "\n\n".join(paragraph(i) for i in range(6))}) + "\n")


write_html(os.path.join(out, "big.html"), int(html_mb * 1e6))
write_text(os.path.join(out, "big.txt"), int(html_mb * 1e6))
write_jsonl(os.path.join(out, "long.jsonl"), int(json_mb * 1e6))
for name in ("big.html", "big.txt", "long.jsonl"):
    print(f"{name}: {os.path.getsize(os.path.join(out, name)) / 1e6:.0f} MB")
