"""Score entity linking against hand labels: mention precision/recall, quote attribution.

`evaluate(content_dir, labels_path)` loads a content tree with the real loader, runs the real
`MentionFinder` (and `find_quotes`, once it exists) on every article, and compares the result
with `labels.yml`. It is plain code, importable by path, so a test can hold floors:

    spec = importlib.util.spec_from_file_location("eval_scoring", ROOT / "eval/scoring.py")
    scoring = importlib.util.module_from_spec(spec)
    sys.modules["eval_scoring"] = scoring
    spec.loader.exec_module(scoring)
    scores = scoring.evaluate(ROOT / "eval/content", ROOT / "eval/labels.yml")
    assert scores.mentions.f1 >= 0.9

Mentions are compared per article as multisets of (actor, surface text casefolded, NFC), so
order and offsets do not count. Quotes are matched in order: a labelled quote matches the first
unused extracted quote whose text starts with the label's `starts` (whitespace collapsed, case
ignored). A quote labelled with a speaker is right when it is matched with that speaker; a quote
labelled `speaker: null` (a scare quote, a speaker who is not an actor) is right when it is not
extracted at all or extracted without a speaker.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from generator.analyse.mentions import Mention, MentionFinder
from generator.load import load_corpus
from generator.model import Actor, Article, Corpus

Key = tuple[str, str]  # (actor id, surface text normalised)
QUOTE_MARKS = "\"'“”„‟‘’‚‛«»‹›"


class LabelError(Exception):
    """The labels file is malformed or disagrees with the content; carries every problem."""

    def __init__(self, problems: Sequence[str]):
        self.problems = list(problems)
        super().__init__("\n".join(self.problems))


@dataclass(frozen=True)
class LabelledMention:
    actor: str
    text: str


@dataclass(frozen=True)
class LabelledQuote:
    starts: str
    speaker: str | None


@dataclass(frozen=True)
class ArticleLabels:
    mentions: tuple[LabelledMention, ...]
    quotes: tuple[LabelledQuote, ...]


@dataclass(frozen=True)
class Counts:
    """Mention counts with the usual ratios; an empty side counts as perfect."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def __add__(self, other: Counts) -> Counts:
        return Counts(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass(frozen=True)
class QuoteCounts:
    """Labelled quotes right or wrong, and extracted quotes that match no label."""

    total: int = 0
    correct: int = 0
    missed: int = 0  # labelled with a speaker, not extracted
    wrong_speaker: int = 0  # extracted with another speaker (or none, or one for a null label)
    spurious: int = 0  # extracted, matching no label

    def __add__(self, other: QuoteCounts) -> QuoteCounts:
        return QuoteCounts(self.total + other.total, self.correct + other.correct,
                           self.missed + other.missed, self.wrong_speaker + other.wrong_speaker,
                           self.spurious + other.spurious)

    @property
    def accuracy(self) -> float:
        return self.correct / self.total if self.total else 1.0


@dataclass(frozen=True)
class Miss:
    """One false positive or false negative mention, with where it is."""

    actor: str
    text: str
    context: str


@dataclass(frozen=True)
class QuoteIssue:
    """One quote the extractor got wrong: kind is "missed", "wrong speaker" or "spurious"."""

    kind: str
    quote: str
    expected: str | None
    got: str | None
    rule: str = ""


@dataclass(frozen=True)
class ArticleScore:
    article: str
    mentions: Counts
    false_positives: tuple[Miss, ...]
    false_negatives: tuple[Miss, ...]
    quotes: QuoteCounts | None
    quote_issues: tuple[QuoteIssue, ...] = ()


@dataclass(frozen=True)
class Scores:
    """Overall figures, and each article's, for one run."""

    mentions: Counts
    quotes: QuoteCounts | None  # None when generator.analyse.quotes cannot be imported
    articles: tuple[ArticleScore, ...]
    quotes_unavailable: str = ""  # why quotes is None

    @property
    def precision(self) -> float:
        return self.mentions.precision

    @property
    def recall(self) -> float:
        return self.mentions.recall

    @property
    def f1(self) -> float:
        return self.mentions.f1

    @property
    def quote_accuracy(self) -> float | None:
        return None if self.quotes is None else self.quotes.accuracy


QuoteFinder = Callable[[str, list[Mention], dict[str, Actor]], list[Any]]


def evaluate(content_dir: Path | str, labels_path: Path | str) -> Scores:
    """Run the mention finder and the quote extractor on the corpus and score them."""
    corpus = load_corpus(Path(content_dir))
    labels = load_labels(Path(labels_path), corpus)
    find_quotes, unavailable = _quote_finder()
    finder = MentionFinder(corpus.actors)
    actors = {actor.id: actor for actor in corpus.actors}
    results = []
    for article in corpus.articles:
        expected = labels[article.id]
        mentions = finder.find(article.text)
        counts, fps, fns = score_mentions(article.text, mentions, expected.mentions)
        quote_counts, issues = None, ()
        if find_quotes is not None:
            extracted = find_quotes(article.text, mentions, actors)
            quote_counts, issues = score_quotes(extracted, expected.quotes)
        results.append(ArticleScore(article.id, counts, fps, fns, quote_counts, issues))
    total = sum((r.mentions for r in results), Counts())
    quotes = None
    if find_quotes is not None:
        quotes = sum((r.quotes for r in results if r.quotes is not None), QuoteCounts())
    return Scores(total, quotes, tuple(results), unavailable)


def _quote_finder() -> tuple[QuoteFinder | None, str]:
    try:
        from generator.analyse.quotes import find_quotes
    except ImportError as exc:
        return None, str(exc)
    return find_quotes, ""


# --- labels -----------------------------------------------------------------------------------

def load_labels(path: Path, corpus: Corpus) -> dict[str, ArticleLabels]:
    """The labels by article id, checked against the corpus; raises `LabelError`."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise LabelError([f"{path}: {exc}"]) from exc
    if not isinstance(data, dict):
        raise LabelError([f"{path}: expected a mapping of article id to labels"])
    articles = {article.id: article for article in corpus.articles}
    actors = {actor.id for actor in corpus.actors}
    problems: list[str] = []
    labels: dict[str, ArticleLabels] = {}
    for article_id, entry in data.items():
        where = f"{path}: {article_id}"
        if article_id not in articles:
            problems.append(f"{where}: no such article in the content")
            continue
        if not isinstance(entry, dict):
            problems.append(f"{where}: expected a mapping with mentions and quotes")
            continue
        problems += [f"{where}: unknown key {key!r} (expected note, mentions, quotes)"
                     for key in entry if key not in ("note", "mentions", "quotes")]
        labels[article_id] = _article_labels(where, entry, articles[article_id], actors,
                                             problems)
    problems += [f"{path}: article {article_id!r} has no labels"
                 for article_id in articles if article_id not in data]
    if problems:
        raise LabelError(problems)
    return labels


def _article_labels(where: str, entry: dict, article: Article, actors: set[str],
                    problems: list[str]) -> ArticleLabels:
    mentions = []
    for item in entry.get("mentions") or []:
        actor, text = (item.get("actor"), item.get("text")) if isinstance(item, dict) else (
            None, None)
        if not isinstance(actor, str) or not isinstance(text, str):
            problems.append(f"{where}: mention {item!r} needs actor and text")
        elif actor not in actors:
            problems.append(f"{where}: mention of unknown actor {actor!r}")
        else:
            mentions.append(LabelledMention(actor, text))
    for text, count in Counter(_norm(m.text) for m in mentions).items():
        found = len(_occurrences(article.text, text))
        if found < count:
            problems.append(f"{where}: {count} mentions labelled {text!r}, "
                            f"but the text has {found}")
    quotes = []
    for item in entry.get("quotes") or []:
        starts = item.get("starts") if isinstance(item, dict) else None
        speaker = item.get("speaker") if isinstance(item, dict) else None
        if not isinstance(starts, str) or not starts.strip():
            problems.append(f"{where}: quote {item!r} needs starts")
        elif speaker is not None and speaker not in actors:
            problems.append(f"{where}: quote speaker {speaker!r} is not an actor")
        elif _squash(starts) not in _squash(article.text):
            problems.append(f"{where}: quote start {starts!r} is not in the text")
        else:
            quotes.append(LabelledQuote(starts, speaker))
    return ArticleLabels(tuple(mentions), tuple(quotes))


# --- mentions ---------------------------------------------------------------------------------

def score_mentions(text: str, found: Sequence[Mention], expected: Sequence[LabelledMention],
                   ) -> tuple[Counts, tuple[Miss, ...], tuple[Miss, ...]]:
    """Multiset comparison of found and expected mentions, with each miss located."""
    found = sorted(found, key=lambda m: m.start)
    got = [(m.actor, _norm(m.text)) for m in found]
    want = [(m.actor, _norm(m.text)) for m in expected]
    got_count, want_count = Counter(got), Counter(want)
    tp = sum((got_count & want_count).values())
    counts = Counts(tp, len(got) - tp, len(want) - tp)
    # Which occurrences are the wrong ones: align the two sequences, then take the
    # unaligned ones, as many per key as the multiset difference says.
    pairs = _align(want, got)
    aligned_got = {j for _, j in pairs}
    aligned_want = {i for i, _ in pairs}
    excess = got_count - want_count
    fps = []
    for j, key in enumerate(got):
        if j not in aligned_got and excess[key] > 0:
            excess[key] -= 1
            fps.append(Miss(key[0], found[j].text, _context(text, found[j].start, found[j].end)))
    missing = want_count - got_count
    fns, used = [], set()
    for i, key in enumerate(want):
        if i not in aligned_want and missing[key] > 0:
            missing[key] -= 1
            lo = max((found[j].end for a, j in pairs if a < i), default=0)
            hi = min((found[j].start for a, j in pairs if a > i), default=len(text))
            spans = [s for s in _occurrences(text, key[1]) if s not in used]
            span = next((s for s in spans if lo <= s[0] and s[1] <= hi), None)
            span = span or (spans[0] if spans else None)
            if span is None:
                fns.append(Miss(key[0], expected[i].text, "(not found in the text)"))
                continue
            used.add(span)
            fns.append(Miss(key[0], expected[i].text, _context(text, *span)))
    return counts, tuple(fps), tuple(fns)


def _align(a: Sequence[Key], b: Sequence[Key]) -> list[tuple[int, int]]:
    """Index pairs of a longest common subsequence of `a` and `b`."""
    n, m = len(a), len(b)
    table = [[0] * (m + 1) for _ in range(n + 1)]
    for i in range(n - 1, -1, -1):
        for j in range(m - 1, -1, -1):
            table[i][j] = (table[i + 1][j + 1] + 1 if a[i] == b[j]
                           else max(table[i + 1][j], table[i][j + 1]))
    pairs, i, j = [], 0, 0
    while i < n and j < m:
        if a[i] == b[j]:
            pairs.append((i, j))
            i, j = i + 1, j + 1
        elif table[i + 1][j] >= table[i][j + 1]:
            i += 1
        else:
            j += 1
    return pairs


def _occurrences(text: str, needle: str) -> list[tuple[int, int]]:
    """Spans where `needle` stands as whole words in `text`, in any case, composed or not."""
    spans: set[tuple[int, int]] = set()
    for form in {unicodedata.normalize("NFC", needle), unicodedata.normalize("NFD", needle)}:
        pattern = re.compile(rf"(?<!\w){re.escape(form)}(?!\w)", re.IGNORECASE)
        spans.update(match.span() for match in pattern.finditer(text))
    return sorted(spans)


def _norm(text: str) -> str:
    return unicodedata.normalize("NFC", text).casefold()


def _context(text: str, start: int, end: int, width: int = 40) -> str:
    left = " ".join(text[max(0, start - width):start].split())
    right = " ".join(text[end:end + width].split())
    return f"…{left} [{text[start:end]}] {right}…"


# --- quotes -----------------------------------------------------------------------------------

def score_quotes(extracted: Sequence[Any], expected: Sequence[LabelledQuote],
                 ) -> tuple[QuoteCounts, tuple[QuoteIssue, ...]]:
    """Match labelled quotes to extracted ones in order and count right attributions."""
    ordered = sorted(extracted, key=lambda q: q.start)
    texts = [_squash(q.text) for q in ordered]
    used: set[int] = set()
    correct = missed = wrong = 0
    issues = []
    for label in expected:
        starts = _squash(label.starts)
        index = next((k for k, t in enumerate(texts) if k not in used and t.startswith(starts)),
                     None)
        if index is None:
            if label.speaker is None:
                correct += 1
            else:
                missed += 1
                issues.append(QuoteIssue("missed", label.starts, label.speaker, None))
            continue
        used.add(index)
        quote = ordered[index]
        if quote.speaker == label.speaker:
            correct += 1
        else:
            wrong += 1
            issues.append(QuoteIssue("wrong speaker", label.starts, label.speaker, quote.speaker,
                                     str(getattr(quote, "rule", ""))))
    spurious = [q for k, q in enumerate(ordered) if k not in used]
    issues += [QuoteIssue("spurious", _excerpt(q.text), None, q.speaker,
                          str(getattr(q, "rule", ""))) for q in spurious]
    counts = QuoteCounts(len(expected), correct, missed, wrong, len(spurious))
    return counts, tuple(issues)


def _squash(text: str) -> str:
    return " ".join(text.strip().lstrip(QUOTE_MARKS).split()).casefold()


def _excerpt(text: str, words: int = 8) -> str:
    parts = text.split()
    return " ".join(parts[:words]) + (" …" if len(parts) > words else "")
