#!/usr/bin/env python3
"""Gives a network from ../shared/bench/gen.py a reports-to forest, for the
formal-structure benchmarks: in each team the first member (in file order)
leads it and everyone else reports to them; each site's first team lead heads
the site and the other leads report to them; every site head reports to the
first site's head, who reports to nobody. Depth at most 3.

usage: add-reports-to.py IN.json OUT.json
"""
import json
import sys


def main(source, target):
    with open(source) as f:
        network = json.load(f)
    people = network["people"]
    team_lead, site_head = {}, {}
    for person in people:
        attributes = person.get("attributes", {})
        team, site = attributes.get("team"), attributes.get("site")
        if team not in team_lead:
            team_lead[team] = person["id"]
            if site not in site_head:
                site_head[site] = person["id"]
    chief = next(iter(site_head.values()))
    for person in people:
        attributes = person.get("attributes", {})
        pid = person["id"]
        lead = team_lead[attributes.get("team")]
        head = site_head[attributes.get("site")]
        manager = lead if pid != lead else (head if pid != head else (chief if pid != chief else None))
        if manager is not None:
            person["reportsTo"] = manager
    with open(target + ".partial", "w") as f:
        json.dump(network, f, separators=(",", ":"))
    import os
    os.replace(target + ".partial", target)


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
