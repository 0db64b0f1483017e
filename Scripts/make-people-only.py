#!/usr/bin/env python3
"""Writes a trustmap JSON network of PEOPLE people p0, p1, … and no ties, for
the memory figure of people without ties in BENCHMARKS.md.

    Scripts/make-people-only.py OUT [PEOPLE]   (default: 3000000)
"""
import sys

out = sys.argv[1]
people = int(sys.argv[2]) if len(sys.argv) > 2 else 3_000_000
with open(out, "w") as f:
    f.write('{"trustmap":1,"people":[')
    f.write(",".join('{"id":"p%d"}' % i for i in range(people)))
    f.write('],"ties":[]}\n')
