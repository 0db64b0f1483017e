#!/usr/bin/env python3
"""A later snapshot of a network from ../shared/bench/gen.py, for the diff
benchmark: a share of ties re-drawn (each replaced by a tie between two
random people) and a share of people replaced by newcomers (new ids, the
same attributes; their ties go to the newcomer). Deterministic.

usage: mutate-snapshot.py IN.json OUT.json [--ties 0.05] [--people 0.01] [--seed 1]
"""
import argparse
import json
import os
import random


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("source")
    parser.add_argument("target")
    parser.add_argument("--ties", type=float, default=0.05)
    parser.add_argument("--people", type=float, default=0.01)
    parser.add_argument("--seed", type=int, default=1)
    arguments = parser.parse_args()
    rng = random.Random(arguments.seed)
    with open(arguments.source) as f:
        network = json.load(f)
    people = network["people"]
    ids = [p["id"] for p in people]
    renamed = {}
    for index in rng.sample(range(len(people)), int(len(people) * arguments.people)):
        new = ids[index] + "-new"
        renamed[ids[index]] = new
        people[index] = dict(people[index], id=new)
    ids = [p["id"] for p in people]
    ties = network.get("ties", [])
    for index in rng.sample(range(len(ties)), int(len(ties) * arguments.ties)):
        a, b = rng.sample(ids, 2)
        ties[index] = dict(ties[index], **{"from": a, "to": b})
    for tie in ties:
        tie["from"] = renamed.get(tie["from"], tie["from"])
        tie["to"] = renamed.get(tie["to"], tie["to"])
    for person in people:
        if "reportsTo" in person:
            person["reportsTo"] = renamed.get(person["reportsTo"], person["reportsTo"])
    with open(arguments.target + ".partial", "w") as f:
        json.dump(network, f, separators=(",", ":"))
    os.replace(arguments.target + ".partial", arguments.target)


if __name__ == "__main__":
    main()
