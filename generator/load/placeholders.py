"""The starting files' placeholder text, and the check that nothing published still holds it.

The text is declared once, in `templates/new/placeholders.yml` beside the templates of
`briefings new`, which take it from there (`scaffold.py`). A published article or briefing
that still holds one is an error: the page would show it. An actor has no draft state to wait
in, so there it is a warning, and a new actor file still passes `check`.
"""

from __future__ import annotations

import re
from importlib import resources

import yaml

from ..errors import ContentError, ContentWarning, excerpt
from ..model import Source
from ..user_markdown import line_col
from .read import FrontMatter
from .validate import Checker

BODY = "text"  # the name placeholders.yml gives an article's text, which is no field

PLACEHOLDERS: dict[str, dict[str, str]] = yaml.safe_load(
    resources.files("generator").joinpath("templates/new/placeholders.yml")
    .read_text(encoding="utf-8"))

# Found however the curator rewrapped or respaced it (a folded bluf).
_FOUND = {kind: {name: re.compile(r"\s+".join(map(re.escape, text.split())))
                 for name, text in fields.items()}
          for kind, fields in PLACEHOLDERS.items()}


def check(checker: Checker, kind: str, node: yaml.Node, published: bool,
          front: FrontMatter | None = None) -> None:
    """Add to `checker` each placeholder the `kind` file at `node` (an article: and `front`)
    still holds: an error if the item is published, a warning on an actor, else nothing."""
    if kind != "actor" and not published:
        return
    for name, pattern in _FOUND[kind].items():
        where = _found(checker, pattern, front if name == BODY else _field(node, name))
        if where is None:
            continue
        placeholder = excerpt(PLACEHOLDERS[kind][name])
        what = f"{kind} still holds the placeholder {placeholder} in its {name}"
        if kind == "actor":
            checker.warnings.append(ContentWarning(
                where.path, where.line, where.col, what,
                f"write its own {name}: pages show it as it is"))
        else:
            checker.errors.append(ContentError(
                where.path, where.line, where.col, f"published {what}",
                f"write its own {name}, or set status: draft until it is ready"))


def _found(checker: Checker, pattern: re.Pattern[str],
           within: yaml.Node | FrontMatter | None) -> Source | None:
    """Where `pattern` is in an article's text (`within` its front matter) or in a field's
    value (`within` the field's node)."""
    if isinstance(within, FrontMatter):
        found = pattern.search(within.body)
        if found is None:
            return None
        line, col = line_col(within.body, found.start())
        return Source(checker.path, line + within.body_line - 1, col)
    if isinstance(within, yaml.ScalarNode) and pattern.search(within.value):
        return checker.where(within)
    return None


def _field(node: yaml.Node, name: str) -> yaml.Node | None:
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            if isinstance(key, yaml.ScalarNode) and key.value == name:
                return value
    return None
