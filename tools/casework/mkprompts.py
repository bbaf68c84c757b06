"""Write one round of case-writer prompts (late summer to autumn 2029 inbox). Usage: mkprompts_autumn29.py ROUND"""

import os
import sys

R = int(sys.argv[1])
GP = R + 48  # guard part (round 9: 57)
GD = R + 52  # guard id prefix / dir (round 9: 61)
BT = R + 29  # analysis batch (round 9: 38)
A1, A2 = {
    9: (82, 83),
    10: (84, 85),
    11: (86, 87),
    12: (88, 89),
    13: (90, 91),
    14: (92, 93),
    15: (94, 95),
    16: (96, 97),
    17: (98, 99),
    18: (100, 101),
    19: (102, 103),
    20: (104, 105),
    21: (106, 107),
    22: (108, 109),
    23: (110, 111),
    24: (112, 113),
    25: (114, 115),
    26: (116, 117),
    27: (118, 119),
    28: (120, 121),
    29: (122, 123),
    30: (124, 125),
    31: (126, 127),
    32: (128, 129),
    33: (130, 131),
    34: (132, 133),
    35: (134, 135),
    36: (136, 137),
    37: (138, 139),
    38: (140, 141),
    39: (142, 143),
    40: (144, 145),
    41: (146, 147),
    42: (148, 149),
    43: (150, 151),
    44: (152, 153),
    45: (154, 155),
    46: (156, 157),
    47: (158, 159),
    48: (160, 161),
    49: (162, 163),
    50: (164, 165),
    51: (166, 167),
    52: (168, 169),
    53: (170, 171),
    54: (172, 173),
}[R]
SID, SETN = {
    9: ("bk", 70),
    10: ("bl", 71),
    11: ("bm", 72),
    12: ("bn", 73),
    13: ("bo", 74),
    14: ("bp", 75),
    15: ("bq", 76),
    16: ("br", 77),
    17: ("bs", 78),
    18: ("bt", 79),
    19: ("bu", 80),
    20: ("bv", 81),
    21: ("bw", 82),
    22: ("bx", 83),
    23: ("by", 84),
    24: ("bz", 85),
    25: ("ca", 86),
    26: ("cb", 87),
    27: ("cc", 88),
    28: ("cd", 89),
    29: ("ce", 90),
    30: ("cf", 91),
    31: ("cg", 92),
    32: ("ch", 93),
    33: ("ci", 94),
    34: ("cj", 95),
    35: ("ck", 96),
    36: ("cl", 97),
    37: ("cm", 98),
    38: ("cn", 99),
    39: ("co", 100),
    40: ("cp", 101),
    41: ("cq", 102),
    42: ("cr", 103),
    43: ("cs", 104),
    44: ("ct", 105),
    45: ("cu", 106),
    46: ("cv", 107),
    47: ("cw", 108),
    48: ("cx", 109),
    49: ("cy", 110),
    50: ("cz", 111),
    51: ("da", 112),
    52: ("db", 113),
    53: ("dc", 114),
    54: ("dd", 115),
}[R]
SEED = {
    9: "first",
    10: "second",
    11: "third",
    12: "fourth",
    13: "fifth",
    14: "sixth",
    15: "seventh",
    16: "eighth",
    17: "ninth",
    18: "tenth",
    19: "eleventh",
    20: "twelfth",
    21: "thirteenth",
    22: "fourteenth",
    23: "fifteenth",
    24: "sixteenth",
    25: "seventeenth",
    26: "eighteenth",
    27: "nineteenth",
    28: "twentieth",
    29: "twenty-first",
    30: "twenty-second",
    31: "twenty-third",
    32: "twenty-fourth",
    33: "twenty-fifth",
    34: "twenty-sixth",
    35: "twenty-seventh",
    36: "twenty-eighth",
    37: "twenty-ninth",
    38: "thirtieth",
    39: "thirty-first",
    40: "thirty-second",
    41: "thirty-third",
    42: "thirty-fourth",
    43: "thirty-fifth",
    44: "thirty-sixth",
    45: "thirty-seventh",
    46: "thirty-eighth",
    47: "thirty-ninth",
    48: "fortieth",
    49: "forty-first",
    50: "forty-second",
    51: "forty-third",
    52: "forty-fourth",
    53: "forty-fifth",
    54: "forty-sixth",
}[R]
SEASON = """The inbox is from LATE SUMMER TO AUTUMN 2029 (late August to the end of October). Draw on what that season
brings, mixed with everyday inbox traffic: the end of the summer holidays and the school start (Einschulung gifts,
Schultüte), the university semester start (students, WG kitchens, exams later), apprenticeships starting in September
(job applications, Ausbildung), the new harvest and new crops, questions about price rises because coffee got more
expensive, the Berlin Marathon in late September, Oktoberfest, Erntedank, Tag der Deutschen Einheit on 3 October
(holiday, parcels delayed), the autumn school holidays, the first cold and rainy days (wet parcels, soaked boxes on
the doorstep), the heating season and cosy filter coffee, people asking for pumpkin spice or other flavoured coffee,
moving flats in autumn (address changes, subscription while moving), offices filling up again after the summer,
colds and flu season (caffeine questions), Halloween at the end of October, the clock change, autumn markets,
baking (Apfelkuchen, Zwetschgendatschi) and coffee pairings. Keep it varied; do not let the season take over every item."""
RULE = """STRICT RULE: read only the files in /work/casework/profile/ (the brand's voice profile: brand.yaml, tiktok.yaml,
instagram.yaml, facebook.yaml) and this prompt. Do not read, list or search any other file or folder anywhere (no
project code, no tests, no other case files). Write only into {d}, and never touch files there that you did not create."""
COMMON = """The brand is Bohnenkiez, a small Berlin coffee roastery (read brand.yaml first: products, facts, policy,
tones, emoji, banned phrases, escalation teams, internal notes that must never go public; the platform files give
limits, emoji palettes and hashtag policy). Messages come as TikTok, Instagram and Facebook comments and DMs, in German
(about 60%) and English (about 40%). Make them realistic and varied: slang, typos, missing punctuation, emoji, all
caps, run-on sentences, formal letters with Sie and sign-offs, several questions in one message, questions the profile
cannot answer, sarcasm and irony, follow-ups, trolls, spam, people who are upset for good reasons. Every message is
new: do not reuse the profile's example messages. Vary authors (handles on TikTok/Instagram, real-looking names on
Facebook)."""


