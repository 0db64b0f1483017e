#!/usr/bin/env python3
"""Networks with hubs for trustmap's benchmarks (issue 20), as trustmap JSON.

  Scripts/make-hubs.py star LEAVES OUT.json
      One hub ("rosa") trusted by LEAVES leaves, every tie strong.
  Scripts/make-hubs.py powerlaw PEOPLE TIES OUT.json [--exponent 2.1]
                       [--largest 100000] [--seed 1]
      A Chung-Lu network: each tie record picks both ends independently with
      probability proportional to a weight w_i = (i + i0)^(-1/(exponent-1)),
      i0 chosen so that the heaviest person's expected degree is about
      --largest. Self-ties are redrawn; repeated pairs stay (tie records).
      Strengths U[0.5, 1.0] (every tie strong at the default threshold);
      each person gets a team of ~100 people at random.

Deterministic for a given seed (numpy's PCG64). Needs numpy.
"""
import argparse
import numpy as np


def write(path, ids, teams, froms, tos, strengths, chunk=200_000):
    with open(path, "w") as f:
        f.write('{"trustmap":1,"people":[')
        for start in range(0, len(ids), chunk):
            part = [
                '{"id":"%s","attributes":{"team":"t%d"}}' % (ids[i], teams[i])
                for i in range(start, min(len(ids), start + chunk))
            ]
            if start:
                f.write(",")
            f.write(",".join(part))
        f.write('],"ties":[')
        for start in range(0, len(froms), chunk):
            end = min(len(froms), start + chunk)
            part = [
                '{"from":"%s","to":"%s","strength":%.2f}' % (ids[a], ids[b], s)
                for a, b, s in zip(froms[start:end], tos[start:end], strengths[start:end])
            ]
            if start:
                f.write(",")
            f.write(",".join(part))
        f.write("]}")


def star(leaves, out):
    ids = ["rosa"] + ["p%d" % i for i in range(leaves)]
    teams = [0] + [1 + i // 100 for i in range(leaves)]
    froms = list(range(1, leaves + 1))
    tos = [0] * leaves
    write(out, ids, teams, froms, tos, [0.9] * leaves)


def powerlaw(people, ties, exponent, largest, seed, out):
    rng = np.random.default_rng(seed)
    power = -1.0 / (exponent - 1.0)
    index = np.arange(people, dtype=np.float64)

    def heaviest(offset):
        w = (index + offset) ** power
        return 2.0 * ties * w[0] / w.sum()

    low, high = 1.0, float(people)
    for _ in range(60):  # bisect i0 (heaviest degree falls as i0 grows)
        middle = (low * high) ** 0.5
        low, high = (middle, high) if heaviest(middle) > largest else (low, middle)
    weights = (index + high) ** power
    cumulative = np.cumsum(weights)
    cumulative /= cumulative[-1]
    froms = np.searchsorted(cumulative, rng.random(ties)).astype(np.int64)
    tos = np.searchsorted(cumulative, rng.random(ties)).astype(np.int64)
    same = froms == tos
    while same.any():
        tos[same] = np.searchsorted(cumulative, rng.random(int(same.sum())))
        same = froms == tos
    np.minimum(froms, people - 1, out=froms)
    np.minimum(tos, people - 1, out=tos)
    # Shuffle who is heavy, so that file order says nothing about degree.
    relabel = rng.permutation(people)
    strengths = np.round(rng.uniform(0.5, 1.0, ties), 2)
    ids = ["p%d" % i for i in range(people)]
    teams = rng.integers(0, max(1, people // 100), people)
    write(out, ids, teams.tolist(), relabel[froms].tolist(), relabel[tos].tolist(),
          strengths.tolist())


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="kind", required=True)
    s = sub.add_parser("star")
    s.add_argument("leaves", type=int)
    s.add_argument("out")
    p = sub.add_parser("powerlaw")
    p.add_argument("people", type=int)
    p.add_argument("ties", type=int)
    p.add_argument("out")
    p.add_argument("--exponent", type=float, default=2.1)
    p.add_argument("--largest", type=float, default=100_000)
    p.add_argument("--seed", type=int, default=1)
    a = parser.parse_args()
    if a.kind == "star":
        star(a.leaves, a.out)
    else:
        powerlaw(a.people, a.ties, a.exponent, a.largest, a.seed, a.out)


if __name__ == "__main__":
    main()
