"""Links found as the engine finds them, and the shapes that would make it run for minutes.

Time is never asserted: what is asserted is the shape the engine is handed (every bracket
left balanced and bounded, no more headings than the bound, dense paragraphs preformatted),
which is what keeps Python-Markdown linear. bench/hostile.py measures the time itself.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st
from support.markdown import markdown_html

from generator.cli import main
from generator.render.markup import safe_text
from generator.user_markdown import (
    MAX_BLOCKS,
    MAX_DEPTH,
    MAX_HEADINGS,
    MAX_QUOTE_DEPTH,
    MAX_SPAN,
    Link,
    scan,
)


def test_links_are_found_whatever_their_shape():
    text = ("[a [b] c](javascript:alert(3)) [d](javascript:alert(String(4))) [e\nf](vbscript:x)"
            " ![i](https://x.example/i.png) [ok](https://ok.example/(p))\n\n[r]: data:text/html,x")
    found = [(link.address, link.scheme, link.image, link.definition) for link in scan(text).links]
    assert found == [
        ("javascript:alert(3)", "javascript", False, False),
        ("javascript:alert(String(4))", "javascript", False, False),
        ("vbscript:x", "vbscript", False, False),
        ("https://x.example/i.png", "https", True, False),
        ("https://ok.example/(p)", "https", False, False),
        ("data:text/html,x", "data", False, True),
    ]


def test_schemes_are_read_as_browsers_read_them():
    # Browsers drop tabs and newlines anywhere in a URL, and controls and spaces before it.
    for address in ("java\tscript:alert(1)", "\x01 javascript:x", "JaVaScRiPt:x", "java\nscript:x"):
        link = Link(0, 0, address, 0, 0)
        assert link.scheme == "javascript" and not link.safe, address
    assert Link(0, 0, "//host.example/x.png", 0, 0).outside
    assert not Link(0, 0, "../x.png", 0, 0).outside


def test_brackets_that_close_nothing_are_escaped():
    out = safe_text("[" * 900 + " and [fine](https://ok.example/) and ]")
    assert out == "\\[" * 899 + "[ and [fine](https://ok.example/) and ]"
    assert safe_text("a ] b [c] d [") == "a \\] b [c] d \\["


def test_too_deep_or_too_long_brackets_are_escaped():
    deep = "[" * (MAX_DEPTH + 1) + "x" + "]" * (MAX_DEPTH + 1)
    assert safe_text(deep) == "[" * MAX_DEPTH + "\\[x\\]" + "]" * MAX_DEPTH
    long = "[" + "x" * (MAX_SPAN + 1) + "](https://ok.example/)"
    assert safe_text(long).startswith("\\[")


def test_headings_past_the_bound_are_text():
    page = markdown_html(safe_text("## Part\n\n" * (MAX_HEADINGS + 5)))
    assert page.count("<h2") == MAX_HEADINGS and page.count("<p>## Part</p>") == 5


def test_a_paragraph_dense_with_markup_is_preformatted_and_shown_whole():
    dense = "*a* " * 600
    page = markdown_html(safe_text(f"Before.\n\n{dense}\n\nAfter."))
    assert "<p>Before.</p>" in page and "<p>After.</p>" in page
    shown = re.sub(r"</?span>", "", page.split("<pre>")[1].split("</pre>")[0])
    assert shown == dense and "<em>" not in page


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(["[", "]", "(", ")", "!", "\\", "x", " ", "\n", "\n\n", "`"]),
                max_size=300).map("".join))
def test_every_bracket_left_is_balanced_and_bounded(text):
    # What keeps the engine linear: after the edits, a paragraph's unescaped brackets pair up,
    # no deeper than MAX_DEPTH and no wider than MAX_SPAN.
    out = safe_text(text)
    for paragraph in re.split(r"\n[ \t]*\n", out):
        depth, opened = 0, []
        for match in re.finditer(r"\\.|\[|\]", paragraph):
            if match.group() == "[":
                opened.append(match.start())
                depth = max(depth, len(opened))
            elif match.group() == "]":
                assert opened, paragraph
                # Escapes written inside the pair at most double its width.
                assert match.start() - opened.pop() <= 2 * MAX_SPAN, paragraph
        assert not opened and depth <= MAX_DEPTH, paragraph


def test_check_warns_with_lines(tmp_path: Path, monkeypatch):
    content = tmp_path / "content"
    (content / "articles").mkdir(parents=True)
    body = ("Intro [see](other-page) and ![m](https://maps.example/m.png).\n\n"
            + "[" * 50 + "\n\n" + "*a* " * 600 + "\n\n" + "## Part\n\n" * (MAX_HEADINGS + 3))
    (content / "articles" / "wire.md").write_text(f"---\ntitle: Wire\n---\n{body}")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["check"])
    assert result.exit_code == 0, result.output
    lines = [line for line in result.output.splitlines() if "warning" in line]
    assert lines == [
        "content/articles/wire.md:4:13: warning: link to 'other-page' is shown as plain text:"
        " not a web address (links in content must be http(s) or mailto addresses; actors are"
        " linked automatically)",
        "content/articles/wire.md:4:29: warning: image 'https://maps.example/m.png' is shown as"
        " a link: pages load nothing from outside the site",
        "content/articles/wire.md:6:1: warning: 50 brackets that close nothing, nest too deep or"
        " span too much text are shown as plain characters (the Markdown engine would take"
        " minutes over them)",
        "content/articles/wire.md:8:1: warning: 1 paragraph dense with markup (1,200 of"
        " \\&<*_[]!`{) shown as plain preformatted text (no prose needs that many; the Markdown"
        " engine would take minutes over them)",
        f"content/articles/wire.md:{10 + 2 * MAX_HEADINGS}:1: warning: 3 headings past the"
        f" first {MAX_HEADINGS} are shown as plain text (no article needs that many sections)",
    ]


def test_paragraphs_past_the_bound_are_one_preformatted_block(tmp_path: Path, monkeypatch):
    text = "x\n\n" * (MAX_BLOCKS + 10)
    page = markdown_html(safe_text(text))
    assert page.count("<p>x</p>") == MAX_BLOCKS and page.count("<pre>") == 1
    content = tmp_path / "content"
    (content / "articles").mkdir(parents=True)
    (content / "articles" / "wire.md").write_text(f"---\ntitle: Wire\n---\n{text}")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["check"])
    assert result.output.splitlines()[0] == (
        f"content/articles/wire.md:{4 + 2 * MAX_BLOCKS}:1: warning: paragraphs, list items and"
        f" table rows past the first {MAX_BLOCKS:,} are shown as one block of plain preformatted"
        " text (no article needs that many)")


def test_long_lists_and_tables_end_in_one_preformatted_block():
    rows = "| a | b |\n|---|---|\n" + "| 1 | 2 |\n" * (MAX_BLOCKS + 50)
    page = markdown_html(safe_text(rows))
    assert page.count("<tr>") < MAX_BLOCKS + 2 and page.count("<pre>") == 1
    items = markdown_html(safe_text("- item\n" * (MAX_BLOCKS + 50)))
    assert items.count("<li>") < MAX_BLOCKS and items.count("<pre>") == 1


def test_blockquotes_nest_no_deeper_than_the_bound():
    page = markdown_html(safe_text(">" * 50 + " deep"))
    assert page.count("<blockquote>") == MAX_QUOTE_DEPTH
    assert ">" * (50 - MAX_QUOTE_DEPTH) + " deep" in html.unescape(page)
