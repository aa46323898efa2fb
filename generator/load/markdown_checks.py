"""What `check` tells a curator about the Markdown in a text: what the site will show differently.

The render stage neutralises these (see `generator/user_markdown.py` and `render/markup.py`),
so none of them stops a build; each is a warning with its line and column, so that the
curator learns why a link shows as plain text or an image as a link.
"""

from __future__ import annotations

from ..errors import ContentWarning
from ..user_markdown import MARKUP, MAX_BLOCKS, MAX_HEADINGS, line_col, scan
from ..wording import counted


def markdown_warnings(text: str, path: str, line: int = 1, col: int = 1,
                      exact: bool = True) -> list[ContentWarning]:
    """Warnings for `text`, which starts at `line`:`col` of the file at `path`.

    `exact=False` is for a text whose characters do not stand where the file has them (a
    folded YAML block): every warning then points at where the text starts.
    """
    scanned = scan(text)
    warnings = []

    def at(offset: int, message: str, hint: str = "") -> None:
        text_line, text_col = line_col(text, offset) if exact else (1, 1)
        warnings.append(ContentWarning(path, line + text_line - 1,
                                       text_col + (col - 1 if text_line == 1 else 0),
                                       message, hint))

    for link in scanned.links:
        shown = repr(_short(link.address))
        if not link.safe:
            scheme = link.scheme
            what = f"a {scheme}: address" if scheme else "not a web address"
            at(link.address_at, f"link to {shown} is shown as plain text: {what}",
               "links in content must be http(s) or mailto addresses; actors are linked "
               "automatically")
        elif link.image:
            at(link.start, f"image {shown} is shown as a link: pages load nothing from outside "
                           "the site")
    if scanned.tail_from is not None:
        at(scanned.tail_from, f"paragraphs, list items and table rows past the first"
                              f" {MAX_BLOCKS:,} are shown as one block of plain preformatted text",
           "no article needs that many")
    dense = [span for span in scanned.plain if span[0] != scanned.tail_from]
    if dense:
        count = len(dense)
        chars = sum(len(MARKUP.findall(text, start, end)) for start, end in dense)
        at(dense[0][0],
           f"{counted(count, 'paragraph')} dense with markup ({chars:,} of "
           "\\&<*_[]!`{) shown as plain preformatted text",
           "no prose needs that many; the Markdown engine would take minutes over them")
    headings = [offset for offset in scanned.escapes if text[offset] == "#"]
    if headings:
        at(headings[0], f"{len(headings):,} headings past the first {MAX_HEADINGS} are shown as"
                        " plain text", "no article needs that many sections")
    brackets = [offset for offset in scanned.escapes if text[offset] != "#"]
    if brackets:
        count = len(brackets)
        at(brackets[0],
           f"{counted(count, 'bracket')} that close nothing, nest too deep or "
           "span too much text are shown as plain characters",
           "the Markdown engine would take minutes over them")
    return warnings


def _short(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
