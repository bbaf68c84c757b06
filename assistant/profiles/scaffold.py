"""`replyvoice init`: write a commented, valid set of voice-profile files for a new brand."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

import jinja2

from assistant.defaults import DATA_DIR, DEFAULT_LIMITS, PLATFORMS
from assistant.errors import InputError, ProfileError
from assistant.profiles.loading import BrandProfile, PlatformProfile, parse_text

TEMPLATES = DATA_DIR / "scaffold"
ADDRESS_FORMS = {"de": ("du", "Sie"), "en": ("you",)}
_SLUG = re.compile(r"[a-z0-9][a-z0-9_-]{0,63}")


@dataclass(frozen=True, kw_only=True)
class NewBrand:
    """What `replyvoice init` asks for: the folder name, language, address form and who speaks."""

    slug: str
    language: str = "de"
    address: str = "du"
    description: str = ""

    @property
    def speaker(self) -> str:
        """The identity line: the description, else a plain one naming the brand."""
        if self.description.strip():
            return self.description.strip()
        return f"Das Social-Team von {self.slug}." if self.language == "de" else f"The social team at {self.slug}."


def check_new_brand(brand: NewBrand) -> None:
    """Refuse folder names that are not simple slugs and address forms the language does not have."""
    if not _SLUG.fullmatch(brand.slug):
        raise InputError(f"{brand.slug!r}: use lower-case letters, digits, - and _ for the brand folder (e.g. acme)")
    forms = ADDRESS_FORMS.get(brand.language)
    if forms is None:
        raise InputError(f"language {brand.language!r} is not supported; use one of: {', '.join(ADDRESS_FORMS)}")
    if brand.address not in forms:
        raise InputError(f"--address {brand.address}: {brand.language} uses {' or '.join(forms)}")


def render_files(brand: NewBrand) -> dict[str, str]:
    """The file name -> text of brand.yaml and one file per platform, each checked against its schema."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES), undefined=jinja2.StrictUndefined, keep_trailing_newline=True
    )
    env.filters["yaml"] = lambda value: json.dumps(str(value), ensure_ascii=False)  # a JSON string is YAML
    common = {"name": brand.slug, "slug": brand.slug, "language": brand.language, "formal": brand.address == "Sie"}
    brand_text = env.get_template("brand.yaml.j2").render(address=brand.address, speaker=brand.speaker, **common)
    files = {"brand.yaml": brand_text}
    for platform in PLATFORMS:
        text = env.get_template("platform.yaml.j2").render(platform=platform, limits=DEFAULT_LIMITS[platform], **common)
        files[f"{platform}.yaml"] = text
    for name, text in files.items():
        parse_text(text, BrandProfile if name == "brand.yaml" else PlatformProfile, source=name)
    return files


def scaffold(personas: Path, brand: NewBrand) -> Path:
    """Write the new brand's folder under personas; refuses to touch an existing brand."""
    check_new_brand(brand)
    folder = personas / brand.slug
    if folder.exists() and any(folder.iterdir()):
        raise ProfileError(f"{folder}: the brand exists already; fix: choose another name or edit its files")
    files = render_files(brand)
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder
