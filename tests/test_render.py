"""Rendering: escaping of user text, links between pages, and byte-identical output."""

from __future__ import annotations

import dataclasses
import datetime as dt
import html
from pathlib import Path

import yaml
from hypothesis import given, settings
from hypothesis import strategies as st
from support.markdown import addresses, attribute_names, markdown_html

from generator.analyse import analyse
from generator.analyse.mentions import MentionFinder
from generator.load import load_corpus
from generator.model import Actor, ActorKind, Article, Briefing, Corpus, Status
from generator.pipeline import generate
from generator.render import SiteOptions, read_front_matter, render_site
from generator.render.markup import link_mentions, relative
from generator.render.site import _front_matter

ROOT = Path(__file__).resolve().parent.parent
RUSSIA = Actor("russia", "Russia", ActorKind.STATE, summary="A state.")


def pages_of(corpus: Corpus) -> dict[str, str]:
    return {page.path: page.text for page in render_site(corpus, analyse(corpus))}


def hostile_corpus() -> Corpus:
    script = "<script>alert(1)</script>"
    article = Article("a", f"Title {script}", f"Russia said {script} & more.")
    briefing = Briefing("b", f"Brief {script}", dt.date(2020, 1, 1), f"BLUF {script}",
                        status=Status.PUBLISHED, articles=("a",))
    actor = dataclasses.replace(RUSSIA, summary=f"Summary {script}")
    return Corpus(articles=(article,), actors=(actor,), briefings=(briefing,))


def test_user_text_never_reaches_the_page_as_html():
    # The sidebar data in the front matter stays raw: the theme template escapes it, which the
    # built-site tests check. Titles are printed unescaped by Material, so they are defused.
    pages = pages_of(hostile_corpus())
    for path, text in pages.items():
        if not path.endswith(".md"):
            continue
        front, body = text.split("---\n", 2)[1:] if text.startswith("---\n") else ("", text)
        assert "<script>" not in body, path
        title = [line for line in front.split("\n") if line.startswith("title: ")]
        assert title or path == "index.md", path
        assert "<" not in "".join(title), path
    assert "<title>Brief &lt;script&gt;alert(1)&lt;/script&gt;</title>" in pages["feed.xml"]
    briefing = pages["briefings/b.md"]
    assert "# Brief &lt;script&gt;alert(1)&lt;/script&gt;" in briefing
    assert "BLUF &lt;script&gt;" in briefing
    # In a body, ">" stays for Markdown's blockquotes: without "<" it cannot open a tag.
    assert "said &lt;script>alert(1)&lt;/script> &amp; more." in briefing


def test_no_html_and_no_dangerous_link_survives_in_bodies_or_yaml_fields():
    body = ("Russia: `<img src=x onerror=alert(1)>` and ```a b``` <script>x</script>\n\n"
            "[click](javascript:alert(3)) ![i](JaVaScRiPt:alert(4)) [ok](https://example.org)"
            " <https://example.org/a> [ref][1]\n\n[1]: javascript:alert(5)\n")
    article = Article("a", "A", body)
    briefing = Briefing("b", "B", dt.date(2020, 1, 1), "See [x](javascript:alert(6)).",
                        status=Status.PUBLISHED, articles=("a",))
    actor = dataclasses.replace(RUSSIA, summary="[y](data:text/html,hi) and [z](/ok)")
    corpus = Corpus(articles=(article,), actors=(actor,), briefings=(briefing,))
    pages = {path: markdown_html(text) for path, text in pages_of(corpus).items()
             if path.endswith(".md")}
    for path, page in pages.items():
        assert "<img src=x" not in page and "<script>x" not in page, path
        for address in addresses(page):
            assert not address.lower().startswith(("javascript:", "data:", "/ok")), path
    briefing_page = pages["briefings/b.md"]
    assert '<a href="https://example.org">ok</a>' in briefing_page
    assert '<a href="https://example.org/a">https://example.org/a</a>' in briefing_page
    # What cannot be a link is shown as the curator wrote it.
    assert "See [x](javascript:alert(6))." in briefing_page
    assert "[click](javascript:alert(3))" in briefing_page
    assert "<code>&amp;lt;img src=x onerror=alert(1)&gt;</code>" in briefing_page
    assert "[y](data:text/html,hi) and [z](/ok)" in pages["actors/russia.md"]


def test_attribute_lists_in_user_text_stay_text():
    body = ("Russia spoke.\n{: onfocus=alert(2) autofocus tabindex=0 }\n\n"
            "*x*{: onmouseover=alert(1) }")
    article = Article("a", "A {: onclick=alert(3) }", body)
    corpus = Corpus(articles=(article,), actors=(RUSSIA,))
    page = markdown_html(pages_of(corpus)["articles/a.md"])
    assert "onfocus" not in attribute_names(page) and "onmouseover" not in attribute_names(page)
    shown = html.unescape(page)
    assert "{: onmouseover=alert(1) }" in shown and "{: onfocus=alert(2)" in shown


