"""A small DOM built with the standard library's html.parser, enough to read built pages.

Not a full HTML5 tree builder: void elements are closed at once, a stray end tag closes the
nearest open element with that name (or is ignored), and an element is closed implicitly
when its parent ends. That is all MkDocs and Material's output needs.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

VOID = frozenset({
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
    "source", "track", "wbr",
})
_SPACE = re.compile(r"\s+")


@dataclass(eq=False)
class Element:
    tag: str
    attrs: dict[str, str]
    parent: Element | None = None
    children: list[Element | str] = field(default_factory=list)

    # -- attributes ---------------------------------------------------------------------
    def get(self, name: str, default: str | None = None) -> str | None:
        return self.attrs.get(name, default)

    @property
    def classes(self) -> set[str]:
        return set((self.attrs.get("class") or "").split())

    def has_class(self, name: str) -> bool:
        return name in self.classes

    # -- navigation ---------------------------------------------------------------------
    def iter(self) -> Iterator[Element]:
        """This element and every element below it, in document order."""
        yield self
        for child in self.children:
            if isinstance(child, Element):
                yield from child.iter()

    def find_all(self, predicate: Callable[[Element], bool]) -> list[Element]:
        return [element for element in self.iter() if predicate(element)]

    def by_tag(self, tag: str) -> list[Element]:
        return self.find_all(lambda element: element.tag == tag)

    def by_class(self, name: str, tag: str | None = None) -> list[Element]:
        return self.find_all(
            lambda element: element.has_class(name) and (tag is None or element.tag == tag)
        )

    def by_id(self, ident: str) -> Element | None:
        found = self.find_all(lambda element: element.attrs.get("id") == ident)
        return found[0] if found else None

    def ancestors(self) -> Iterator[Element]:
        node = self.parent
        while node is not None:
            yield node
            node = node.parent

    def closest(self, tag: str) -> Element | None:
        return next((node for node in self.ancestors() if node.tag == tag), None)

    # -- text ---------------------------------------------------------------------------
    def text_nodes(self) -> Iterator[tuple[str, Element]]:
        """Every text node below this element with the element that directly holds it."""
        for child in self.children:
            if isinstance(child, str):
                yield child, self
            else:
                yield from child.text_nodes()

    @property
    def text(self) -> str:
        """The text content (entities decoded), whitespace collapsed to single spaces."""
        return _SPACE.sub(" ", "".join(text for text, _ in self.text_nodes())).strip()

    def __repr__(self) -> str:  # pragma: no cover - for assertion messages
        attrs = " ".join(f'{key}="{value}"' for key, value in self.attrs.items())
        return f"<{self.tag}{' ' + attrs if attrs else ''}>"


class _Builder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Element("#document", {})
        self.current = self.root

    def handle_starttag(self, tag, attrs):
        element = Element(tag, {key: value or "" for key, value in attrs}, self.current)
        self.current.children.append(element)
        if tag not in VOID:
            self.current = element

    def handle_startendtag(self, tag, attrs):
        element = Element(tag, {key: value or "" for key, value in attrs}, self.current)
        self.current.children.append(element)

    def handle_endtag(self, tag):
        if tag in VOID:
            return
        node: Element | None = self.current
        while node is not None and node.tag != tag:
            node = node.parent
        if node is not None and node.parent is not None:
            self.current = node.parent

    def handle_data(self, data):
        self.current.children.append(data)


def parse(html_text: str) -> Element:
    builder = _Builder()
    builder.feed(html_text)
    builder.close()
    return builder.root


def parse_file(path: Path) -> Element:
    return parse(Path(path).read_text(encoding="utf-8"))
