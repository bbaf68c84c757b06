"""Merge re-judged changed cases into a set's tally: combine2.py BASEPACKS SOURCE LATERPACKS
For SOURCE, cases judged in LATERPACKS take their verdicts from there; all other drafts keep BASEPACKS' verdicts.
Prints the tally of every source in BASEPACKS plus SOURCE+read."""

import collections
import glob
import json
import statistics
import sys

base, src, later = sys.argv[1:4]


def load(d):
    key = json.load(open(f"{d}/key.json"))
    v = {}
    for f in sorted(glob.glob(f"{d}/verdicts*.json")):
        v.update(json.load(open(f)))
    return key, v


bk, bv = load(base)
lk, lv = load(later)
recased = {k["case"] for k in lk.values()}
rows = collections.defaultdict(list)  # source -> [(case, verdict, score)]
for did, k in bk.items():
    if did not in bv:
        continue
    rows[k["source"]].append((k["case"], bv[did]["verdict"], bv[did]["score"]))
    if k["source"] == src and k["case"] not in recased:
        rows[src + "+read"].append((k["case"], bv[did]["verdict"], bv[did]["score"]))
for did, k in lk.items():
    if did in lv and k["source"] != "reference":  # the re-judged drafts, whatever the later packs call them
        rows[src + "+read"].append((k["case"], lv[did]["verdict"], lv[did]["score"]))
cases = {k["case"] for k in bk.values()}
for s, r in sorted(rows.items()):
    c = collections.Counter(v for _, v, _ in r)
    n = len(r)
    good = len({cid for cid, v, _ in r if v in ("send", "edit")})
    print(
        f"{s:14s} n={n:3d} send {c['send'] / n:5.1%} edit {c['edit'] / n:5.1%} rewrite {c['rewrite'] / n:5.1%} "
        f"harmful {c['harmful'] / n:5.1%} | usable {(c['send'] + c['edit']) / n:5.1%} | mean {statistics.mean(x for *_, x in r):.2f} "
        f"| cases with a usable draft {good}/{len(cases)}"
    )
