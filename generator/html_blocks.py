"""The HTML blocks the templates write, handed to Python-Markdown's stash without being parsed.

The long lists and tables of links are written as HTML (see `SiteOptions.links_from`), which
Python-Markdown copies into the page instead of reading them as Markdown. But it still
tokenizes every raw HTML block, tag by tag, with the standard library's HTML parser (pure
Python, through the md_in_html extension): at 5,000 articles that parser was the largest
single cost of the Markdown loop after the inline patterns.

So the templates put such a block between a line `<!--html-->` and a line `<!--/html-->`,
and this extension stores each one in the engine's stash of raw HTML before any other step
reads the text, as the engine itself stores a raw block: the page is the same, the parser
never sees the block. Only templates can write these lines: user text has every `<` escaped
(`render/markup.py`), and the sanitizer reads the page that results all the same. An engine
without the extension (Zensical, through `briefings generate`) reads the marks as comments
and the block as ordinary raw HTML.
"""

from __future__ import annotations

import re

from markdown import Extension, Markdown
from markdown.preprocessors import Preprocessor

OPEN = "<!--html-->"
CLOSE = "<!--/html-->"
_BLOCK = re.compile(rf"^{OPEN}\n(.*?)\n{CLOSE}$", re.MULTILINE | re.DOTALL)


class _Stash(Preprocessor):
    def run(self, lines: list[str]) -> list[str]:
        text = "\n".join(lines)
        if OPEN not in text:
            return lines
        # A paragraph of its own: the engine puts the block back in place of <p>placeholder</p>.
        return _BLOCK.sub(lambda block: f"\n\n{self.md.htmlStash.store(block[1])}\n\n",
                          text).split("\n")


class HtmlBlocks(Extension):
    """Registered by the plugin (`on_config`) for every page MkDocs renders."""

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 - Python-Markdown's name
        # Before the raw HTML parser (priority 20), after whitespace is normalised (30).
        md.preprocessors.register(_Stash(md), "briefings_html_blocks", 25)
