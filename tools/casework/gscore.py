"""Score guard files: gscore.py GOOD.yaml BAD.yaml [-v]  (run from the project root)."""

import sys
from collections import Counter

import yaml

sys.path.insert(0, ".")
from tests.test_guard_corpus import failing

good, bad = sys.argv[1], sys.argv[2]
v = "-v" in sys.argv
g = yaml.safe_load(open(good))["drafts"]
b = yaml.safe_load(open(bad))["drafts"]
fl = [(x, failing(x)) for x in g]
fa = [(x, f) for x, f in fl if f]
print(f"good {len(g) - len(fa)}/{len(g)}", Counter(n for _, f in fa for n in f))
if v:
    for x, f in fa:
        print(
            "  FA",
            x["id"],
            sorted(f),
            "|",
            x["message"][:90].replace("\n", " "),
            "||",
            x["text"][:160].replace("\n", " "),
        )
caught = Counter()
total = Counter()
miss = []
for x in b:
    total[x["check"]] += 1
    if x["check"] in failing(x):
        caught[x["check"]] += 1
    else:
        miss.append(x)
print(f"bad {sum(caught.values())}/{len(b)}", {k: f"{caught[k]}/{total[k]}" for k in sorted(total)})
if v:
    for x in miss:
        print(
            "  MISS",
            x["id"],
            x["check"],
            "|",
            x["message"][:80].replace("\n", " "),
            "||",
            x["text"][:160].replace("\n", " "),
            "||",
            x["why"][:80],
        )
