"""Analysis metrics on case files: evj.py FILES...  (run from the project root)."""

import sys

import yaml

sys.path.insert(0, ".")
from assistant.analysis.evaluation import evaluate, profiles

cases = []
for f in sys.argv[1:]:
    d = yaml.safe_load(open(f))
    cases += [{**c, "batch": d.get("batch", "x")} for c in d["cases"]]
m = evaluate(cases, profiles())
print(len(cases), " ".join(f"{k}={v:.3f}" for k, v in m.items()))
