"""What every page module shares: the site's data, the template environment, page assembly.

A page is its YAML front matter (written here; it carries the actor sidebar's data for the
theme override in `site_config/`) followed by a body from a template in
`generator/templates/`. Templates are autoescaped, so user text cannot inject HTML.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cached_property
from urllib.parse import urljoin, urlsplit

import jinja2
from markupsafe import Markup

from .. import model
from ..analyse import Analysis, Involvement
from . import markup
from .memo import PageMemo

LEADING = 25  # actors a page describes in full, besides those the curator wrote about
PANEL_TEXT = 200  # characters of a role or summary in the sidebar (it shows two lines of each)
DESCRIPTION = 160  # characters of a page's meta description, about what search results show
SCAN = 2_000  # characters of a text read for its description, links and marks included


@dataclass(frozen=True, slots=True, init=False)
class Page:
    """A generated file: its doc path (e.g. "briefings/iraq.md") and its text, kept in UTF-8:
    a str holding any character past U+00FF (a curly quote, a dash) takes two or four bytes a
    character, and at 5,000 articles the pages are 90 million characters."""

    path: str
    data: bytes

    def __init__(self, path: str, text: str) -> None:
        object.__setattr__(self, "path", path)
        object.__setattr__(self, "data", text.encode("utf-8"))

    @property
    def text(self) -> str:
        return self.data.decode("utf-8")


@dataclass(frozen=True)
class SiteOptions:
    """What the pages must know about where they are published."""

    site_name: str = "Briefings"
    site_url: str | None = None  # absolute base URL, when known
    directory_urls: bool = True

    def path(self, doc_path: str) -> str:
        """Where a generated file is served, relative to the site root: "actors/iraq/"."""
        if not doc_path.endswith(".md"):
            return doc_path
        stem = doc_path[:-3]
        if not self.directory_urls:
            return stem + ".html"
        if stem == "index" or stem.endswith("/index"):
            return stem[:-5] or "./"
        return stem + "/"

    def url(self, doc_path: str) -> str:
        """The absolute URL when site_url is known, else the path from the site root."""
        path = self.path(doc_path)
        if not self.site_url:
            return path
        # As MkDocs does: "https://host/team" means the folder, not a page in /.
        base = self.site_url if self.site_url.endswith("/") else self.site_url + "/"
        return urljoin(base, path)

    def links_from(self, here: str) -> Callable[[str], str]:
        """The address of each page (by doc path) from the page at `here`, as MkDocs writes
        a link between them (its get_relative_url): for the lists a template writes as HTML,
        which the engine copies without reading it (a Markdown list of links costs it three
        times as much)."""
        base = self.path(here)
        # A folder ("actors/iraq/", "./" the root), or a page in one ("actors/iraq.html").
        folder = _parts(base.rpartition("/")[0] if "." in base.rpartition("/")[2] else base)

        def href(target: str) -> str:
            url = self.path(target)
            there = _parts(url)
            common = 0
            for a, b in zip(folder, there, strict=False):
                if a != b:
                    break
                common += 1
            relative = "/".join([".."] * (len(folder) - common) + there[common:]) or "."
            return relative + "/" if url.endswith("/") else relative

        return href


def _parts(path: str) -> list[str]:
    return [part for part in path.split("/") if part and part != "."]


def _web_url(url: str | None) -> str | None:
    return url if url and urlsplit(url).scheme in ("http", "https") else None


def _finalize(value):
    # Every {{ value }} of user text is made safe here (no HTML, no attribute list, no link to
    # "javascript:", no runaway brackets). Markup (links the templates build) passes untouched.
    return markup.user_text(value) if isinstance(value, str) and not isinstance(value, Markup) \
        else value


ENV = jinja2.Environment(
    loader=jinja2.PackageLoader("generator", "templates"),
    autoescape=True,
    finalize=_finalize,
    trim_blocks=True,
    lstrip_blocks=True,
    keep_trailing_newline=True,
    undefined=jinja2.StrictUndefined,
)
ENV.filters.update(text=markup.html_text, inline=markup.inline, cell=markup.cell,
                   clip=markup.clip, web_url=_web_url, blockquote=markup.blockquote)
ENV.globals.update(reliability=model.RELIABILITY, credibility=model.CREDIBILITY,
                   verbs=model.RELATIONSHIP_TYPES)


class Site:
    """The selected corpus, its analysis and the publishing options, with page helpers."""

    def __init__(self, corpus: model.Corpus, analysis: Analysis, options: SiteOptions,
                 memo: PageMemo):
        self.corpus = corpus
        self.analysis = analysis
        self.options = options
        self.memo = memo

    def page(self, path: str, template: str, front: dict | None = None, **context) -> Page:
        body = ENV.get_template(template).render(
            corpus=self.corpus,
            analysis=self.analysis,
            link=lambda target: markup.relative(path, target),
            href=self.options.links_from(path),
            **context,
        )
        return Page(path, _front_matter(front or {}) + _tidy(body))

    def body(self, article: model.Article, here: str) -> Markup:
        """An article's text for the page at `here`, with first mentions linked."""
        return markup.link_mentions(
            article.text,
            self.analysis.mentions[article.id],
            lambda actor_id: markup.relative(here, f"actors/{actor_id}.md"),
        )

    @staticmethod
    def leading(involved: Iterable[Involvement]) -> tuple[list[Involvement], list[Involvement]]:
        """The actors a page describes in full (those the curator wrote about, and the
        `LEADING` most mentioned), and the rest, named only: a briefing on ten long sources
        mentions 150 actors, most of them once."""
        leading, rest = [], []
        for rank, inv in enumerate(involved):  # most mentioned first
            (leading if inv.role or inv.stance or rank < LEADING else rest).append(inv)
        return leading, rest

    def search(self, kind: str, date: dt.date | None = None, *,
               topics: Iterable[str] = (), regions: Iterable[str] = (),
               names: Iterable[str] = ()) -> dict:
        """What a page offers to site search (front matter `search`, written into the page by
        `site_config/overrides/partials/search-data.html`, indexed by `site_search.py`): its
        kind, date, topics and regions, to filter by; and names that find it (its actors'
        other names, see `other_names`), so that an alias the text never uses still does."""
        data: dict = {"kind": kind}
        if date is not None:
            data["date"] = date.isoformat()
        if topics := [self.corpus.topic(t).name for t in topics]:
            data["topics"] = topics
        if regions := [self.corpus.region(r).name for r in regions]:
            data["regions"] = regions
        if names := list(dict.fromkeys(names)):
            data["names"] = names
        return data

    @staticmethod
    def other_names(actors: Iterable[model.Actor]) -> list[str]:
        """The actors' aliases and demonyms (weak aliases, surnames mostly, find too much)."""
        return [name for actor in actors for name in (*actor.aliases, *actor.demonyms)
                if name != actor.name]

    def panel(self, involved: Iterable[Involvement]) -> dict:
        """The actor sidebar's data, read by `site_config/overrides/partials/actor-panel.html`.

        It is in the front matter of every briefing and article page, so it holds only what
        the panel cannot derive (the URL comes from the id, a kind's label is given once) and
        only the leading actors, with a count of the others.
        """
        leading, rest = self.leading(involved)
        entries, kinds = [], {}
        for inv in leading:
            actor = self.corpus.actor(inv.actor)
            kinds[actor.kind.value] = actor.kind.noun
            entry = {"id": actor.id, "name": actor.name, "kind": actor.kind.value}
            if inv.mentions:
                entry["mentions"] = inv.mentions
            if inv.role:
                entry["role"] = markup.clip(inv.role, PANEL_TEXT)
            if actor.summary:
                entry["summary"] = markup.clip(actor.summary, PANEL_TEXT)
            entries.append(entry)
        panel = {"kinds": dict(sorted(kinds.items())), "actors": entries}
        if rest:
            panel["more"] = len(rest)
        return panel

    @staticmethod
    def description(text: str, *, sentence: bool = False) -> str:
        """A page's meta description (front matter `description`) from user Markdown: plain
        text, one line, at most `DESCRIPTION` characters; with `sentence`, only the first
        sentence of the first paragraph (an article's text).

        Material prints `page.meta.description` unescaped in a double-quoted attribute
        (`<meta name="description" content="…">`), so neither a `"` nor an angle bracket may
        remain: quotation marks become typographic ones, angle brackets look-alikes (as in
        `markup.page_title`). An `&` can neither close the attribute nor open a tag.
        """
        # Only the start is read: a long text (or a hostile one) costs no more than a short one.
        text = _first_sentence(_first_paragraph(text)[:SCAN]) if sentence else text[:SCAN]
        plain = _MARKDOWN_MARKS.sub("", _MARKDOWN_LINK.sub(r"\1", text))
        quotes = iter("“”" * plain.count('"'))
        plain = re.sub('"', lambda _: next(quotes), plain)
        return markup.clip(plain.replace("<", "‹").replace(">", "›"), DESCRIPTION)

    @staticmethod
    def newest_first(briefings: Iterable[model.Briefing]) -> list[model.Briefing]:
        return sorted(briefings, key=model.briefing_order)

    @cached_property
    def citing(self) -> dict[str, list[model.Briefing]]:
        """The briefings that cite each article, newest first."""
        citing = defaultdict(list)
        for briefing in self.newest_first(self.corpus.briefings):
            for article_id in briefing.articles:
                citing[article_id].append(briefing)
        return citing

    @cached_property
    def mention_counts(self) -> dict[tuple[str, str, str], int]:
        """("briefing" | "article", its id, actor id) → how often it mentions the actor."""
        counts: dict[tuple[str, str, str], int] = {}
        for kind, by_item in (("article", self.analysis.article_actors),
                              ("briefing", self.analysis.briefing_actors)):
            for item, involved in by_item.items():
                for inv in involved:
                    counts[kind, item, inv.actor] = inv.mentions
        return counts

    @cached_property
    def neighbours(self) -> dict[str, set[str]]:
        """Actor id → the actors its small graph shows (its relationships' other ends)."""
        around: dict[str, set[str]] = defaultdict(set)
        for edge in self.analysis.graph.edges:
            around[edge.subject].add(edge.object)
            around[edge.object].add(edge.subject)
        return around

    @cached_property
    def quotes_by_speaker(self) -> dict[str, dict[str, list]]:
        """Speaker id → article id → the quotations it speaks there, in text order."""
        spoken: dict[str, dict[str, list]] = defaultdict(lambda: defaultdict(list))
        for article_id, quotes in self.analysis.quotes.items():
            for quote in quotes:
                if quote.speaker:
                    spoken[quote.speaker][article_id].append(quote)
        return spoken

    @cached_property
    def term_counts(self) -> Counter:
        """How many briefings each ("topic" | "region", id) files."""
        counts: Counter = Counter()
        for briefing in self.corpus.briefings:
            counts.update(("topic", t) for t in briefing.topics)
            counts.update(("region", r) for r in briefing.regions)
        return counts


