#!/usr/bin/env python3
"""Writes the company list the entity stage loads at build time.

Source: the constituents of twenty stock indices (S&P 500, S&P 100, S&P 600, Dow Jones,
NASDAQ 100, FTSE 100, DAX, CAC 40, EURO STOXX 50, NIKKEI 225 and others) as shipped by the
PyPI package `pytickersymbols` (MIT). Run in a virtual environment:

    python3 -m venv /tmp/ptk && /tmp/ptk/bin/pip install pytickersymbols==1.17.10
    /tmp/ptk/bin/python bench/entities/make_companies.py \
        > crates/storyline/src/entities/data/companies.txt

A company is listed by the name the package gives and by that name without legal and
generic endings ("Inc.", "Corporation", "Group", "Holdings", "plc"): "Acme Holdings Inc."
gives "Acme Holdings Inc." and "Acme". A name of one plain capitalised word ("Apple",
"Target", "Ford") is left out: such words are as often a surname, a place or a common
word, and a name with no other clue should stay of unknown kind rather than be called a
company on a guess. One word with a capital or a digit inside ("PayPal", "3M") stays.
Hyphens are written as spaces; the stage looks names up the same way.
"""

import re
import sys

from pytickersymbols import PyTickerSymbols

# Endings that say what kind of body a company is, not which: dropped, repeatedly.
GENERIC_ENDINGS = {
    "inc", "inc.", "incorporated", "corporation", "corp", "corp.", "company", "co", "co.",
    "group", "holdings", "holding", "plc", "se", "ag", "n.v.", "nv", "s.a.", "sa", "ltd",
    "ltd.", "limited", "llc", "l.p.", "lp", "& co", "& co.", "the", "enterprise",
    "enterprises", "international", "technologies", "solutions", "brands", "industries",
    "systems", "trust", "bancorp", "financial", "services",
}


def variants(name):
    name = re.sub(r"\s+", " ", name.replace("-", " ").replace(",", " ")).strip()
    out = {name}
    words = name.split(" ")
    while len(words) > 1 and words[-1].lower() in GENERIC_ENDINGS:
        words = words[:-1]
        out.add(" ".join(words))
    if words and words[0].lower() == "the":
        out.add(" ".join(words[1:]))
    return out


def keep(name):
    words = name.split(" ")
    if not name or "#" in name or "\t" in name:
        return False
    if len(words) >= 2:
        # A name must start with a capital or a digit to be matched as a name at all.
        return words[0][:1].isupper() or words[0][:1].isdigit()
    w = words[0]
    inner = w[1:]
    return any(c.isupper() or c.isdigit() for c in inner) and any(c.islower() for c in w)


def main():
    names = set()
    for stock in PyTickerSymbols().get_all_stocks():
        for v in variants(stock["name"]):
            if keep(v):
                names.add(v)
    out = sys.stdout
    out.write(
        "# Companies of twenty stock indices, as shipped by the PyPI package pytickersymbols\n"
        "# 1.17.10 (MIT). Written by bench/entities/make_companies.py; do not edit by hand.\n"
        "# One name per line, hyphens written as spaces.\n"
    )
    for n in sorted(names):
        out.write(n + "\n")


if __name__ == "__main__":
    main()
