"""Generated Markdown turned into HTML by Python-Markdown with the site's own extensions, as
MkDocs would (without the plugin's sanitizer), and what the HTML carries."""

from __future__ import annotations

import functools
import html
from html.parser import HTMLParser
from pathlib import Path

import markdown
from mkdocs.utils.yaml import yaml_load

from generator.html_blocks import HtmlBlocks

ROOT = Path(__file__).resolve().parents[2]


@functools.cache
def _extensions() -> tuple[list, dict]:
    with (ROOT / "mkdocs.yml").open(encoding="utf-8") as handle:
        config = yaml_load(handle)
    names, configs = [], {}
    for entry in config["markdown_extensions"]:
        if isinstance(entry, dict):
            (name, options), = entry.items()
            names.append(name)
            configs[name] = options or {}
        else:
            names.append(entry)
    return names, configs


def markdown_html(page: str, *, html_blocks: bool = True) -> str:
    """The HTML of a generated page's body (its front matter left out); with the extension
    the plugin adds, unless `html_blocks` is false."""
    body = page.split("---\n", 2)[2] if page.startswith("---\n") else page
    names, configs = _extensions()
    extensions = [*names, HtmlBlocks()] if html_blocks else names
    return markdown.Markdown(extensions=extensions, extension_configs=configs).convert(body)


class _Attributes(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.attributes: list[tuple[str, str, str]] = []

    def handle_starttag(self, tag: str, attrs: list) -> None:
        self.attributes.extend((tag, name, value or "") for name, value in attrs)


def attributes(page_html: str) -> list[tuple[str, str, str]]:
    """Every (tag, attribute, value) in the HTML, entities decoded as a browser would."""
    parser = _Attributes()
    parser.feed(page_html)
    return parser.attributes


def attribute_names(page_html: str) -> set[str]:
    return {name for _tag, name, _value in attributes(page_html)}


def addresses(page_html: str) -> list[str]:
    """Every href and src, with the characters browsers ignore in URLs removed."""
    return ["".join(ch for ch in html.unescape(value) if ch not in "\t\n\r").strip(" \x00")
            for _tag, name, value in attributes(page_html) if name in ("href", "src")]