def _front_matter(front: dict) -> str:
    """The front matter: one key a line, each value in JSON, which YAML reads as flow style.
    PyYAML's representer (Python, even with libyaml's emitter) was a fifth of the render stage;
    json.dumps is many times faster, and what it writes parses to the same values."""
    if not front:
        return ""
    lines = "".join(f"{_yaml_key(key)}: {_yaml_json(value)}\n" for key, value in front.items())
    return f"---\n{lines}---\n\n"


def read_front_matter(text: str) -> tuple[dict, str] | None:
    """The front matter `_front_matter` wrote at the start of `text`, read back, and the text
    after it; None if the text has none. The values are those a YAML reader gives (a test
    holds them to it), read as the JSON they are written in, many times faster: MkDocs's
    libyaml reading was 5 % of a build's main process at 5,000 articles."""
    if not text.startswith("---\n"):
        return None
    end = text.find("\n---\n", 3)  # JSON writes no line break inside a value
    if end < 0:
        return None
    front = {}
    for line in text[4:end].split("\n"):
        if line.startswith('"'):
            key, after = _JSON.raw_decode(line)
        else:
            after = line.index(": ")
            key = line[:after]
        front[key] = json.loads(line[after + 2:])
    return front, text[end + 5:]


_JSON = json.JSONDecoder()
# A key YAML reads as the same string when written plain ("title"); YAML 1.1 reads these
# words as booleans or null, so they are quoted.
_PLAIN_KEY = re.compile(r"[a-z_][a-z0-9_]*")
_YAML_WORDS = {"y", "n", "yes", "no", "on", "off", "true", "false", "null"}