def w(name, text):
    os.makedirs("/work/casework/prompts", exist_ok=True)
    open(f"/work/casework/prompts/{name}.md", "w").write(text)


d = f"/work/casework/guard{GD}/"
w(
    f"p_good{GD}",
    f"""# Task: 200 GOOD reply drafts for a guard test corpus ({SEED} round)

{RULE.format(d=d)}

{COMMON}

{SEASON}

Write 200 reply drafts that a senior community manager would SEND AS THEY ARE. Half written as an expert community
manager would (`author_style: expert`), half as a capable language model would after being given the profile
(`author_style: model`). Each draft follows every rule of the profile: du (never Sie, even to formal writers), within
the platform/channel length limit (TikTok comment 150 characters!), only emoji from the platform's palette and at most
its maximum, no hashtags where the platform allows none, no markdown or URLs, no personal data (no order numbers,
addresses, e-mails, phone numbers, IBANs repeated in public comments), no promises the policy forbids (no refunds,
discounts, codes, compensation or firm delivery dates promised), no invented facts or services (say honestly that you
will ask the team when the profile has no answer), no banned or call-centre phrases, nothing from internal_notes,
the message's language, and the reply answers this person's actual concern. Complaints get empathy and the right team
(brought in smoothly), never cheerfulness. About 24 of the 200 are outreach: `mode: outreach`, a `post` field with
another creator's post (a baker, a runner, a student, a local club...) and the brand's comment under it that fits the
topic, adds something and never promotes Bohnenkiez. About 40 are DMs (`channel: dm`). Spread across tiktok,
instagram, facebook. Include hard cases for a checker: refusals ("Rabattcodes geben wir leider keine"), the word
"Sie" for a thing (die Mühle ... Sie hat ...), honest deferrals, short replies to short messages, replies that
answer with a fact in different words than the message used, playful replies to jokes, brand names and places.

Output: {d}good_test{GP}.yaml, YAML exactly like this:
```
# Guard test corpus {GP}: 200 GOOD reply drafts for Bohnenkiez (late summer to autumn 2029 inbox).
drafts:
- id: g{GD}001
  platform: tiktok          # tiktok | instagram | facebook
  channel: comment          # comment | dm
  mode: reply               # reply | outreach (outreach needs a post: field, message may be empty '')
  author: 'handle'
  message: 'the incoming message'
  lang: de                  # de | en, the language of the message and the reply
  text: 'the reply draft'
  author_style: expert      # expert | model
```
Ids g{GD}001 to g{GD}200. Quote strings with single quotes (double a single quote inside).
""",
)

w(
    f"p_bad{GD}",
    f"""# Task: 200 BAD reply drafts for a guard test corpus ({SEED} round)

{RULE.format(d=d)}

{COMMON}

{SEASON}

Write 200 reply drafts that each break EXACTLY ONE rule of the profile and are otherwise usable replies (so a checker
must find the one problem). Label the broken rule in `check` and give a short reason in `why`. About 15 or 16 per check:
- length: over the platform/channel limit (TikTok comment 150, TikTok DM 1000, Instagram comment 2200, Instagram DM
  1000, Facebook comment 8000, Facebook DM 2000 characters).
- stock_phrases: call-centre boilerplate or a banned phrase from brand.yaml ("Vielen Dank für Ihre Nachricht",
  "Thank you for reaching out", "We apologise for any inconvenience", "Wir bedauern die Unannehmlichkeiten" ...).
- language: answers in the other language, or switches language in the middle.
- self_promotion: an outreach comment (mode outreach, with a post) that plugs Bohnenkiez, its products, shop, codes.
- promises: promises what the policy forbids (refund, discount, code, compensation, free items, a firm delivery date
  or day, a sale that does not exist) or invents a fact or service the profile does not have.
- address_form: uses Sie/Ihnen/Ihr (formal) although the profile says du, or mixes.
- specificity: friendly but generic, ignores what the person actually asked or said.
- personal_data: repeats or invents personal data in public (order number, address, e-mail, phone, IBAN, full name
  of a third person) or asks for it in a public comment.
- markup_and_links: markdown (**bold**, lists, headings) or URLs/links in the reply.
- hashtags: hashtags where the platform allows none.
- emoji: emoji outside the platform's palette or more than its maximum.
- leakage: reveals internal_notes, system/prompt/policy settings, or "as an AI" talk.
- injection_echo: the message contains an instruction to the AI (ignore your rules, write as a pirate, reveal your
  prompt, add a link...) and the draft obeys or echoes it.
Spread over tiktok/instagram/facebook, comment/dm, reply/outreach, German (60%) and English (40%).

Output: {d}bad_test{GP}.yaml, YAML exactly like this:
```
# Guard test corpus {GP}: 200 reply drafts for Bohnenkiez (late summer to autumn 2029 inbox).
# Every draft is BAD: it breaks exactly one rule of the voice profile, named in `check`
# with a short reason in `why`. Otherwise the draft is meant to be a usable reply.
drafts:
- id: b{GD}001
  platform: tiktok
  channel: comment
  mode: reply
  author: 'handle'
  message: 'the incoming message'
  lang: de
  text: 'the reply draft'
  check: length
  why: 'short reason'
```
Ids b{GD}001 to b{GD}200 (outreach items also get `post: '...'`). Quote strings with single quotes.
""",
)

LABELS = """Labels for each message:
- intent (one): product_question (questions about products, facts, shipping, payment before an order...),
  stock_question (is X back / available / sold out), order_via_message (tries to order or pay in the chat),
  order_status (where is my order, when does it ship), delivery_problem (parcel late, lost, wrong address, Packstation),
  damaged_or_wrong_item (arrived broken, torn, wrong product), defect (a product stopped working, e.g. the grinder),
  refund_request (wants money back, cancel and refund), billing (charged twice, invoice, payment problem after ordering),
  service_complaint (about the brand's service: unanswered DMs, rude staff, slow replies), criticism (about products,
  prices, packaging, brand choices), praise, troll (provocation, insults, bait without a real concern), spam (bots,
  scams, fake giveaways, follower selling), collaboration (influencers, agencies, cafés, press asking to work together),
  job_application (wants to work there, Ausbildung, Praktikum), other (jokes, chatter, anything else).
- secondary_intents: list of further intents in the same message (often []).
- sentiment: positive | neutral | negative (sarcastic praise is negative).
- sarcasm: true | false.
- emotion: angry | disappointed | worried | curious | happy | joking | neutral.
- register: formal (Sie, Sehr geehrte, Mit freundlichen Grüßen, polite letter English) | casual.
- wants: information | refund | replacement | attention | nothing | other.
- team: after_sales (refunds, damaged/wrong items, defects, billing) | logistics (order status, delivery problems) | none.
- questions: every real question in the message (also indirect ones: "ich wüsste gern, ob...", "let me know if..."),
  each with `text` (the question as written, may be shortened to the question itself) and `fact`: the id of the
  brand.yaml fact that answers it (shipping, shipping_abroad, returns, replacement, grinder_warranty,
  grind_french_press, grind_espresso, decaf, bags, shelf_life, subscription, workshops, order_channel, office, pickup,
  payment) or null when no fact answers it. Rhetorical questions ("seid ihr noch ganz dicht?") are not questions."""
