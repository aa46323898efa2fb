"""`briefings explain`: every decision the analysis made about one article, and why."""

from __future__ import annotations

from collections.abc import Iterator

from .analyse.article import ActorNames, examine_article
from .model import Article, Corpus


def explain(corpus: Corpus, article: Article) -> Iterator[str]:
    """Lines for the terminal: mentions, rejected matches, quotations, figures.

    The analysis is the build's own (`examine_article` is what `analyse_article` runs), so
    what is explained is exactly what the site shows.
    """
    text = article.text
    analysis, decisions = examine_article(text, ActorNames(corpus.actors))
    mentions, rejected, figures = analysis.mentions, decisions.rejected, analysis.figures
    quotes = sorted(analysis.quotes + decisions.scare_quotes, key=lambda q: q.start)
    yield (f"{article.source.path}: {len(mentions)} mentions, {len(rejected)} rejected, "
           f"{len(analysis.quotes)} quotations, {len(figures)} figures")
    yield "positions are line:column in the article's text"
    yield ""
    yield "mentions"
    for m in mentions:
        yield f"  {_at(text, m.start):>7}  {m.text!r:28} → {m.actor:24} {m.rule.value}"
    yield "rejected"
    for r in rejected:
        yield f"  {_at(text, r.start):>7}  {r.text!r:28}   {r.reason}"
    yield "quotations"
    for q in quotes:
        speaker = q.speaker or "nobody"
        yield f"  {_at(text, q.start):>7}  {_clip(q.text)!r:28} → {speaker:24} {q.rule}"
    yield "figures"
    for f in figures:
        yield f"  {_at(text, f.start):>7}  {f.value!r:28}   {f.kind.value}: {f.context}"


def _at(text: str, offset: int) -> str:
    line = text.count("\n", 0, offset) + 1
    col = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return f"{line}:{col}"


def _clip(text: str, width: int = 24) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"
