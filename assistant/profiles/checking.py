"""Check a whole personas folder and report every problem at once (for `replyvoice profiles validate`)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from pydantic import BaseModel

from assistant.defaults import PLATFORMS
from assistant.errors import ProfileError
from assistant.profiles.loading import BrandProfile, PlatformProfile, check_text, merge_profiles

M = TypeVar("M", bound=BaseModel)


@dataclass
class Report:
    """The profiles that loaded (brand/platform keys) and every problem found, one line each."""

    valid: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """True when at least one profile loaded and nothing is wrong."""
        return bool(self.valid) and not self.problems


def check_dir(personas: Path) -> Report:
    """Check every brand folder under personas: brand.yaml, its platform files and how they fit."""
    report = Report()
    if not personas.is_dir():
        report.problems.append(f"{personas}: folder not found; fix: name a folder with one sub-folder per brand")
        return report
    folders = sorted(p for p in personas.iterdir() if p.is_dir() and _profile_files(p))
    if not folders:
        report.problems.append(
            f"{personas}: no brand folder (<brand>/brand.yaml); fix: `replyvoice init BRAND --personas {personas}`"
        )
    for folder in folders:
        _check_brand(folder, report)
    return report


def _profile_files(folder: Path) -> list[Path]:
    names = ["brand.yaml", *(f"{p}.yaml" for p in PLATFORMS)]
    return [folder / n for n in names if (folder / n).is_file()]


def _check_brand(folder: Path, report: Report) -> None:
    brand_path = folder / "brand.yaml"
    brand = None
    if brand_path.is_file():
        brand = _parse(brand_path, BrandProfile, report)
    else:
        report.problems.append(f"{brand_path}: file not found; fix: `replyvoice init {folder.name}` or add it")
    platforms = [p for p in PLATFORMS if (folder / f"{p}.yaml").is_file()]
    if not platforms:
        report.problems.append(
            f"{folder}: no platform profile; fix: add at least one of {', '.join(f'{p}.yaml' for p in PLATFORMS)}"
        )
    for platform in platforms:
        _check_platform(folder, platform, brand, report)


def _check_platform(folder: Path, platform: str, brand: BrandProfile | None, report: Report) -> None:
    path = folder / f"{platform}.yaml"
    parsed = _parse(path, PlatformProfile, report)
    if parsed is None or brand is None:
        return
    key = f"{folder.name}/{platform}"
    try:
        merge_profiles(brand, parsed, key=key, platform_path=path, version="")
    except ProfileError as exc:
        report.problems.append(str(exc))
        return
    report.valid.append(key)


def _parse(path: Path, model: type[M], report: Report) -> M | None:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        report.problems.append(f"{path}: cannot read ({exc}); fix: save it as UTF-8 text")
        return None
    parsed, found = check_text(text, model, source=str(path))
    report.problems += found
    return parsed