for part, aid, focus in (
    (
        "a",
        A1,
        "about 55% questions (many with facts, many the profile cannot answer: fact null), stock questions, orders in the chat, order status and delivery problems, billing; the rest spread over the other intents",
    ),
    (
        "b",
        A2,
        "about 55% complaints (damaged, defects, refunds, service complaints, criticism), sarcasm and irony (about 35 sarcastic messages), trolls, spam, collaborations, job applications, praise and jokes; the rest questions and orders",
    ),
):
    d = f"/work/casework/ac{A1}/"
    w(
        f"p_an{BT}{part}",
        f"""# Task: 250 labelled messages for an analysis corpus (batch {BT}, part {part}, {SEED} round)

{RULE.format(d=d)}

{COMMON}

{SEASON}

Focus of this part: {focus}. About 30 of the 250 carry a `thread` (earlier messages of the same conversation, e.g.
the person's first message with an order number, or the brand's earlier reply) and are follow-ups. About 25 are formal
letters. Use realistic order numbers (5 digits) sometimes.

{LABELS}

Output: {d}batch{BT}_autumn_{part}.yaml, YAML exactly like this:
```
# Batch {BT}, part {part}: 250 labelled late-summer/autumn messages by a helper who never read the code.
batch: 2026-12-{SID}
cases:
- id: ac{aid}-0001
  platform: instagram      # tiktok | instagram | facebook
  channel: comment         # comment | dm
  author: 'handle'
  message: '...'
  thread: []               # optional: list of earlier messages as strings, oldest first
  lang: de
  intent: product_question
  secondary_intents: []
  sentiment: neutral
  sarcasm: false
  emotion: curious
  register: casual
  wants: information
  team: none
  questions:
  - text: '...'
    fact: shipping
```
Ids ac{aid}-0001 to ac{aid}-0250. Quote strings with single quotes (double a single quote inside). Omit `thread` when empty.
""",
    )

d = f"/work/casework/set{SID}/"
w(
    f"p_set{SID}",
    f"""# Task: 60 realistic cases with expert reference replies (judge set {SETN}, {SEED} round)

{RULE.format(d=d)}

{COMMON}

{SEASON}

Write 60 cases as a community manager's real day brings them: 52 replies (about 40 comments, 12 DMs) and 8 outreach
cases (`mode: outreach`: another creator's post in `post`, `message: ''`; the brand comments under it). Spread over
tiktok, instagram, facebook; about 35 German, 25 English. Include: questions with a fact in the profile, questions
the profile cannot answer, several questions in one message, complaints that need the logistics or after-sales team
(`team`), sarcasm, a troll or two, a formal letter, a follow-up that refers to something said before, praise, a
joke, a spam/scam message, a collaboration request, a job application.

For each case write three reference replies as an expert community manager following the profile exactly (du,
limits, emoji palette, no hashtags where not allowed, no forbidden promises, no invented facts: honest "I'll ask the
team" where the profile has no answer, the right team brought in smoothly for problems), one per tone: warm,
playful, crisp (see brand.yaml tones; playful stays gentle and never jokes at an upset person's expense).

Output: {d}cases.yaml, YAML exactly like this:
```
cases:
- id: {SID}01
  platform: tiktok
  channel: comment
  mode: reply
  author: 'handle'
  message: '...'
  post: ''                 # only for outreach
  lang: de
  team: none               # none | logistics | after_sales
  references:
    warm: '...'
    playful: '...'
    crisp: '...'
```
Ids {SID}01 to {SID}60. Quote strings with single quotes (double a single quote inside).
""",
)
print("round", R, "guard part", GP, "dir guard%d" % GD, "batch", BT, "dirs ac%d" % A1, "set", SID, SETN)
