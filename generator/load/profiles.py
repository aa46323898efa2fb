"""Read the publishing profiles (`site_config/profiles.yml`) and pick one by name."""

from __future__ import annotations

import os
from pathlib import Path

from ..errors import ContentError, ContentErrors, did_you_mean
from ..model import Profile, Tlp
from . import fields
from .read import FileProblem, compose, read_text
from .validate import Checker, TooLarge


def load_profiles(path: Path) -> dict[str, Profile]:
    """Every profile in the file, by name; `ContentErrors` if the file is wrong."""
    display = os.path.relpath(path)
    try:
        node = compose(read_text(path, display), display)
    except FileProblem as problem:
        raise ContentErrors([problem.error]) from None
    checker = Checker(display)
    try:
        entries = checker.value(node, fields.PROFILES) or {}
    except TooLarge as exc:
        raise ContentErrors([ContentError(display, 1, 1, f"file refused: {exc}")]) from None
    if checker.errors:
        raise ContentErrors(checker.errors)
    return {
        name: Profile(name, Tlp(values["tlp"]), values.get("drafts", False),
                      values.get("description", ""),
                      hold_embargoed=values.get("embargo", "hold") == "hold")
        for name, (values, _where) in entries.items()
    }


def choose_profile(path: Path, name: str) -> Profile:
    """The profile called `name`; the built-in public one when no profiles file exists."""
    if not path.is_file():
        if name == "public":
            return Profile("public")
        raise ContentErrors([ContentError(str(path), 1, 1, "profiles file not found",
                                          f"needed for the profile {name!r}")])
    profiles = load_profiles(path)
    if name not in profiles:
        raise ContentErrors([ContentError(os.path.relpath(path), 1, 1,
                                          f"no publishing profile {name!r}",
                                          did_you_mean(name, profiles))])
    return profiles[name]
