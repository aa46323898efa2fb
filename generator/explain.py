"""`briefings explain`: every decision the analysis made about one article, and why, as lines
for the terminal or as JSON for tools."""

from __future__ import annotations

import json
from collections.abc import Iterator

from .analyse.article import ActorNames, ArticleAnalysis, Decisions, examine_article
from .analyse.mentions import RULES
from .model import Article, Corpus
from .wording import counted


def explain(corpus: Corpus, article: Article) -> Iterator[str]:
    """Lines for the terminal: mentions (headline first), rejected matches, quotations, figures.

    The analysis is the build's own (`examine_article` is what `analyse_article` runs), so
    what is explained is exactly what the site shows. Every match names the rule (one of
    `RULES`) that accepted or rejected it.
    """
    analysis, decisions = _examine(corpus, article)
    texts = {"title": article.title, "text": article.text}
    mentions = analysis.title_mentions + analysis.mentions
    rejected, figures = decisions.rejected, analysis.figures
    quotes = sorted(analysis.quotes + decisions.scare_quotes, key=lambda q: q.start)
    yield (f"{article.source.path}: {counted(len(mentions), 'mention')}, {len(rejected)} "
           f"rejected, {counted(len(analysis.quotes), 'quotation')}, "
           f"{counted(len(figures), 'figure')}")
    yield "positions are line:column in the article's text (title: in its headline)"
    yield ""
    yield "mentions"
    for m in mentions:
        where = _at(texts[m.field], m.start, m.field)
        yield (f"  {where:>7}  {m.text!r:28} → {m.actor:24} {m.because} "
               f"({m.rule.value})")
    yield "rejected"
    for r in rejected:
        yield f"  {_at(texts[r.field], r.start, r.field):>7}  {r.text!r:28}   {r.rule}: {r.reason}"
    yield "quotations"
    text = article.text
    for q in quotes:
        speaker = q.speaker or "nobody"
        yield f"  {_at(text, q.start):>7}  {_clip(q.text)!r:28} → {speaker:24} {q.rule}"
    yield "figures"
    for f in figures:
        yield f"  {_at(text, f.start):>7}  {f.value!r:28}   {f.kind.value}: {f.context}"


def explain_json(corpus: Corpus, article: Article) -> str:
    """The decisions as JSON: every candidate match, accepted or rejected, and every quotation.

    Stable: keys sorted, candidates ordered by field (title first), start, end, actor and rule;
    offsets are Python string indices (code points) into the title or the article's text.
    """
    analysis, decisions = _examine(corpus, article)
    candidates = [
        {"field": m.field, "start": m.start, "end": m.end, "text": m.text, "actor": m.actor,
         "rule": m.because, "decision": "accepted", "reason": RULES[m.because]}
        for m in analysis.title_mentions + analysis.mentions
    ] + [
        {"field": r.field, "start": r.start, "end": r.end, "text": r.text,
         "actor": r.actor or None, "rule": r.rule, "decision": "rejected", "reason": r.reason}
        for r in decisions.rejected
    ]
    candidates.sort(key=lambda c: (c["field"] != "title", c["start"], c["end"],
                                   c["actor"] or "", c["rule"]))
    quotes = sorted(analysis.quotes + decisions.scare_quotes, key=lambda q: q.start)
    document = {
        "article": article.id,
        "candidates": candidates,
        "quotations": [{"field": "text", "start": q.start, "end": q.end, "text": q.text,
                        "speaker": q.speaker, "rule": q.rule} for q in quotes],
        "rules": RULES,
    }
    return json.dumps(document, ensure_ascii=False, indent=2, sort_keys=True)


def _examine(corpus: Corpus, article: Article) -> tuple[ArticleAnalysis, Decisions]:
    return examine_article(article.text, ActorNames(corpus.actors), article.title)


def _at(text: str, offset: int, field: str = "text") -> str:
    if field == "title":
        return f"title:{offset + 1}"
    line = text.count("\n", 0, offset) + 1
    col = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return f"{line}:{col}"


def _clip(text: str, width: int = 24) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"
