"""What a page tells search engines and link previews, read from the real
`mkdocs build --strict`: a meta description (a briefing's BLUF, an actor's summary, a source's
first sentence, a topic's description, else `site_description`) and Open Graph tags, on every
page; hostile text in them stays text.

Expectations come from content/ and mkdocs.yml, never from the generator's output.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import yaml
from support import content as corpus
from support.dom import Element, parse_file
from support.site import html_files

BRIEFING = "iraq-russia-intelligence-sharing"
ARTICLE = "us-fears-compromise-of-military-secrets"
LIMIT = 160  # characters of a description at most, "…" included
OPEN_GRAPH = ("og:title", "og:description", "og:type", "og:site_name")


def _meta(page: Element) -> dict[str, list[str]]:
    """Every <meta> of the page by name or property: the values as a browser reads them."""
    found: dict[str, list[str]] = {}
    for meta in page.by_tag("meta"):
        key = meta.get("name") or meta.get("property")
        if key:
            found.setdefault(key, []).append(meta.get("content") or "")
    return found


def _description(site: Path, served_as: str) -> str:
    [description] = _meta(parse_file(site / served_as / "index.html"))["description"]
    return description


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _shortened(description: str, text: str) -> None:
    """The description is `text` whole, or its start cut at a word with "…"."""
    assert len(description) <= LIMIT
    if description != text:
        assert description.endswith("…"), description
        assert text.startswith(description[:-1]) and text[len(description) - 1] == " "


def test_every_page_has_a_description_and_open_graph_tags(built_site: Path, project_root: Path):
    config = yaml.load((project_root / "mkdocs.yml").read_text(encoding="utf-8"),
                       Loader=yaml.BaseLoader)  # BaseLoader: mkdocs.yml has !ENV tags
    site_description = config["site_description"]
    assert site_description
    for path in html_files(built_site):
        meta = _meta(parse_file(path))
        where = path.relative_to(built_site)
        assert len(meta.get("description", [])) == 1 and meta["description"][0], where
        for key in OPEN_GRAPH:
            assert len(meta.get(key, [])) == 1 and meta[key][0], f"{where}: no {key}"
        assert meta["og:description"] == meta["description"], where
        assert meta["og:site_name"] == [config["site_name"]]
        # No site_url in mkdocs.yml: no address to give, and no image is ever named.
        assert "og:url" not in meta and "og:image" not in meta, where
    home = _meta(parse_file(built_site / "index.html"))
    assert home["description"] == [site_description]
    assert home["og:title"] == [config["site_name"]]


def test_descriptions_come_from_the_bluf_summary_and_first_sentence(
        built_site: Path, content_dir: Path):
    briefing = corpus.briefings(content_dir)[BRIEFING]
    _shortened(_description(built_site, f"briefings/{BRIEFING}"), _one_line(briefing["bluf"]))
    iraq = corpus.actors(content_dir)["iraq"]
    assert _description(built_site, "actors/iraq") == iraq.summary
    first_paragraph = _one_line(corpus.article_body(content_dir, ARTICLE).split("\n\n")[0])
    description = _description(built_site, f"articles/{ARTICLE}")
    # The seed's first sentence runs past the limit (it has "U.S." twice, not its end).
    first_sentence = first_paragraph[:first_paragraph.index("vulnerable.") + len("vulnerable.")]
    assert len(first_sentence) > LIMIT
    _shortened(description, first_sentence)
    taxonomy = yaml.safe_load((content_dir / "taxonomy.yml").read_text(encoding="utf-8"))
    topic = taxonomy["topics"]["intelligence-sharing"]
    assert _description(built_site, "topics/intelligence-sharing") == \
        _one_line(topic["description"])
    meta = _meta(parse_file(built_site / "briefings" / BRIEFING / "index.html"))
    assert meta["og:title"] == [briefing["title"]] and meta["og:type"] == ["article"]


HOSTILE = 'Say "no" <script>alert(1)</script> & <img src=x onerror=alert(2)> [here](javascript:x)'
# As shown: quotation marks typographic, angle brackets look-alikes, link text kept.
SHOWN = "Say “no” ‹script›alert(1)‹/script› & ‹img src=x onerror=alert(2)› here"


def _set_line(path: Path, key: str, value: str) -> None:
    text = path.read_text(encoding="utf-8")
    quoted = json.dumps(value)  # a JSON string is a valid YAML double-quoted scalar
    new, count = re.subn(rf"(?m)^{key}:.*(\n  .*)*", lambda _: f"{key}: {quoted}", text, count=1)
    assert count == 1, f"no {key}: in {path}"
    path.write_text(new, encoding="utf-8")


def test_hostile_text_stays_text_in_descriptions_and_site_url_gives_og_url(build_modified):
    def edit(content: Path) -> None:
        _set_line(content / "briefings" / f"{BRIEFING}.yml", "bluf", HOSTILE)
        _set_line(content / "actors" / "iraq.yml", "summary", HOSTILE)
        config = content.parent / "mkdocs.yml"
        config.write_text(config.read_text(encoding="utf-8")
                          + "\nsite_url: https://example.org/team/briefings/\n", encoding="utf-8")

    build = build_modified(edit)
    assert build.result.returncode == 0, build.result.stdout + build.result.stderr
    for served_as in (f"briefings/{BRIEFING}", "actors/iraq"):
        page = parse_file(build.site / served_as / "index.html")
        meta = _meta(page)
        assert meta["description"] == meta["og:description"] == [SHOWN], served_as
        assert meta["og:url"] == [f"https://example.org/team/briefings/{served_as}/"]
        head = page.by_tag("head")[0]
        assert not [e for e in head.iter() if e.tag in ("script", "img")
                    and "alert" in (e.text + " ".join(map(str, e.attrs.values())))]
