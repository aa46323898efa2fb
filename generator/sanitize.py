"""The last line of defence: an allow-list sanitizer over the HTML rendered from generated pages.

Generated pages carry untrusted text, and Markdown itself can make HTML that runs script: an
attribute list sets `onfocus=…`, a link's address can be `javascript:`. The render stage
already writes user text so that none of this should happen; this module makes sure of it
on what the engine actually produced, whatever route a payload took. It runs on the HTML of
every generated page (the MkDocs plugin's `on_page_content`) with nh3 (Ammonia), keeping only
the tags, attributes, classes and URL schemes our templates use, then turns any image from
outside the site into a plain link, so that no page makes a reader's browser fetch from
elsewhere.

The table of contents is printed by the theme from `page.toc`, outside the page body, so its
entries are cleaned too (`clean_toc`): titles as HTML, ids as plain fragment names.

The graph data that the templates embed as `<script type="application/json">` is the one
script element a page body may hold: it is taken out before cleaning, checked to be JSON,
written out again by us (so no `</script>` can hide in it), and put back.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterable
from typing import Protocol

import nh3

from .user_markdown import SAFE_SCHEMES, outside

_TAGS = {
    "a", "abbr", "blockquote", "br", "code", "dd", "del", "details", "div", "dl", "dt", "em",
    "h1", "h2", "h3", "h4", "h5", "h6", "hr", "img", "ins", "kbd", "li", "mark", "ol", "p",
    "pre", "s", "span", "strong", "sub", "summary", "sup", "table", "tbody", "td", "tfoot",
    "th", "thead", "tr", "ul",
}
_ATTRIBUTES = {
    "*": {"id", "title"},
    "a": {"href", "data-actor-id", "data-article-id", "data-briefing-id"},
    "abbr": set(),
    "div": {"data-graph", "role", "aria-label"},
    "h2": {"data-search-exclude"},
    "p": {"aria-hidden"},
    "img": {"src", "alt"},
    "ol": {"start"},
    "td": {"align"},
    "th": {"align"},
    "details": {"open"},
}
# Every class our templates and Markdown extensions write; content can choose none of them.
_TLP = {"tlp-clear", "tlp-green", "tlp-amber", "tlp-amber-strict", "tlp-red"}
_CLASSES = {
    "a": {"headerlink", "briefing-terms"},
    "div": {"at-a-glance", "infobox", "search-skip", "key-figures", "quote",
            "relationship-graph", "relationship-graph--site", "relationship-graph--actor",
            "relationship-graph__links"},
    "p": {"briefing-meta", "quote__source", "quote__from", "source-line", "no-data", "evidence",
          "tlp-banner", "full-text", "pager", "also-mentioned", "excerpt-gap", *_TLP},
    "span": {"evidence", "kj-confidence", "kj-confidence--high", "kj-confidence--moderate",
             "kj-confidence--low", "kj-likelihood", "related-reason", "source-grade", "no-data",
             "tlp-label", *_TLP},
}

_GRAPH_DATA = re.compile(
    r'<script type="application/json" id="(graph-[a-z0-9-]+)">(.*?)</script>', re.DOTALL)
# A private-use character marks where graph data goes back; any in the page itself is
# replaced first, so content cannot forge a mark.
_MARK = "\ue000"
_PLACEHOLDER = _MARK + "graph-data-{}" + _MARK
_PLACEHOLDER_RE = re.compile(_MARK + "graph-data-(\\d+)" + _MARK)
_IMG = re.compile(r"<img\b([^>]*)>")
_ATTR = re.compile(r'([a-z-]+)="([^"]*)"')


def clean(page_html: str) -> str:
    """The page body with nothing left that content could use to run script or load from
    outside: only allow-listed tags, attributes, classes and URL schemes survive."""
    page_html = page_html.replace(_MARK, "\ufffd")
    kept: list[str] = []

    def take(match: re.Match) -> str:
        kept.append(_graph_script(match.group(1), match.group(2)))
        return _PLACEHOLDER.format(len(kept) - 1)

    page_html = _GRAPH_DATA.sub(take, page_html)
    cleaned = nh3.clean(
        page_html,
        tags=_TAGS,
        clean_content_tags={"script", "style", "template", "iframe", "object", "noscript"},
        attributes=_ATTRIBUTES,
        allowed_classes=_CLASSES,
        url_schemes=set(SAFE_SCHEMES),
        link_rel=None,  # no target="_blank" is allowed, so no rel is needed
        strip_comments=True,
    )
    cleaned = _IMG.sub(_local_image, cleaned)
    return _PLACEHOLDER_RE.sub(lambda m: kept[int(m.group(1))], cleaned)


def _graph_script(graph_id: str, data: str) -> str:
    try:
        value = json.loads(data)
    except ValueError:
        value = None
    # "<" escaped inside JSON keeps "</script>" and "<!--" out of the element.
    text = json.dumps(value, ensure_ascii=False, sort_keys=True).replace("<", "\\u003c")
    return f'<script type="application/json" id="{graph_id}">{text}</script>'


def _local_image(match: re.Match) -> str:
    """An image stays only when it is part of the site; from outside it becomes a link."""
    attributes = dict(_ATTR.findall(match.group(1)))
    src = html.unescape(attributes.get("src", ""))
    if src and not outside(src):
        return match.group()
    if not src:
        return ""
    label = html.unescape(attributes.get("alt", "")) or src
    return f'<a href="{html.escape(src)}">{html.escape(label, quote=False)}</a>'


class TocEntry(Protocol):
    """What MkDocs's `AnchorLink` has that the theme prints."""

    title: str
    id: str
    children: list


_FRAGMENT = re.compile(r"[\w.:-]+")


def clean_toc(entries: Iterable[TocEntry]) -> None:
    """Clean each entry of a page's table of contents in place (the theme prints both the
    title and the id raw, in `<a href="#{id}">{title}</a>`)."""
    for entry in entries:
        entry.title = nh3.clean(entry.title, tags={"code", "em", "strong"}, attributes={})
        if not _FRAGMENT.fullmatch(entry.id):
            entry.id = "-".join(re.findall(r"[\w.:-]+", entry.id)) or "section"
        clean_toc(entry.children)
