"""Python trafilatura on the extraction benchmark pages, one core: pages/s and MB/s.

Usage: python extraction_speed.py DATA_DIR [REPEATS]
Prints one JSON line: {"tool": ..., "pages": n, "mb": m, "seconds": [..], "pages_per_s": median}
"""
import gzip, json, os, statistics, sys, time

import trafilatura

data = sys.argv[1]
repeats = int(sys.argv[2]) if len(sys.argv) > 2 else 3
pages = []
for name in sorted(os.listdir(os.path.join(data, "html"))):
    with gzip.open(os.path.join(data, "html", name), "rb") as f:
        pages.append(f.read().decode("utf-8", "replace"))
mb = sum(len(p.encode()) for p in pages) / 1e6
times = []
for _ in range(repeats):
    t = time.perf_counter()
    for p in pages:
        trafilatura.extract(p)
    times.append(time.perf_counter() - t)
med = statistics.median(times)
print(json.dumps({"tool": "python-trafilatura " + trafilatura.__version__, "pages": len(pages), "mb": round(mb, 2),
                  "seconds": [round(x, 3) for x in times], "pages_per_s": round(len(pages) / med, 1),
                  "mb_per_s": round(mb / med, 2)}))
