"""Dump the analysis corpus's test (or dev) split as a case file: testsplit.py OUT.yaml [test|dev]"""

import sys

import yaml

sys.path.insert(0, ".")
from assistant.analysis.corpus import load_cases, split

part = sys.argv[2] if len(sys.argv) > 2 else "test"
cases = split(load_cases())[part]
yaml.safe_dump({"batch": "x", "cases": cases}, open(sys.argv[1], "w"), allow_unicode=True, sort_keys=False)
print(len(cases))
