"""Voice profiles: load a brand and its platform profile from YAML, validate, merge."""

from __future__ import annotations

import difflib
import hashlib
from functools import cached_property
from pathlib import Path
from typing import Any, Literal, TypeVar

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from assistant.defaults import DEFAULT_LIMITS, MIN_DEFAULT_TONES, PLATFORMS, Channel, Platform
from assistant.errors import ProfileError
from assistant.models import StrictModel
from assistant.profiles import strict_yaml
from assistant.profiles.strict_yaml import pattern_problem

Localized = dict[str, str]
M = TypeVar("M", bound=BaseModel)


class Identity(StrictModel):
    """Who speaks for the brand and what it stands for."""

    speaker: str
    values: list[str] = Field(default_factory=list)


class EmojiRules(StrictModel):
    """Emoji palette and how many a reply may carry."""

    palette: list[str] = Field(default_factory=list)
    max_per_reply: int = Field(default=2, ge=0)


class SignOff(StrictModel):
    """Closing line per language, used on the listed channels only."""

    text: Localized = Field(default_factory=dict)
    channels: list[Channel] = Field(default_factory=lambda: list[Channel](["dm"]))


class Product(StrictModel):
    """A product the analysis recognises (name plus aliases and common misspellings)."""

    name: str
    aliases: list[str] = Field(default_factory=list)
    text: Localized = Field(default_factory=dict)


class Fact(StrictModel):
    """A fact a community manager may state, found by keywords or intents."""

    id: str
    keywords: list[str] = Field(default_factory=list)
    intents: list[str] = Field(default_factory=list)
    text: Localized
    # Shorter wordings for tight limits (TikTok comments); several let tones differ.
    short: dict[str, str | list[str]] = Field(default_factory=dict)

    def short_forms(self, language: str, default: str) -> list[str]:
        """The short wordings in a language (or the default language), as a list."""
        value = self.short.get(language) or self.short.get(default) or []
        return [value] if isinstance(value, str) else list(value)


class Policy(StrictModel):
    """What replies may promise; anything False must be left to the team."""

    refunds: bool = False
    discounts: bool = False
    codes: bool = False
    compensation: bool = False
    delivery_dates: bool = False


class EscalationRule(StrictModel):
    """When a team must act, whom to tell, and what to ask the customer in a DM."""

    intents: list[str] = Field(default_factory=list)
    triggers: list[str] = Field(default_factory=list)
    contact: str
    ask_in_dm: Localized = Field(default_factory=dict)
    # A more precise question for some intents (a billing problem needs no photo).
    ask_by_intent: dict[str, Localized] = Field(default_factory=dict)
    label: Localized = Field(default_factory=dict)


class Example(StrictModel):
    """A message with a good reply, as the team would write it."""

    message: str
    reply: str
    channel: Channel = "comment"


class HashtagRules(StrictModel):
    """How many hashtags a reply may carry."""

    max: int = Field(default=0, ge=0)
    policy: str = "none in replies"


class BrandProfile(StrictModel):
    """brand.yaml: everything that holds on every platform."""

    name: str
    languages: list[str] = Field(min_length=1)
    default_language: str
    address_form: dict[str, Literal["du", "Sie", "you"]]
    identity: Identity
    tones: dict[str, str] = Field(min_length=MIN_DEFAULT_TONES)
    default_tones: list[str] = Field(min_length=MIN_DEFAULT_TONES)
    do: list[str] = Field(default_factory=list)
    dont: list[str] = Field(default_factory=list)
    banned_phrases: list[str] = Field(default_factory=list)
    emoji: EmojiRules = Field(default_factory=EmojiRules)
    sign_off: SignOff = Field(default_factory=SignOff)
    products: list[Product] = Field(default_factory=list)
    facts: list[Fact] = Field(default_factory=list)
    # Know-how without the brand in it, for comments on other creators' posts.
    tips: list[Fact] = Field(default_factory=list)
    policy: Policy = Field(default_factory=Policy)
    escalation: dict[str, EscalationRule] = Field(default_factory=dict)
    order_number_pattern: str = r"\d{5,8}"
    internal_notes: list[str] = Field(default_factory=list)
    # A draft this similar (rapidfuzz token-set ratio, 0-100) to a recent approved reply is a repeat.
    repetition_threshold: int = Field(default=80, ge=50, le=100)
    # Replace personal data with placeholders before anything is sent to an LLM.
    redact_pii: bool = True
    # Domains replies may link to (e.g. the shop); any other link in a draft is blocked.
    allowed_domains: list[str] = Field(default_factory=list)
    # `address_form.mirror: true` in YAML: a formal German message (Sie) is answered with Sie.
    address_mirror: bool = Field(default=False, alias="address_form.mirror")

    @model_validator(mode="before")
    @classmethod
    def _mirror(cls, data: Any) -> Any:
        """Take `mirror` out of address_form (the other keys there are languages)."""
        forms = data.get("address_form") if isinstance(data, dict) else None
        if isinstance(forms, dict) and "mirror" in forms:
            forms = dict(forms)
            data = {**data, "address_form": forms, "address_form.mirror": forms.pop("mirror")}
        return data

    @field_validator("order_number_pattern")
    @classmethod
    def _compiles(cls, value: str) -> str:
        problem = pattern_problem(value)
        if problem:
            raise ValueError(problem)
        return value

    def model_post_init(self, _context: Any) -> None:
        """Cross-field rules: default language and tones must be defined."""
        if self.default_language not in self.languages:
            raise ValueError(f"default_language {self.default_language!r} is not in languages")
        missing = [t for t in self.default_tones if t not in self.tones]
        if missing:
            raise ValueError(f"default_tones names undefined tones: {', '.join(missing)}")


