"""The HTML sanitizer, and the render stage's Markdown defences under generated input.

The sanitizer must remove whatever content could use to run script or load from outside,
and must leave every page our own templates make exactly as it was (the allow-list is the
list of what the templates write). Hypothesis then throws generated Markdown at the whole
chain: render → Python-Markdown with the site's extensions → sanitizer.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import html
import re
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from mkdocs.structure.toc import AnchorLink
from support import network
from support.markdown import addresses, attribute_names, attributes, markdown_html

from generator.analyse import analyse
from generator.load import load_corpus
from generator.model import Actor, ActorKind, Article, Briefing, Corpus, Status
from generator.render import render_site
from generator.sanitize import clean, clean_toc
from generator.select import select

ROOT = Path(__file__).resolve().parent.parent
SCRIPT_SCHEMES = ("javascript:", "vbscript:", "data:")
CHOSEN_BY_CONTENT = {"style", "srcdoc", "autofocus", "formaction", "tabindex", "srcset"}


def dangerous(page_html: str) -> list[str]:
    """What in the HTML could run script or load from outside, as a list of findings."""
    found = [f"{tag} {name}" for tag, name, _ in attributes(page_html)
             if name.startswith("on") or name in CHOSEN_BY_CONTENT]
    found += [address for address in addresses(page_html)
              if address.lower().startswith(SCRIPT_SCHEMES)]
    found += [f"img {value}" for tag, name, value in attributes(page_html)
              if tag == "img" and name == "src" and "//" in value]
    return found


def test_handlers_styles_and_script_addresses_are_removed():
    hostile = (
        '<p autofocus onfocus="alert(2)" tabindex="0" style="position:fixed">a</p>'
        '<a href="javascript:alert(1)">b</a><a href="JaVaScRiPt:alert(1)">c</a>'
        '<a href="java&#x09;script:alert(1)">d</a><a href="vbscript:x">e</a>'
        '<a href="data:text/html,<script>alert(1)</script>">f</a>'
        '<img src="x" onerror="alert(5)"><iframe srcdoc="<script>alert(1)</script>"></iframe>'
        '<svg onload="alert(1)"></svg><script>alert(1)</script><form action="javascript:x">'
        '<button formaction="javascript:x">g</button></form><p class="tlp-banner x">h</p>'
    )
    cleaned = clean(hostile)
    assert dangerous(cleaned) == []
    assert "<script" not in cleaned and "<iframe" not in cleaned and "<svg" not in cleaned
    assert "alert(1)</script>" not in cleaned
    # Only our own classes are kept: content cannot dress text as a TLP banner of its own.
    assert '<p class="tlp-banner">h</p>' in cleaned
    for text in "abcdefgh":
        assert f">{text}<" in cleaned


def test_outside_images_become_links_and_site_images_stay():
    cleaned = clean('<p><img src="https://host.example/x.png" alt="a &lt;b&gt; map">'
                    '<img src="//host.example/y.png"><img src="../logo.png" alt="logo"></p>')
    assert '<a href="https://host.example/x.png">a &lt;b&gt; map</a>' in cleaned
    assert '<a href="//host.example/y.png">//host.example/y.png</a>' in cleaned
    assert '<img src="../logo.png" alt="logo">' in cleaned
    assert "host.example" not in "".join(value for tag, name, value in attributes(cleaned)
                                          if name == "src")


def test_graph_data_is_kept_only_as_json():
    good = '<script type="application/json" id="graph-site">{"nodes": ["a"]}</script>'
    assert clean(good) == ('<script type="application/json" id="graph-site">'
                           '{"nodes": ["a"]}</script>')
    forged = ('<script type="application/json" id="graph-x">alert(1)</script>'
              '<script type="application/json" id="graph-y">{"a": "</script><script>x"}'
              '</script>')
    cleaned = clean(forged)
    assert '<script type="application/json" id="graph-x">null</script>' in cleaned
    assert "<script>x" not in cleaned
    assert clean('<script type="text/javascript" id="graph-z">{}</script>') == ""


def test_table_of_contents_entries_are_cleaned():
    entry = AnchorLink('a <img src=x onerror="alert(1)"> <em>b</em>', 't" onmouseover="x', 2)
    entry.children.append(AnchorLink("<script>alert(1)</script>c", "ok-id", 3))
    clean_toc([entry])
    assert entry.title == "a  <em>b</em>" and entry.id == "t-onmouseover-x"
    assert entry.children[0].title == "c" and entry.children[0].id == "ok-id"


def _own_pages() -> dict[str, str]:
    pages = {}
    for content in (ROOT / "content", _network()):
        corpus = select(load_corpus(content))
        for page in render_site(corpus, analyse(corpus)):
            if page.path.endswith(".md"):
                pages[f"{content.name}:{page.path}"] = markdown_html(page.text)
    return pages


def _network() -> Path:
    folder = Path(tempfile.mkdtemp()) / "network"
    network.write_corpus(folder)
    return folder


def test_the_pages_our_templates_make_pass_unchanged():
    # The allow-list is exactly what the templates write: cleaning changes none of it, so a
    # new template attribute or class must be added to sanitize.py on purpose.
    for name, page_html in _own_pages().items():
        assert attributes(clean(page_html)) == attributes(page_html), name
        assert _text(clean(page_html)) == _text(page_html), name


def _text(page_html: str) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", page_html)).split())


# Markdown made of the pieces payloads are made of, in any order.
PIECES = st.sampled_from([
    "[", "]", "(", ")", "{", "}", ": ", "!", "`", "*", "_", "\\", "<", ">", "&", "#", "\n",
    "\n\n", " ", "x", "Russia", "javascript:", "JaVaScRiPt:", "data:text/html,", "vbscript:",
    "alert(1)", "onclick=", "onerror=", "onfocus=", "autofocus", "style=", ".x", "#id", '"',
    "'", "https://ok.example/", "//host.example/i.png", "&#106;", "&#x09;", "&colon;",
    "<script>", "<img src=x onerror=alert(1)>", "{: ", "[r]: ", "    ", "- ", "> ", "|", "-",
])
TEXT = st.lists(PIECES, min_size=1, max_size=40).map("".join)
FUZZ = settings(max_examples=120, deadline=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


@FUZZ
@given(body=TEXT, bluf=TEXT, name=TEXT)
def test_generated_markdown_never_yields_a_handler_or_a_script_address(body, bluf, name):
    actor = Actor("russia", "Russia", ActorKind.STATE, aliases=(), summary=name.strip() or "x")
    other = dataclasses.replace(actor, id="other", name=f"Other {name}".strip())
    article = Article("a", f"A {name}", f"Russia {body}")
    briefing = Briefing("b", f"B {bluf}", dt.date(2020, 1, 1), bluf.strip() or "x",
                        status=Status.PUBLISHED, articles=("a",))
    corpus = Corpus(articles=(article,), actors=(actor, other), briefings=(briefing,))
    for page in render_site(corpus, analyse(corpus)):
        if not page.path.endswith(".md"):
            continue
        rendered = markdown_html(page.text)
        # Both layers hold on their own: the Markdown the render stage writes, and the
        # sanitizer over whatever HTML comes of it.
        assert dangerous(rendered) == [], page.path
        assert dangerous(clean(rendered)) == [], page.path
        assert not {"onclick", "onerror", "onfocus"} & attribute_names(rendered), page.path
