"""Show each case's drafts of one source with verdicts: report.py CASES PACKSDIR SOURCE [DRAFTS.json]"""

import collections
import glob
import json
import sys

import yaml

cases = {c["id"]: c for c in yaml.safe_load(open(sys.argv[1]))["cases"]}
d = sys.argv[2]
src = sys.argv[3]
key = json.load(open(f"{d}/key.json"))
v = {}
for f in glob.glob(f"{d}/verdicts*.json"):
    v.update(json.load(open(f)))
packs = {}
for f in glob.glob(f"{d}/pack*.yaml"):
    for c in yaml.safe_load(open(f))["cases"]:
        for x in c["drafts"]:
            packs[x["id"]] = x["text"]
by = collections.defaultdict(list)
for did, k in key.items():
    if k["source"] == src and did in v:
        by[k["case"]].append((k["tone"], v[did], packs[did]))


def usable(rows):
    return sum(r[1]["verdict"] in ("send", "edit") for r in rows)


for cid in sorted(by, key=lambda c: usable(by[c])):
    c = cases[cid]
    print(
        f"=== {cid} {c['platform']} {c.get('channel')} {c.get('mode')} team={c.get('team')} | {(c.get('message') or c.get('post'))[:300]}"
    )
    for tone, vv, text in sorted(by[cid]):
        print(f"  [{tone}] {vv['verdict']} {vv['score']} | {text}\n      why: {vv.get('why', '')}")
