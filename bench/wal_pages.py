#!/usr/bin/env python3
"""Which tables a digest writes, page by page.

Copies STORE to a scratch file, holds a read snapshot open on it so that no page leaves the
write-ahead log, digests NEW into the copy with BINARY, then reads the page number of every
frame in the log and names its table or index with SQLite's `dbstat`. Prints the frames,
the distinct pages, and per table: distinct pages, frames. Pages the digest took from the
free list (none of the tables at the end) show as "?".

    bench/wal_pages.py STORE BINARY NEW [SCRATCH]

e.g. bench/wal_pages.py /tmp/storyline-scale/store-100000.db target/release/storyline \\
     /tmp/storyline-scale/new
"""
import collections
import os
import shutil
import sqlite3
import struct
import subprocess
import sys


def main() -> None:
    if len(sys.argv) < 4:
        sys.exit(__doc__)
    store, binary, new = sys.argv[1:4]
    scratch = sys.argv[4] if len(sys.argv) > 4 else store + ".pages"
    for ext in ("", "-wal", "-shm"):
        if os.path.exists(scratch + ext):
            os.remove(scratch + ext)
    shutil.copy(store, scratch)
    reader = sqlite3.connect(scratch, isolation_level=None)
    reader.execute("BEGIN")
    reader.execute("SELECT count(*) FROM meta").fetchone()
    subprocess.run([binary, "digest", new, "--db", scratch],
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    with open(scratch + "-wal", "rb") as f:
        log = f.read()
    page_size = struct.unpack(">I", log[8:12])[0]
    pages, at = [], 32
    while at + 24 + page_size <= len(log):
        pages.append(struct.unpack(">I", log[at:at + 4])[0])
        at += 24 + page_size
    names = dict((p, n) for n, p in sqlite3.connect(scratch).execute("SELECT name, pageno FROM dbstat"))
    distinct = collections.Counter(names.get(p, "?") for p in set(pages))
    frames = collections.Counter(names.get(p, "?") for p in pages)
    print("frames", len(pages), "distinct pages", len(set(pages)))
    for name, n in distinct.most_common(30):
        print(f"{n:7d} {frames[name]:7d} {name}")
    reader.close()
    for ext in ("", "-wal", "-shm"):
        if os.path.exists(scratch + ext):
            os.remove(scratch + ext)


if __name__ == "__main__":
    main()