def test_the_html_blocks_reach_the_page_as_the_engine_would_have_parsed_them():
    # generator/html_blocks.py stashes the templates' marked blocks unparsed: the pages
    # must be those the engine makes when it parses them (blank lines aside).
    corpus = load_corpus(ROOT / "content")
    marked = 0
    for path, page in pages_of(corpus).items():
        if not path.endswith(".md"):
            continue
        unmarked = page.replace("<!--html-->\n", "").replace("\n<!--/html-->", "")
        marked += page != unmarked
        stashed, parsed = markdown_html(page), markdown_html(unmarked, html_blocks=False)
        assert stashed.replace("\n\n", "\n") == parsed.replace("\n\n", "\n"), path
    assert marked > 10


def test_relative_links_between_doc_paths():
    assert relative("briefings/b.md", "actors/russia.md") == "../actors/russia.md"
    assert relative("index.md", "actors/russia.md") == "actors/russia.md"
    assert relative("actors/index.md", "actors/russia.md") == "russia.md"


_SEGMENT = st.from_regex(r"[a-z0-9][a-z0-9.-]{0,6}", fullmatch=True).filter(
    lambda segment: segment != "index" and not segment.endswith("."))
_DOC_PATH = st.builds(lambda folders, name: "/".join([*folders, name + ".md"]),
                      st.lists(_SEGMENT, max_size=3), _SEGMENT | st.just("index"))


@settings(max_examples=300, deadline=None)
@given(here=_DOC_PATH, target=_DOC_PATH, directory_urls=st.booleans())
def test_an_address_written_as_html_is_the_one_mkdocs_writes_for_a_markdown_link(
        here, target, directory_urls):
    # The lists a template writes as HTML carry addresses MkDocs never sees, so they must be
    # the ones it would have made of the same Markdown link: a page's File, relative to another.
    from mkdocs.structure.files import File

    def file(path: str) -> File:
        return File(path, "docs", "site", use_directory_urls=directory_urls)

    expected = file(target).url_relative_to(file(here))
    assert SiteOptions(directory_urls=directory_urls).links_from(here)(target) == expected


def test_first_mention_per_section_is_linked_outside_code_headings_and_links():
    text = (
        "Russia spoke. Russia again.\n\n"
        "`Russia` in code and [Russia](http://x) in a link.\n\n"
        "## Russia in a heading\n\n"
        "Russia in the next section."
    )
    mentions = MentionFinder([RUSSIA]).find(text)
    out = str(link_mentions(text, mentions, lambda actor: f"../actors/{actor}.md"))
    assert out.count("[Russia](../actors/russia.md)") == 2
    assert out.startswith("[Russia](../actors/russia.md) spoke. Russia again.")
    assert "`Russia` in code and [Russia](http://x)" in out
    assert "## Russia in a heading" in out
    assert out.endswith("[Russia](../actors/russia.md) in the next section.")


def test_same_content_gives_byte_identical_pages():
    first = generate(ROOT / "content")
    second = generate(ROOT / "content")
    assert [p.path for p in first] == [p.path for p in second]
    assert all(a.text.encode() == b.text.encode() for a, b in zip(first, second, strict=True))


def test_the_sidebar_data_lists_most_mentioned_actors_first():
    corpus = load_corpus(ROOT / "content")
    analysis = analyse(corpus)
    briefing = corpus.briefings[0]
    counts = [inv.mentions for inv in analysis.briefing_actors[briefing.id]]
    assert counts == sorted(counts, reverse=True)
    assert len(counts) == len(corpus.actors)


def test_drafts_never_reach_a_page():
    corpus = hostile_corpus()
    draft = dataclasses.replace(corpus.briefings[0], id="secret", title="Secret plan",
                                status=Status.DRAFT)
    corpus = dataclasses.replace(corpus, briefings=corpus.briefings + (draft,))
    pages = generate_from(corpus)
    assert "briefings/secret.md" not in pages
    assert not [path for path, text in pages.items() if "Secret plan" in text]


def generate_from(corpus: Corpus) -> dict[str, str]:
    from generator.select import select

    selected = select(corpus)
    return {page.path: page.text for page in render_site(selected, analyse(selected))}


# Any text a title, summary or role may hold, the characters YAML refuses or reads as line
# breaks included (DEL, C1 controls, NEL, U+2028, U+FEFF…): surrogates cannot come from a file.
_ANY_TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=40)
_FRONT_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | _ANY_TEXT,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(_ANY_TEXT, inner, max_size=4),
    max_leaves=12)


@settings(max_examples=300, deadline=None)
@given(st.dictionaries(st.from_regex(r"[a-z][a-z_]{0,10}", fullmatch=True) | _ANY_TEXT,
                       _FRONT_VALUES, min_size=1, max_size=4))
def test_the_front_matter_reads_back_as_the_values_it_was_written_from(front):
    # Written as JSON (generator/render/site.py), read as YAML by MkDocs (libyaml) and
    # Python-Markdown's engines: the same values, whatever the text.
    text = _front_matter(front)
    assert text.startswith("---\n") and text.endswith("---\n\n")
    yaml_text = text[len("---\n"):-len("---\n\n")]
    assert yaml.load(yaml_text, Loader=yaml.CSafeLoader) == front
    assert yaml.safe_load(yaml_text) == front
    assert len(yaml_text.splitlines()) == len(front)  # one line a key
    # The plugin reads it back as JSON, and hands MkDocs the page's Markdown after it.
    assert read_front_matter(text + "# Page\n---\n") == (front, "\n# Page\n---\n")
