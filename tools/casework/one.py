"""Draft one message offline: one.py PLATFORM CHANNEL TEXT [outreach]  (project root)"""

import json
import subprocess
import sys

p, ch, text = sys.argv[1:4]
mode = sys.argv[4] if len(sys.argv) > 4 else "reply"
args = [
    sys.executable,
    "-m",
    "assistant",
    "draft",
    "--json",
    "--no-save",
    "--backend",
    "offline",
    "--platform",
    p,
    "--channel",
    ch,
    "--mode",
    mode,
]
args += ["--post", text, "--message", ""] if mode == "outreach" else ["--message", text]
out = subprocess.run(args, capture_output=True, text=True)
if out.returncode:
    print(out.stderr)
    sys.exit(1)
d = json.loads(out.stdout)
a = d["analysis"]
print(
    {k: a.get(k) for k in ("intent", "sentiment", "sarcasm", "confidence")},
    [(q["text"][:50], q["fact"]) for q in a.get("questions", [])],
    (a.get("escalation") or {}).get("team"),
)
for x in d["drafts"]:
    print(f"  [{x['tone']}] {x['text']}  {'' if x.get('ok') else [c['name'] for c in x['checks'] if not c['ok']]}")
if d.get("tone_note"):
    print("  tone_note:", d["tone_note"])
