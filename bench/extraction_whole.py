"""Python trafilatura over the extraction benchmark pages, once each, as a whole process:
what `bench/extraction_whole.sh` times against `storyline analyze` on the same pages.

Usage: python extraction_whole.py DATA_DIR
"""
import gzip, os, sys

import trafilatura

html_dir = os.path.join(sys.argv[1], "html")
n = 0
for name in sorted(os.listdir(html_dir)):
    with gzip.open(os.path.join(html_dir, name), "rb") as f:
        page = f.read().decode("utf-8", "replace")
    trafilatura.extract(page)
    n += 1
print(f"python-trafilatura {trafilatura.__version__}: {n} pages", file=sys.stderr)