def _yaml_key(key: str) -> str:
    return key if _PLAIN_KEY.fullmatch(key) and key not in _YAML_WORDS else _yaml_json(key)


# What a YAML reader refuses in a document (DEL, the C1 controls, U+FFFE/U+FFFF) or takes for
# a line break inside a quoted string (NEL, U+2028, U+2029), and the byte order mark: JSON
# leaves them as they are (it escapes only the C0 controls), YAML reads them escaped.
_NOT_FOR_YAML = re.compile("[\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]")


def _yaml_json(value: object) -> str:
    text = json.dumps(value, ensure_ascii=False)
    return _NOT_FOR_YAML.sub(lambda match: f"\\u{ord(match[0]):04x}", text)


# A link or image keeps its text; emphasis and code marks, heading and quotation markers and
# backslash escapes go: a description is shown as plain text.
_MARKDOWN_LINK = re.compile(r"!?\[([^\[\]\n]*)\]\([^()\n]*\)")
_MARKDOWN_MARKS = re.compile(r"[*`]+|\\(?=[!-/:-@\[-`{-~])|^[ \t]*(?:#{1,6}|>)[ \t]*", re.M)
# A full stop after these ends no sentence ("Gen. Votel", "U.S. troops": any word with a dot).
_ABBREVIATIONS = frozenset({"Mr", "Mrs", "Ms", "Dr", "Prof", "Gen", "Col", "Lt", "Sgt", "Gov",
                            "Sen", "Rep", "St", "Jr", "Sr", "No", "vs", "etc"})
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")
_SENTENCE_END = re.compile(r"[.!?][\"”’)]*(?=\s)")


def _first_paragraph(text: str) -> str:
    return next((paragraph for paragraph in _PARAGRAPH_BREAK.split(text)
                 if paragraph.strip() and not paragraph.lstrip().startswith("#")), "")


def _first_sentence(text: str) -> str:
    for end in _SENTENCE_END.finditer(text):
        words = text[:end.start()].split()
        word = words[-1] if words else ""
        if not ("." in word or word in _ABBREVIATIONS or (len(word) == 1 and word.isupper())):
            return text[:end.end()]
    return text


def _tidy(text: str) -> str:
    """Runs of blank lines made one; lines themselves untouched (a trailing double space is a
    Markdown line break in an article's text)."""
    tidy: list[str] = []
    for line in text.split("\n"):
        blank = not line.strip()
        if not blank or (tidy and tidy[-1]):
            tidy.append("" if blank else line)
    return "\n".join(tidy).strip("\n") + "\n"
