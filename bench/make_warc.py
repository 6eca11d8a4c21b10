"""Writes a WARC.gz of about SIZE_MB megabytes by repeating HTML pages as response records
(one gzip member per record, as Common Crawl does), each with its own record id.

Usage: python make_warc.py PAGES_DIR OUT.warc.gz [SIZE_MB]
PAGES_DIR holds *.html or *.html.gz files (e.g. the extraction benchmark's html/ folder).
"""
import gzip, os, sys, uuid

pages_dir, out = sys.argv[1], sys.argv[2]
target = int(sys.argv[3] if len(sys.argv) > 3 else 1024) * 1024 * 1024
pages = []
for name in sorted(os.listdir(pages_dir)):
    p = os.path.join(pages_dir, name)
    if name.endswith(".html.gz"):
        pages.append(gzip.open(p).read())
    elif name.endswith(".html"):
        pages.append(open(p, "rb").read())
if not pages:
    sys.exit(f"no .html or .html.gz files in {pages_dir}")
members = []
for i, body in enumerate(pages):
    http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" + body
    members.append(http)
written = 0
n = 0
with open(out, "wb") as f:
    while written < target:
        http = members[n % len(members)]
        head = (
            "WARC/1.0\r\nWARC-Type: response\r\n"
            f"WARC-Record-ID: <urn:uuid:{uuid.UUID(int=n)}>\r\n"
            f"WARC-Target-URI: https://news.example.org/{n % len(members)}/page-{n}\r\n"
            "WARC-Date: 2020-01-01T00:00:00Z\r\nContent-Type: application/http; msgtype=response\r\n"
            f"Content-Length: {len(http)}\r\n\r\n"
        ).encode()
        rec = gzip.compress(head + http + b"\r\n\r\n", compresslevel=6, mtime=0)
        f.write(rec)
        written += len(rec)
        n += 1
print(f"{out}: {n} records, {written / 1e6:.0f} MB")
