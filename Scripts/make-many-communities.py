#!/usr/bin/env python3
"""Writes a trustmap JSON network with many large communities, for
Scripts/bench-streaming.sh: PEOPLE people p0… in a ring of strong ties with
TIES more ties at random (seeded), and COMMUNITIES communities of SIZE
consecutive people each (community k starts at person k × 97, wrapping).

    Scripts/make-many-communities.py OUT [PEOPLE COMMUNITIES SIZE TIES]
    (defaults: 100000 1000 50000 300000)
"""
import random
import sys

out = sys.argv[1]
people, communities, size, ties = (int(a) for a in (sys.argv[2:6] + ["100000", "1000", "50000", "300000"][len(sys.argv) - 2:]))
random.seed(1)
ids = [f"p{i}" for i in range(people)]
quoted = [f'"{i}"' for i in ids]
with open(out, "w") as f:
    f.write('{"trustmap":1,"people":[')
    f.write(",".join(f'{{"id":{q}}}' for q in quoted))
    f.write('],"ties":[')
    rows = [f'{{"from":{quoted[i]},"to":{quoted[(i + 1) % people]},"strength":0.9}}' for i in range(people)]
    for _ in range(ties):
        a, b = random.randrange(people), random.randrange(people)
        if a != b:
            rows.append(f'{{"from":{quoted[a]},"to":{quoted[b]},"strength":0.7}}')
    f.write(",".join(rows))
    f.write('],"communities":[')
    doubled = quoted + quoted
    for k in range(communities):
        start = (k * 97) % people
        f.write(("," if k else "") + f'{{"id":"c{k}","members":[' + ",".join(doubled[start:start + size]) + "]}")
    f.write("]}\n")
