"""Print the offline scene of one message: scene.py PLATFORM CHANNEL TEXT [outreach] (project root)"""

import sys

sys.path.insert(0, ".")
from pathlib import Path

from assistant.backends.offline import scene as S
from assistant.models import Message
from assistant.pipeline import build_request
from assistant.profiles.loading import load_profile

p, ch, text = sys.argv[1:4]
outreach = sys.argv[4:] == ["outreach"]
prof = load_profile(Path("personas"), "bohnenkiez", p)
message = Message(text="", post=text, platform=p, channel=ch, mode="outreach") if outreach else None
req, _ = build_request(message or Message(text=text, platform=p, channel=ch), prof)
a = req.analysis
print("intent", a.intent, "emotion", a.emotion, "sent", a.sentiment, [(q.text, q.fact) for q in a.questions])
sc = S.read(req, a.language if a.language in ("de", "en") else "de")
print(
    "situation",
    sc.situation,
    "life",
    getattr(sc, "life_event", None),
    [(x.question[:50], x.fact.id if x.fact else None, x.health, x.taste) for x in sc.answers],
)
print({k: v for k, v in vars(sc).items() if v not in ("", None, (), [], False, frozenset())} if outreach else "")
