"""Compare two gall outputs: gcmp.py BASE.json NOW.json"""

import json
import sys

a, b = json.load(open(sys.argv[1])), json.load(open(sys.argv[2]))
for k in sorted(b):
    if k not in a:
        continue
    x, y = a[k], b[k]
    if x["kind"] == "good":
        if set(x["failed"]) != set(y["failed"]):
            print("GOOD", k, x["failed"], "->", y["failed"], "|", y["message"][:80], "||", y["text"][:150])
    else:
        hx, hy = x["check"] in x["failed"], y["check"] in y["failed"]
        if hx != hy:
            print("BAD ", k, y["check"], "caught" if hy else "LOST", "|", y["text"][:150])
