"""What in a built page could run script or load from outside, read as a browser reads it.

`problems(document)` lists every such thing in a page parsed by `support.dom`: handler
attributes, script URLs, attributes content has no business choosing, active elements inside
the content, and images from other hosts. Each problem is one line naming the element.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from .dom import Element
from .site import is_external

# Attributes whose value a browser follows or loads as a URL.
URL_ATTRIBUTES = frozenset({
    "href", "src", "srcset", "action", "formaction", "xlink:href", "data", "poster",
    "background", "cite", "ping",
})
# Attributes that content must never set: inline CSS can cover the page or fetch from
# outside, srcdoc is a whole document, autofocus fires focus handlers on load, formaction
# replaces a form's target.
CONTENT_FORBIDDEN_ATTRIBUTES = frozenset({"style", "srcdoc", "autofocus", "formaction"})
# Elements that run code, embed other documents, submit data or change how the page loads.
CONTENT_FORBIDDEN_ELEMENTS = frozenset({
    "script", "iframe", "frame", "frameset", "object", "embed", "applet", "form", "style",
    "base", "link", "meta",
})
# Elements that load what their src/srcset/poster name as soon as the page opens.
LOADING_ELEMENTS = frozenset({"img", "source", "video", "audio", "input", "track", "image"})
DANGEROUS_SCHEMES = ("javascript", "vbscript", "data")
# The table extension aligns columns (`| --: |`) with this, and nothing else may pass.
_TABLE_ALIGNMENT = re.compile(r"text-align: (left|right|center);")
# What the generator writes itself inside the content: the graph's data, never executed.
_DATA_BLOCK = "application/json"
# As the URL standard parses: C0 controls and spaces trimmed at both ends, tabs and
# newlines removed everywhere, so "java\tscript:" is "javascript:".
_TRIMMED = re.compile(r"^[\x00-\x20]+|[\x00-\x20]+$")
_TAB_OR_NEWLINE = re.compile(r"[\t\n\r]")
_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.-]*):")


def url_scheme(value: str) -> str:
    """The scheme a browser sees in an attribute value (entities already decoded), lowercase;
    empty for a relative URL."""
    url = _TAB_OR_NEWLINE.sub("", _TRIMMED.sub("", value))
    match = _SCHEME.match(url)
    return match.group(1).lower() if match else ""


def _urls(attribute: str, value: str) -> list[str]:
    if attribute == "srcset":  # "a.png 1x, b.png 2x"
        return [candidate.split()[0] for candidate in value.split(",") if candidate.split()]
    return [value]


def content_regions(document: Element) -> list[Element]:
    """Where content is printed: the page's article (with the inline actor panel), the
    right-hand sidebar (actor panel, table of contents) and the header's page title."""
    return document.find_all(lambda element: (
        (element.tag == "article" and element.has_class("md-content__inner"))
        or element.has_class("md-sidebar--secondary")
        or element.has_class("md-header__title")
    ))


def _describe(element: Element) -> str:
    return repr(element)[:160]


def _everywhere(document: Element) -> Iterator[str]:
    for element in document.iter():
        for name, value in element.attrs.items():
            if name.startswith("on"):
                yield f"handler attribute {name}: {_describe(element)}"
            if name in URL_ATTRIBUTES:
                for url in _urls(name, value):
                    if url_scheme(url) in DANGEROUS_SCHEMES:
                        yield f"{url_scheme(url)}: URL in {name}: {_describe(element)}"
                    elif element.tag in LOADING_ELEMENTS and name != "href" \
                            and is_external(url.strip()):
                        yield f"loads from outside the site ({name}): {_describe(element)}"


def _in_content(document: Element) -> Iterator[str]:
    for region in content_regions(document):
        for element in region.iter():
            if element.tag in CONTENT_FORBIDDEN_ELEMENTS and not (
                    element.tag == "script" and element.get("type") == _DATA_BLOCK):
                yield f"<{element.tag}> in the content: {_describe(element)}"
            for name in CONTENT_FORBIDDEN_ATTRIBUTES & element.attrs.keys():
                if name == "style" and element.tag in ("th", "td") \
                        and _TABLE_ALIGNMENT.fullmatch(element.attrs[name]):
                    continue
                yield f"attribute {name} in the content: {_describe(element)}"


def problems(document: Element) -> list[str]:
    """Everything in the page that could run script or load from outside, one line each."""
    return [*_everywhere(document), *_in_content(document)]
