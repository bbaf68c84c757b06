"""All guard corpus files (+ an extra dir): gall.py OUT.json [EXTRA_DIR]  (project root). Prints totals."""

import glob
import json
import os
import sys

import yaml

sys.path.insert(0, ".")
from tests.test_guard_corpus import failing

files = sorted(glob.glob("tests/data/guard/*.yaml")) + (
    sorted(glob.glob(sys.argv[2] + "/*_test*.yaml")) if len(sys.argv) > 2 else []
)
out = {}
for f in files:
    kind = "good" if os.path.basename(f).startswith("good") else "bad"
    for x in yaml.safe_load(open(f))["drafts"]:
        out[f"{os.path.basename(f)}:{x['id']}"] = {
            "kind": kind,
            "check": x.get("check"),
            "failed": sorted(failing(x)),
            "text": x["text"][:200],
            "message": (x.get("message") or "")[:120],
        }
json.dump(out, open(sys.argv[1], "w"), ensure_ascii=False)
g = [v for v in out.values() if v["kind"] == "good"]
b = [v for v in out.values() if v["kind"] == "bad"]
print(
    f"good fails {sum(bool(v['failed']) for v in g)}/{len(g)}  bad misses {sum(v['check'] not in v['failed'] for v in b)}/{len(b)}"
)
