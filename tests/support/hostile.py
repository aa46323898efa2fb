"""A hostile corpus: script payloads in every text field a user can write and in an article
body, each next to a unique marker so a test can tell that the text reached its page.

The payloads are the shapes a pasted wire article or a careless curator can carry, not an
exhaustive list: attribute lists on blocks and spans, script links Markdown builds past a
regex (nested brackets and parentheses, newlines, entities, case, whitespace, references),
raw HTML, comments, Jinja syntax, outside images and autolinks. The corpus stays valid for
`briefings check`: links are absolute, `url:` and `website:` are http(s).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

import yaml

ACTOR = "mallory"
ARTICLE = "hostile-wire"
BRIEFING = "hostile-briefing"
TOPIC = "hostile-topic"
REGION = "hostile-region"

# The built page (site-relative) that must show each marker as text in its content.
ACTOR_PAGE = f"actors/{ACTOR}/index.html"
ARTICLE_PAGE = f"articles/{ARTICLE}/index.html"
BRIEFING_PAGE = f"briefings/{BRIEFING}/index.html"
TOPIC_PAGE = f"topics/{TOPIC}/index.html"
REGION_PAGE = f"regions/{REGION}/index.html"

# A host the corpus names in links and images; the site must never load anything from it.
OUTSIDE = "host.example"


@dataclass(frozen=True)
class Payload:
    marker: str  # unique text written beside the payload, in the same paragraph
    page: str  # where the marker must show
    text: str  # the value written into the file (a field, or a block of the article body)


def _field(marker: str, page: str, hostile: str) -> Payload:
    return Payload(marker, page, f"{marker} {hostile}")


# -- YAML fields and front matter -------------------------------------------------------------

ACTOR_NAME = _field("HXA01", ACTOR_PAGE,
                    "Mallory </script><script>alert(101)</script> *m*{: onmouseover=alert(102) }")
ACTOR_ALIASES = (
    _field("HXA02", ACTOR_PAGE, "Mal <svg onload=alert(103)>"),
    _field("HXA03", ACTOR_PAGE, "[Mallory Corp](javascript:alert(104))"),
)
ACTOR_SUMMARY = _field(
    "HXA04", ACTOR_PAGE,
    "Summary *s*{: onmouseover=alert(105) } [a [b] c](javascript:alert(106)) "
    "<script>alert(107)</script> {{ config }} {% raw %}x{% endraw %}")
ACTOR_ROLE = _field("HXA05", ACTOR_PAGE,
                    "Chief <img src=x onerror=alert(108)> "
                    "[r](https://ok.example/){: onclick=alert(109) }")
ACTOR_WEAK_ALIAS = _field("HXA07", ACTOR_PAGE, "Mallo *w*{: onclick=alert(111) }")
ACTOR_DEMONYM = _field("HXA08", ACTOR_PAGE, "Mallorian <img src=x onerror=alert(112)>")
ACTOR_WIKIDATA = _field("HXA09", ACTOR_PAGE,
                        "Q1 [q](javascript:alert(113)) *q*{: onclick=alert(114) }")
ACTOR_WEBSITE = Payload("HXA06", ACTOR_PAGE,
                        "https://mallory.example/HXA06/?q=\"><svg onload=alert(110)>")

ARTICLE_TITLE = _field("HXW01", ARTICLE_PAGE,
                       "Wire <script>alert(120)</script> *t*{: onmouseover=alert(121) }")
ARTICLE_PUBLISHER = _field("HXW02", ARTICLE_PAGE,
                           "Pub <img src=x onerror=alert(122)> [p](javascript:alert(123)) "
                           "*p*{: onmouseover=alert(124) }")
ARTICLE_AUTHOR = _field("HXW03", ARTICLE_PAGE,
                        "<svg onload=alert(125)> *a*{: onmouseover=alert(126) }")
ARTICLE_LANGUAGE = _field("HXW04", ARTICLE_PAGE,
                          "<svg onload=alert(128)> *l*{: onclick=alert(129) }")
ARTICLE_URL = "https://news.example/wire?a=1&b=\"><svg onload=alert(127)>"

BRIEFING_TITLE = _field("HXB01", BRIEFING_PAGE,
                        "Briefing <img src=x onerror=alert(130)> *b*{: onmouseover=alert(131) }")
BLUF = _field("HXB02", BRIEFING_PAGE,
              "Bottom line [a [b] c](javascript:alert(132)) [y][q] {{ config }} {% raw %}\n"
              "{: onfocus=alert(133) autofocus tabindex=0 }\n\n[q]: javascript:alert(141)")
JUDGMENT = _field("HXB03", BRIEFING_PAGE,
                  "Judgment *k*{: onmouseover=alert(134) } [d](javascript:alert(String(135)))")
ROLE = _field("HXB04", BRIEFING_PAGE,
              "Role [x](https://ok.example/){: onclick=alert(136) }")
STANCE = _field("HXB05", BRIEFING_PAGE,
                "Stance <svg onload=alert(137)> *s*{: onmouseover=alert(138) }")
NOTE = _field("HXB06", BRIEFING_PAGE,
              "Note [x][r] *n*{: onmouseover=alert(139) } [e](JaVaScRiPt:alert(140))")

TOPIC_NAME = _field("HXT01", TOPIC_PAGE, "Topic *t*{: onmouseover=alert(150) }")
TOPIC_DESCRIPTION = _field("HXT02", TOPIC_PAGE,
                           "Description *f*{: data-x=\"&#106;avascript:alert(151)\" }\n"
                           "{: onfocus=alert(152) autofocus tabindex=0 }")
REGION_NAME = _field("HXR01", REGION_PAGE,
                     "Region <img src=x onerror=alert(153)> [g](vbscript:msgbox(154))")
REGION_DESCRIPTION = _field("HXR02", REGION_PAGE,
                            "Description ![i](https://host.example/region.png) "
                            "*r*{ onclick=alert(155) }")

# -- the article body: one paragraph (or block) per payload, the marker inside it ------------

BODY = tuple(Payload(marker, ARTICLE_PAGE, text) for marker, text in (
    # Attribute lists, with and without the colon, on every kind of block and span.
    ("HX01", "HX01 paragraph with a block attribute list.\n"
             "{: onfocus=alert(2) autofocus tabindex=0 }"),
    ("HX02", "## HX02 heading with attributes {: onmouseover=alert(8) }"),
    ("HX03", "- HX03 list item {: onclick=alert(9) }\n- second item"),
    ("HX04", "HX04 *x*{: onmouseover=alert(1) } emphasis"),
    ("HX05", "HX05 [x](https://ok.example/){: onclick=alert(10) } link"),
    ("HX06", "HX06 ![i](https://x.example/i.png){: onerror=alert(5) } image"),
    ("HX07", "HX07 *y*{onclick=alert(41)} and *z*{ ONCLICK=alert(42) } without the colon"),
    ("HX08", "HX08 [s](https://ok.example/){: style=\"position:fixed;inset:0\" } overlay"),
    ("HX09", "HX09 [t](https://ok.example/){: href=\"javascript:alert(43)\" } href replaced"),
    ("HX10", "HX10 ![r](https://ok.example/r.png){: srcset=\"https://host.example/big.png 2x\" }"
             " srcset"),
    ("HX11", "HX11 *w*{: formaction=javascript:alert(44) srcdoc=x } attributes"),
    # Links Python-Markdown builds that a regex over Markdown misses.
    ("HX12", "HX12 [a [b] c](javascript:alert(3)) nested brackets"),
    ("HX13", "HX13 [d](javascript:alert(String(4))) nested parentheses"),
    ("HX14", "HX14 [multi\nline](javascript:alert(11)) newline in the link text"),
    ("HX15", "HX15 [e](JaVaScRiPt:alert(12)) mixed case"),
    # Entity-encoded and split schemes: as link destinations they are relative links (the
    # `&` is escaped), which check refuses, so they are written where an attribute is set.
    ("HX16", "HX16 [f](https://ok.example/){: href=\"&#106;avascript:alert(13)\" } encoded"),
    ("HX17", "HX17 <a href=\"java&#x09;script:alert(14)\">g</a> split by an encoded tab"),
    ("HX18", "HX18 [h](vbscript:msgbox(15)) vbscript"),
    ("HX19", "HX19 [k](data:text/html;base64,PHNjcmlwdD5hbGVydCgxNik8L3NjcmlwdD4=) data"),
    ("HX20", "HX20 [x][r] reference-style\n\n[r]: javascript:alert(6)"),
    ("HX21", "HX21 [l](  javascript:alert(24)  ) padded"),
    ("HX22", "HX22 [m](<javascript:alert(25)>) angle-bracketed"),
    ("HX23", "HX23 <a href=\"javascript&colon;alert(26)\">n</a> <a href=\" java\tscript:"
             "alert(21)\">o</a> named entity, whitespace"),
    ("HX24", "HX24 [o](https://ok.example/ \"t\\\" onmouseover=\\\"alert(27)\") title"),
    ("HX25", "HX25 ![p](javascript:alert(29)) image with a script address"),
    ("HX26", "HX26 <javascript:alert(23)> autolink with a script scheme"),
    # Raw HTML of every sort.
    ("HX27", "HX27 <script>alert(17)</script> script"),
    ("HX28", "HX28 <img src=x onerror=alert(18)> img"),
    ("HX29", "HX29 <svg onload=alert(19)> svg"),
    ("HX30", "HX30 <iframe srcdoc=\"<script>alert(20)</script>\"></iframe> iframe"),
    ("HX31", "HX31 <a href=\"&#x6A;avascript:alert(28)\">raw anchor</a>"),
    ("HX32", "HX32 <form action=\"javascript:alert(32)\"><button formaction=javascript:alert(33)>"
             "b</button></form>"),
    ("HX33", "HX33 <object data=\"javascript:alert(34)\"></object>"
             "<embed src=\"javascript:alert(35)\">"),
    ("HX34", "HX34 <details open ontoggle=alert(36)>d</details>"),
    ("HX35", "HX35 <math><mtext><table><mglyph><style><img src=x onerror=alert(37)>"),
    ("HX36", "HX36 <base href=\"https://host.example/\"><link rel=stylesheet "
             "href=\"https://host.example/x.css\"><meta http-equiv=refresh content=\"0;url="
             "javascript:alert(38)\">"),
    ("HX37", "<div markdown=\"1\" onclick=\"alert(39)\">\n\nHX37 inside a div\n\n</div>"),
    ("HX38", "HX38 &#x3C;script&#x3E;alert(40)&#x3C;/script&#x3E; encoded"),
    ("HX39", "HX39 <!-- comment --> <!--<img src=x onerror=alert(45)>--> comments"),
    # Template syntax: the pages are never templated again.
    ("HX40", "HX40 {{ config }} {% raw %} {{ 7*7 }} {% endraw %} {# c #} jinja"),
    # The marks around the HTML blocks the templates write (generator/html_blocks.py).
    ("HX60", "<!--html-->\n<p>HX60 <img src=x onerror=alert(64)> marked as a template's</p>\n"
             "<!--/html-->"),
    # Headings: the table of contents prints heading text.
    ("HX41", "## HX41 &lt;img src=x onerror=alert(7)&gt; entity heading"),
    ("HX42", "## HX42 <b onmouseover=alert(46)>bold heading</b>"),
    ("HX43", "HX43 setext <img src=x onerror=alert(47)>\n-----------"),
    # The theme prints table-of-contents entries from the headings' label and id, outside
    # the page body: an attribute list can set both.
    ("HX54", "## HX54 label {: data-toc-label=\"<img src=x onerror=alert(60)>\" }"),
    ("HX55", "## HX55 id {: id='t\" onmouseover=\"alert(61)' }"),
    ("HX56", "## HX56 id {: id=\"<img src=x onerror=alert(62)>\" }"),
    # Things that would load from outside.
    ("HX44", f"HX44 ![](https://{OUTSIDE}/x.png) outside image"),
    ("HX45", f"HX45 ![alt](//{OUTSIDE}/y.png) scheme-relative image"),
    ("HX46", f"HX46 <https://{OUTSIDE}/auto> autolink"),
    ("HX47", f"HX47 [![n](https://{OUTSIDE}/z.png)](https://ok.example/) linked image"),
    ("HX57", "HX57 ![svg](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoNjMpPjwvc3ZnPg==)"
             " data image"),
    ("HX58", f"HX58 ![reference image][img]\n\n[img]: https://{OUTSIDE}/ref.png"),
    ("HX59", f"## HX59 heading image ![h](https://{OUTSIDE}/h.png)"),
    # Code keeps its text and makes nothing.
    ("HX48", "HX48 `<img src=x onerror=alert(30)>` code span"),
    ("HX49", "HX49 before a fence\n\n```html\n<script>alert(31)</script>\n```"),
    # Admonitions and details: their titles are written by the extension.
    ("HX50", "!!! note \"HX50 <img src=x onerror=alert(48)>\"\n    body {: onclick=alert(49) }"),
    ("HX51", "??? danger \"HX51 *d*{: onmouseover=alert(50) }\"\n    body"),
    # A table cell and a definition list.
    ("HX52", "| HX52 | b |\n| --- | --- |\n| *c*{: onclick=alert(51) } | d |"),
    ("HX53", "HX53 term\n:   definition *q*{: onmouseover=alert(52) }"),
))

# Body paragraphs of raw HTML, entities, comments and template syntax: the README promises
# they show as the text they are, so the page must show each paragraph exactly as written.
SHOWN_AS_WRITTEN = frozenset({
    "HX17", "HX23", "HX26", "HX27", "HX28", "HX29", "HX30", "HX31", "HX32", "HX33", "HX34",
    "HX35", "HX36", "HX38", "HX39", "HX40",
})

PAYLOADS: tuple[Payload, ...] = (
    ACTOR_NAME, *ACTOR_ALIASES, ACTOR_WEAK_ALIAS, ACTOR_DEMONYM, ACTOR_SUMMARY, ACTOR_ROLE,
    ACTOR_WIKIDATA, ACTOR_WEBSITE,
    ARTICLE_TITLE, ARTICLE_PUBLISHER, ARTICLE_AUTHOR, ARTICLE_LANGUAGE,
    BRIEFING_TITLE, BLUF, JUDGMENT, ROLE, STANCE, NOTE,
    TOPIC_NAME, TOPIC_DESCRIPTION, REGION_NAME, REGION_DESCRIPTION,
    *BODY,
)


def _dump(data: dict) -> str:
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=1000)


def add_hostile_corpus(content: Path) -> None:
    """Add the hostile actor, article, briefing, topic and region to a copied corpus."""
    (content / "actors" / f"{ACTOR}.yml").write_text(_dump({
        "name": ACTOR_NAME.text,
        "kind": "organization",
        "aliases": [alias.text for alias in ACTOR_ALIASES],
        "weak_aliases": [ACTOR_WEAK_ALIAS.text],
        "demonyms": [ACTOR_DEMONYM.text],
        "roles": [{"title": ACTOR_ROLE.text, "organization": "iraq"}],
        "summary": ACTOR_SUMMARY.text,
        "wikidata": ACTOR_WIKIDATA.text,
        "website": ACTOR_WEBSITE.text,
    }), encoding="utf-8")

    front = _dump({
        "title": ARTICLE_TITLE.text,
        "publisher": ARTICLE_PUBLISHER.text,
        "url": ARTICLE_URL,
        "published": dt.date(2026, 11, 20),
        "author": ARTICLE_AUTHOR.text,
        "language": ARTICLE_LANGUAGE.text,
    })
    body = "\n\n".join(payload.text for payload in BODY)
    (content / "articles" / f"{ARTICLE}.md").write_text(
        f"---\n{front}---\n{body}\n", encoding="utf-8")

    (content / "briefings" / f"{BRIEFING}.yml").write_text(_dump({
        "title": BRIEFING_TITLE.text,
        "date": dt.date(2026, 11, 26),
        "status": "published",
        "bluf": BLUF.text,
        "key_judgments": [{"text": JUDGMENT.text, "articles": [ARTICLE]}],
        "articles": [ARTICLE],
        "actors": [{"id": ACTOR, "role": ROLE.text, "stance": STANCE.text}],
        "topics": [TOPIC],
        "regions": [REGION],
        "relationships": [{"subject": ACTOR, "type": "opposes", "object": "iraq",
                           "evidence": [ARTICLE], "note": NOTE.text}],
    }), encoding="utf-8")

    taxonomy_file = content / "taxonomy.yml"
    taxonomy = yaml.safe_load(taxonomy_file.read_text(encoding="utf-8"))
    taxonomy["topics"][TOPIC] = {"name": TOPIC_NAME.text, "description": TOPIC_DESCRIPTION.text}
    taxonomy["regions"][REGION] = {"name": REGION_NAME.text,
                                   "description": REGION_DESCRIPTION.text}
    taxonomy_file.write_text(_dump(taxonomy), encoding="utf-8")
