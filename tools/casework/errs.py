"""Analysis errors on case files: errs.py [--kind intent|team|sarcasm|fact] FILES...  (run from the project root)."""

import sys

import yaml

sys.path.insert(0, ".")
from assistant.analysis.corpus import message_of
from assistant.analysis.evaluation import aligned_fact, profiles
from assistant.analysis.normal import read
from assistant.analysis.reading import analyse

args = sys.argv[1:]
kinds = {"intent", "team", "sarcasm", "fact"}
if args[0] == "--kind":
    kinds = {args[1]}
    args = args[2:]
P = profiles()
for f in args:
    for c in yaml.safe_load(open(f))["cases"]:
        a = analyse(message_of(c), P[c["platform"]])
        team = a.escalation.team if a.escalation else "none"
        out = []
        if "intent" in kinds and a.intent != c["intent"]:
            out.append(f"intent {c['intent']}->{a.intent}")
        if "team" in kinds and team != c["team"]:
            out.append(f"team {c['team']}->{team}")
        if "sarcasm" in kinds and bool(c["sarcasm"]) != a.sarcasm:
            out.append(f"sarcasm {c['sarcasm']}->{a.sarcasm}")
        if "fact" in kinds:
            pred = [(set(read(q.text).tokens), q.fact) for q in a.questions]
            for q in c.get("questions") or []:
                got = aligned_fact(set(read(q["text"]).tokens), pred)
                if got != q["fact"]:
                    out.append(f"fact {q['fact']}->{got} [{q['text'][:60]}]")
        if out:
            th = " THREAD" if c.get("thread") else ""
            print(
                c["id"],
                c["platform"],
                c.get("channel", "comment"),
                "; ".join(out),
                th,
                "|",
                c["message"][:200].replace("\n", " "),
            )