class PlatformProfile(StrictModel):
    """<platform>.yaml: extends the brand with the platform's register and limits."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    extends: Literal["brand"]
    platform: Platform
    limits: dict[Channel, int] = Field(default_factory=dict)
    # "register" would shadow BaseModel.register, so the YAML key is an alias.
    voice_register: str = Field(alias="register")
    slang: list[str] = Field(default_factory=list)
    hashtags: HashtagRules = Field(default_factory=HashtagRules)
    emoji: EmojiRules | None = None
    emoji_density: Literal["none", "low", "medium", "high"] = "medium"
    sign_off: SignOff | None = None
    tones: dict[str, str] = Field(default_factory=dict)
    do: list[str] = Field(default_factory=list)
    dont: list[str] = Field(default_factory=list)
    banned_phrases: list[str] = Field(default_factory=list)
    examples: list[Example] = Field(default_factory=list)
    # Lower (or raise) a check's severity on this platform, e.g. {emoji: warn}.
    check_severity: dict[str, Literal["block", "warn"]] = Field(default_factory=dict)

    @field_validator("limits")
    @classmethod
    def _positive(cls, value: dict[str, int]) -> dict[str, int]:
        for channel, limit in value.items():
            if limit < 1:
                raise ValueError(f"limit for {channel} must be at least 1 character")
        return value


class VoiceProfile(BaseModel):
    """A brand profile merged with one platform profile: what drafting uses."""

    model_config = ConfigDict(frozen=True)

    key: str
    brand: BrandProfile
    platform: PlatformProfile
    version: str

    @property
    def tones(self) -> dict[str, str]:
        """Brand tones, with the platform's refinements appended to each instruction."""
        merged = dict(self.brand.tones)
        for name, extra in self.platform.tones.items():
            merged[name] = f"{merged[name]} {extra}".strip() if name in merged else extra
        return merged

    @property
    def emoji(self) -> EmojiRules:
        """The platform's emoji rules where given, else the brand's."""
        return self.platform.emoji or self.brand.emoji

    @property
    def sign_off(self) -> SignOff:
        """The platform's sign-off where given, else the brand's."""
        return self.platform.sign_off or self.brand.sign_off

    @property
    def banned_phrases(self) -> list[str]:
        """Brand and platform banned phrases together."""
        return [*self.brand.banned_phrases, *self.platform.banned_phrases]

    def public_texts(self) -> tuple[str, ...]:
        """What the brand says to customers anyway: facts, tips, products, sign-offs, asks, examples."""
        return self._public_texts

    @cached_property
    def _public_texts(self) -> tuple[str, ...]:  # the guard asks for them a dozen times per draft
        brand, platform = self.brand, self.platform
        pieces = [t for f in [*brand.facts, *brand.tips] for t in f.text.values()]
        pieces += [
            s for f in [*brand.facts, *brand.tips] for v in f.short.values() for s in ([v] if isinstance(v, str) else v)
        ]
        pieces += [t for p in brand.products for t in (p.name, *p.text.values())]
        pieces += [*self.sign_off.text.values(), *(e.reply for e in platform.examples)]
        for rule in brand.escalation.values():
            pieces += [*rule.ask_in_dm.values(), *rule.label.values()]
            pieces += [text for asks in rule.ask_by_intent.values() for text in asks.values()]
        return tuple(pieces)

    def limit(self, channel: str) -> int:
        """Maximum characters for a reply on this platform and channel."""
        return self.platform.limits.get(channel) or DEFAULT_LIMITS[self.platform.platform][channel]  # type: ignore[call-overload]

    def address_form(self, language: str) -> str:
        """du, Sie or you for a language (falls back to the default language)."""
        forms = self.brand.address_form
        return forms.get(language) or forms.get(self.brand.default_language, "you")

    def product(self, name: str) -> Product | None:
        """The brand's product of that name, or None."""
        return next((p for p in self.brand.products if p.name == name), None)

    def localized(self, texts: Localized, language: str) -> str:
        """Pick a text in the language, else the default language, else any."""
        return texts.get(language) or texts.get(self.brand.default_language) or next(iter(texts.values()), "")


