"""Changed cases between two drafts files: mkread.py DIR BASE.json AFTER.json -> DIR/cases_read.yaml"""

import json
import sys

import yaml

d, base, after = sys.argv[1:4]
b = json.load(open(f"{d}/{base}"))
n = json.load(open(f"{d}/{after}"))
ch = [
    k
    for k in n
    if {t: x["text"] for t, x in b[k]["drafts"].items()} != {t: x["text"] for t, x in n[k]["drafts"].items()}
]
cases = [c for c in yaml.safe_load(open(f"{d}/cases.yaml"))["cases"] if c["id"] in ch]
for c in cases:
    c.pop("references", None)
yaml.safe_dump({"cases": cases}, open(f"{d}/cases_read.yaml", "w"), allow_unicode=True, sort_keys=False)
print(len(cases), "changed")