# ---------------------------------------------------------------- loading


def list_brands(personas: Path) -> list[str]:
    """Brand folders under a personas directory, sorted."""
    if not personas.is_dir():
        raise ProfileError(f"{personas}: personas folder not found; pass --personas DIR")
    return sorted(p.name for p in personas.iterdir() if (p / "brand.yaml").is_file())


def resolve_brand(personas: Path, brand: str | None) -> str:
    """The named brand, or the only/first brand in the folder."""
    brands = list_brands(personas)
    if brand:
        if brand not in brands:
            known = ", ".join(brands) or "none"
            raise ProfileError(f"{personas / brand}: no brand.yaml for brand {brand!r} (known: {known})")
        return brand
    if not brands:
        raise ProfileError(f"{personas}: no brand folder with a brand.yaml; create <brand>/brand.yaml")
    return brands[0]


def load_profile(personas: Path | str, brand: str | None, platform: str) -> VoiceProfile:
    """Load brand.yaml and <platform>.yaml of a brand and merge them."""
    personas = Path(personas)
    if platform not in PLATFORMS:
        raise ProfileError(f"unknown platform {platform!r}; use one of: {', '.join(PLATFORMS)}")
    name = resolve_brand(personas, brand)
    brand_path = personas / name / "brand.yaml"
    platform_path = personas / name / f"{platform}.yaml"
    return merge_profiles(
        parse_file(brand_path, BrandProfile),
        parse_file(platform_path, PlatformProfile),
        key=f"{name}/{platform}",
        platform_path=platform_path,
        version=_digest(brand_path.read_bytes() + platform_path.read_bytes()),
    )


def merge_profiles(
    brand: BrandProfile, platform: PlatformProfile, *, key: str, platform_path: Path, version: str
) -> VoiceProfile:
    """Check that a platform profile fits its brand (platform name, refined tones) and merge them."""
    expected = key.rsplit("/", 1)[-1]
    if platform.platform != expected:
        raise ProfileError(
            f"{platform_path}:1: field 'platform': says {platform.platform!r}; fix: set platform: {expected}"
        )
    unknown = [t for t in platform.tones if t not in brand.tones]
    if unknown:
        raise ProfileError(
            f"{platform_path}: field 'tones': refines undefined tone {unknown[0]!r}; "
            f"fix: define it in brand.yaml first (known: {', '.join(brand.tones)})"
        )
    return VoiceProfile(key=key, brand=brand, platform=platform, version=version)


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()[:16]


def parse_file(path: Path, model: type[M]) -> M:
    """Read one YAML file into a model; every failure is one ProfileError line."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ProfileError(f"{path}: file not found; create it (`replyvoice init BRAND` writes a set)") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ProfileError(f"{path}: cannot read ({exc}); fix: save it as UTF-8 text") from None
    return parse_text(text, model, source=str(path))


def parse_text(text: str, model: type[M], *, source: str) -> M:
    """Validate YAML text against a model; errors name source, line, field and fix."""
    parsed, problems = check_text(text, model, source=source)
    if parsed is None:
        more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
        raise ProfileError(problems[0] + more)
    return parsed


def check_text(text: str, model: type[M], *, source: str) -> tuple[M | None, list[str]]:
    """Validate YAML text against a model: (model, []) or (None, every problem, one line each)."""
    try:
        data = strict_yaml.load(text)
    except yaml.YAMLError as exc:
        return None, [_yaml_error(exc, source)]
    if not isinstance(data, dict):
        return None, [f"{source}:1: expected a mapping of fields; fix: write `field: value` lines"]
    try:
        return model.model_validate(data), []
    except ValidationError as exc:
        return None, validation_problems(exc, text, source)


def _yaml_error(exc: yaml.YAMLError, source: str) -> str:
    mark = getattr(exc, "problem_mark", None)
    line = f":{mark.line + 1}" if mark is not None else ""
    problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
    return f"{source}{line}: invalid YAML ({problem}); fix: check indentation and quoting there"


_FIXES = {
    "missing": "add this field",
    "extra_forbidden": "remove it or fix its spelling",
    "int_parsing": "write a whole number",
    "int_type": "write a whole number",
    "string_type": "write text (quote it if it starts with a special character)",
    "list_type": "write a list (lines starting with '- ')",
    "dict_type": "write a mapping (`key: value` lines)",
    "bool_type": "write true or false",
    "bool_parsing": "write true or false",
    "literal_error": "use one of the allowed values",
    "too_short": "add more entries",
    "greater_than_equal": "use a larger number",
}


def validation_problems(exc: ValidationError, text: str, source: str) -> list[str]:
    """Every problem of a failed validation, one line each; a missing field a typo explains is not repeated."""
    errors = sorted(exc.errors(), key=lambda e: e["type"] != "extra_forbidden")  # a typo explains "missing"
    explained = {_close_missing(tuple(e["loc"]), errors) for e in errors if e["type"] == "extra_forbidden"}
    kept = [e for e in errors if not (e["type"] == "missing" and tuple(e["loc"]) in explained)]
    return [_problem(err, errors, exc.title, text, source) for err in kept]


def _problem(err: Any, errors: list[Any], title: str, text: str, source: str) -> str:
    loc = tuple(err["loc"])
    field = ".".join(str(p) for p in loc) or "(top level)"
    fix = _FIXES.get(err["type"], "correct the value")
    if err["type"] == "extra_forbidden":
        fix = f"remove it or fix its spelling{_suggestion(loc, errors)}{_allowed_fields(title, loc)}"
    msg = err["msg"].removeprefix("Value error, ")
    return f"{source}:{_line_of(text, loc)}: field '{field}': {msg}; fix: {fix}"


def _close_missing(loc: tuple[Any, ...], errors: list[Any]) -> tuple[Any, ...] | None:
    missing = [str(e["loc"][-1]) for e in errors if e["type"] == "missing" and tuple(e["loc"][:-1]) == loc[:-1]]
    close = difflib.get_close_matches(str(loc[-1]), missing, n=1)
    return (*loc[:-1], close[0]) if close else None


def _suggestion(loc: tuple[Any, ...], errors: list[Any]) -> str:
    close = _close_missing(loc, errors)
    return f" (did you mean '{close[-1]}'?)" if close else ""


def _allowed_fields(title: str, loc: tuple[Any, ...]) -> str:
    models = {"BrandProfile": BrandProfile, "PlatformProfile": PlatformProfile}
    model: Any = models.get(title)
    for part in loc[:-1]:
        if model is None or isinstance(part, int):
            break
        field = model.model_fields.get(part)
        annotation = getattr(field, "annotation", None)
        model = annotation if isinstance(annotation, type) and issubclass(annotation, BaseModel) else None
    if model is None:
        return ""
    return f" (allowed: {', '.join(model.model_fields)})"


def _line_of(text: str, loc: tuple[Any, ...]) -> int:
    """Line number (1-based) of the YAML node at a pydantic error location."""
    try:
        node = yaml.compose(text)
    except yaml.YAMLError:
        return 1
    line = node.start_mark.line if node is not None else 0
    for part in loc:
        child = _child(node, part)
        if child is None:
            break
        node, line = child, child.start_mark.line
    return line + 1


def _child(node: Any, part: Any) -> Any:
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            if key.value == str(part):
                return value if not isinstance(value, yaml.ScalarNode) or value.value else key
        return None
    if isinstance(node, yaml.SequenceNode) and isinstance(part, int) and part < len(node.value):
        return node.value[part]
    return None


def validate_dir(personas: Path | str) -> list[str]:
    """Load every brand/platform profile in a folder; return the keys that loaded."""
    personas = Path(personas)
    loaded = []
    for brand in list_brands(personas):
        for platform in PLATFORMS:
            if (personas / brand / f"{platform}.yaml").exists():
                loaded.append(load_profile(personas, brand, platform).key)
    return loaded


def profile_as_dict(profile: VoiceProfile) -> dict[str, Any]:
    """The merged profile as plain data (for `replyvoice profiles show`)."""
    brand = profile.brand.model_dump(mode="json")
    platform = profile.platform.model_dump(mode="json", by_alias=True, exclude={"extends"})
    brand.update(
        {
            "tones": profile.tones,
            "emoji": profile.emoji.model_dump(mode="json"),
            "sign_off": profile.sign_off.model_dump(mode="json"),
            "banned_phrases": profile.banned_phrases,
            "do": [*profile.brand.do, *profile.platform.do],
            "dont": [*profile.brand.dont, *profile.platform.dont],
        }
    )
    for key in ("tones", "emoji", "sign_off", "banned_phrases", "do", "dont"):
        platform.pop(key, None)
    platform["limits"] = {c: profile.limit(c) for c in ("comment", "dm")}
    return {"profile": profile.key, "version": profile.version, **brand, **platform}
