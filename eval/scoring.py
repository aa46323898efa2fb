"""Score entity linking against hand labels: mention precision/recall, quote attribution.

`evaluate(content_dir, labels_path)` loads a content tree with the real loader, runs the real
per-article analysis (`analyse_article`: mentions in the headline and the text, quotations)
on every article, and compares the result with the labels;
`evaluate_plain_match` scores the baseline the rules must beat: a case-sensitive match of every
registered form (name, aliases, weak aliases, demonyms), longest first, no rules. Both are
plain code, importable by path, so a test can hold floors:

    spec = importlib.util.spec_from_file_location("eval_scoring", ROOT / "eval/scoring.py")
    scoring = importlib.util.module_from_spec(spec)
    sys.modules["eval_scoring"] = scoring
    spec.loader.exec_module(scoring)
    scores = scoring.evaluate(ROOT / "eval/content", ROOT / "eval/labels.yml")
    assert scores.mentions.f1 >= 0.9

Mentions are compared per article and per part (headline or body) as multisets of (actor,
surface text casefolded, NFC), so order and offsets do not count. Quotes are matched in order:
a labelled quote matches the first unused extracted quote whose text starts with the label's
`starts` (whitespace collapsed, case ignored). A quote labelled with a speaker is right when it
is matched with that speaker; a quote labelled `speaker: null` (a scare quote, a speaker who
is not an actor) is right when it is not extracted at all or extracted without a speaker.
A set that labels no headline is scored on article text only.

A label may carry a `class` (one of `CLASSES`: the kinds of error issue 11 names). Those are
also scored one by one, by position: a mention to link counts as found when a mention of its
actor overlaps it; a trap (a place where an actor must not be linked) holds when none does.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import astuple, dataclass
from pathlib import Path
from typing import Any

import yaml

from generator.analyse import ActorNames, analyse_article
from generator.analyse.mentions import Mention, Rule
from generator.load import load_corpus
from generator.model import Actor, Article, Corpus

Key = tuple[str, str]  # (actor id, surface text normalised)
Span = tuple[int, int]
QUOTE_MARKS = "\"'“”„‟‘’‚‛«»‹›"
PARTS = ("title", "body")  # where a labelled mention stands: the headline or the text

# The error classes of issue 11 a label may be tagged with, and what each holds.
CLASSES = {
    "inside-longer-name": "a registered name inside a longer name that is not registered",
    "common-word": "an alias or demonym that is a common word in another case",
    "ambiguous-alias": "a name that means one actor in one article and something else in another",
    "title-surname": "title + surname (\"Mr. Putin\") before any full name",
    "surname-alone": "a surname alone in a short item that never gives the full name",
    "name-variant": "middle initial, initials, oe/ue/ae, hyphen for space, company suffix, the",
    "quote-speaker-named": "a quotation whose speaker, named after it, is not an actor",
    "headline": "an actor named in the headline and nowhere in the body",
    "dateline": "an actor named in a dateline (\"JAKARTA, Indonesia (AP) —\", \"UNITED NATIONS\")",
}


class LabelError(Exception):
    """The labels file is malformed or disagrees with the content; carries every problem."""

    def __init__(self, problems: Sequence[str]):
        self.problems = list(problems)
        super().__init__("\n".join(self.problems))


@dataclass(frozen=True)
class LabelledMention:
    actor: str
    text: str
    part: str = "body"
    cls: str | None = None
    span: Span | None = None  # located for tagged labels only: where the class is scored


@dataclass(frozen=True)
class Trap:
    """A place where `actor` must not be linked ("Mexico" in "Gulf of Mexico")."""

    actor: str
    text: str
    part: str
    cls: str | None
    span: Span


@dataclass(frozen=True)
class LabelledQuote:
    starts: str
    speaker: str | None
    cls: str | None = None


@dataclass(frozen=True)
class ArticleLabels:
    mentions: tuple[LabelledMention, ...]
    quotes: tuple[LabelledQuote, ...]
    traps: tuple[Trap, ...] = ()


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
class ClassCounts:
    """One error class: mentions to link and found, traps set and held, quotes right."""

    link: int = 0
    found: int = 0
    traps: int = 0
    held: int = 0
    quotes: int = 0
    quotes_right: int = 0

    def __add__(self, other: ClassCounts) -> ClassCounts:
        return ClassCounts(*(a + b for a, b in zip(astuple(self), astuple(other), strict=True)))

    @property
    def mentions(self) -> Counts:
        """A found mention is a true positive, a missed one a false negative, a broken trap
        a false positive."""
        return Counts(self.found, self.traps - self.held, self.link - self.found)


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
    parts: tuple[tuple[str, Counts], ...] = ()  # (part, its counts) for each of PARTS
    classes: tuple[tuple[str, ClassCounts], ...] = ()


@dataclass(frozen=True)
class Scores:
    """Overall figures, and each article's, for one run."""

    mentions: Counts
    quotes: QuoteCounts | None  # None when quotes were not scored (the plain match)
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

    def part(self, name: str) -> Counts:
        """The mention counts of one part ("title" or "body") over every article."""
        return sum((dict(a.parts).get(name, Counts()) for a in self.articles), Counts())

    def classes(self) -> dict[str, ClassCounts]:
        """Each error class that some label is tagged with, in the order of `CLASSES`."""
        total: dict[str, ClassCounts] = {}
        for article in self.articles:
            for name, counts in article.classes:
                total[name] = total.get(name, ClassCounts()) + counts
        return {name: total[name] for name in CLASSES if name in total}


@dataclass(frozen=True)
class Found:
    """What one method found in one article: mentions per part, quotations (None: not tried)."""

    mentions: dict[str, list[Mention]]
    quotes: list[Any] | None


def evaluate(content_dir: Path | str, labels_path: Path | str) -> Scores:
    """Run the project's per-article analysis on the corpus and score it."""
    corpus = load_corpus(Path(content_dir))
    labels = load_labels(Path(labels_path), corpus)
    names = ActorNames(corpus.actors)

    def project(article: Article) -> Found:
        # The same function the site's analyse stage calls, headline included.
        analysis = analyse_article(article.text, names, article.title)
        return Found({"title": list(analysis.title_mentions), "body": list(analysis.mentions)},
                     list(analysis.quotes))

    return _score(corpus, labels, project, "")


def evaluate_plain_match(content_dir: Path | str, labels_path: Path | str) -> Scores:
    """Score the baseline: `PlainMatch` over headline and body; no quotes."""
    corpus = load_corpus(Path(content_dir))
    labels = load_labels(Path(labels_path), corpus)
    matcher = PlainMatch(corpus.actors)

    def plain(article: Article) -> Found:
        return Found({"title": matcher.find(article.title), "body": matcher.find(article.text)},
                     None)

    return _score(corpus, labels, plain, "the plain match attributes no quotes")


def _score(corpus: Corpus, labels: dict[str, ArticleLabels], find: Callable[[Article], Found],
           unavailable: str) -> Scores:
    # A set that labels no headline (the original one) is a set of bodies: its titles are
    # not scored, or every name in them would count as a false positive.
    titles_labelled = any(m.part == "title" for entry in labels.values() for m in entry.mentions)
    results = []
    for article in corpus.articles:
        expected = labels[article.id]
        found = find(article)
        if not titles_labelled:
            found.mentions["title"] = []
        texts = {"title": article.title, "body": article.text}
        parts, fps, fns = [], [], []
        for part in PARTS:
            want = [m for m in expected.mentions if m.part == part]
            counts, part_fps, part_fns = score_mentions(texts[part], found.mentions[part], want,
                                                        label="" if part == "body" else part)
            parts.append((part, counts))
            fps += part_fps
            fns += part_fns
        quote_counts, issues, rights = None, (), ()
        if found.quotes is not None:
            quote_counts, issues, rights = score_quotes(found.quotes, expected.quotes)
        classes = score_classes(found.mentions, expected, rights)
        total = sum((counts for _, counts in parts), Counts())
        results.append(ArticleScore(article.id, total, tuple(fps), tuple(fns), quote_counts,
                                    issues, tuple(parts), classes))
    total = sum((r.mentions for r in results), Counts())
    quotes = None
    if all(r.quotes is not None for r in results):
        quotes = sum((r.quotes for r in results if r.quotes is not None), QuoteCounts())
    return Scores(total, quotes, tuple(results), "" if quotes is not None else unavailable)


# --- the baseline -----------------------------------------------------------------------------

class PlainMatch:
    """Every registered form as written, case-sensitive, longest first, and nothing else.

    No diacritic folding, no weak-alias conditions, no surname rule, no `not_mentions`: the
    figure the rules have to beat. A form two actors share goes to the one that registers it
    more strongly (name, alias, demonym, weak alias), then to the first by id.
    """

    _ORDER = ((Rule.NAME, "name"), (Rule.ALIAS, "aliases"), (Rule.DEMONYM, "demonyms"),
              (Rule.WEAK_ALIAS, "weak_aliases"))

    def __init__(self, actors: Iterable[Actor]):
        self._forms: dict[str, tuple[str, Rule]] = {}
        for rule, field in self._ORDER:
            for actor in sorted(actors, key=lambda a: a.id):
                value = getattr(actor, field)
                for form in [value] if isinstance(value, str) else value:
                    self._forms.setdefault(form, (actor.id, rule))
        # Python's alternation takes the first alternative that matches: longest first.
        forms = sorted(self._forms, key=lambda form: (-len(form), form))
        body = "|".join(re.escape(form) for form in forms) or r"(?!x)x"
        self._pattern = re.compile(rf"(?<!\w)(?:{body})(?!\w)")

    def find(self, text: str) -> list[Mention]:
        found = []
        for match in self._pattern.finditer(text):
            actor, rule = self._forms[match.group()]
            found.append(Mention(actor, match.start(), match.end(), match.group(), rule))
        return found


# --- labels -----------------------------------------------------------------------------------

_ENTRY_KEYS = ("note", "mentions", "quotes", "traps")
_MENTION_KEYS = ("actor", "text", "where", "class", "context")
_QUOTE_KEYS = ("starts", "speaker", "class")


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
        problems += [f"{where}: unknown key {key!r} (expected {', '.join(_ENTRY_KEYS)})"
                     for key in entry if key not in _ENTRY_KEYS]
        labels[article_id] = _article_labels(where, entry, articles[article_id], actors,
                                             problems)
    problems += [f"{path}: article {article_id!r} has no labels"
                 for article_id in articles if article_id not in data]
    if problems:
        raise LabelError(problems)
    return labels


def _article_labels(where: str, entry: dict, article: Article, actors: set[str],
                    problems: list[str]) -> ArticleLabels:
    texts = {"title": article.title, "body": article.text}
    mentions = [m for item in entry.get("mentions") or []
                if (m := _mention(where, "mention", item, texts, actors, problems)) is not None]
    for (part, text), count in Counter((m.part, _norm(m.text)) for m in mentions).items():
        found = len(_occurrences(texts[part], text))
        if found < count:
            problems.append(f"{where}: {count} mentions labelled {text!r} in the {part}, "
                            f"but the {part} has {found}")
    traps = []
    for item in entry.get("traps") or []:
        trap = _mention(where, "trap", item, texts, actors, problems, located=True)
        if trap is not None and trap.span is not None:
            traps.append(Trap(trap.actor, trap.text, trap.part, trap.cls, trap.span))
    quotes = []
    for item in entry.get("quotes") or []:
        if not isinstance(item, dict):
            problems.append(f"{where}: quote {item!r} needs starts")
            continue
        starts, speaker, cls = item.get("starts"), item.get("speaker"), item.get("class")
        problems += [f"{where}: quote {item!r}: unknown key {key!r}"
                     for key in item if key not in _QUOTE_KEYS]
        if not isinstance(starts, str) or not starts.strip():
            problems.append(f"{where}: quote {item!r} needs starts")
        elif speaker is not None and speaker not in actors:
            problems.append(f"{where}: quote speaker {speaker!r} is not an actor")
        elif _squash(starts) not in _squash(article.text):
            problems.append(f"{where}: quote start {starts!r} is not in the text")
        elif cls is not None and cls not in CLASSES:
            problems.append(f"{where}: quote {starts!r}: {_unknown_class(cls)}")
        else:
            quotes.append(LabelledQuote(starts, speaker, cls))
    return ArticleLabels(tuple(mentions), tuple(quotes), tuple(traps))


def _mention(where: str, kind: str, item: Any, texts: dict[str, str], actors: set[str],
             problems: list[str], located: bool = False) -> LabelledMention | None:
    """One mention or trap entry, checked; located when tagged with a class or a trap."""
    if not isinstance(item, dict) or not isinstance(item.get("actor"), str) \
            or not isinstance(item.get("text"), str):
        problems.append(f"{where}: {kind} {item!r} needs actor and text")
        return None
    bad = [key for key in item if key not in _MENTION_KEYS]
    part, cls = item.get("where", "body"), item.get("class")
    if bad:
        problems.append(f"{where}: {kind} {item!r}: unknown key {bad[0]!r} "
                        f"(expected {', '.join(_MENTION_KEYS)})")
    elif item["actor"] not in actors:
        problems.append(f"{where}: {kind} of unknown actor {item['actor']!r}")
    elif part not in PARTS:
        problems.append(f"{where}: {kind} {item['text']!r}: where must be title or body")
    elif cls is not None and cls not in CLASSES:
        problems.append(f"{where}: {kind} {item['text']!r}: {_unknown_class(cls)}")
    else:
        span = None
        if located or cls is not None:
            span, problem = _locate(texts[part], item["text"], item.get("context"))
            if problem:
                problems.append(f"{where}: {kind} {item['text']!r}: {problem} in the {part}")
                return None
        return LabelledMention(item["actor"], item["text"], part, cls, span)
    return None


def _locate(text: str, needle: str, context: str | None) -> tuple[Span | None, str]:
    """Where `needle` stands inside the one occurrence of `context` (default: itself)."""
    context = context or needle
    spans = _occurrences(text, context)
    if len(spans) != 1:
        return None, (f"context {context!r} occurs {len(spans)} times (give a `context` that "
                      f"occurs once)")
    start, end = spans[0]
    inner = _occurrences(text[start:end], needle)
    if not inner:
        return None, f"{needle!r} is not inside its context {context!r}"
    return (start + inner[0][0], start + inner[0][1]), ""


def _unknown_class(cls: Any) -> str:
    return f"unknown class {cls!r} (expected one of {', '.join(CLASSES)})"


# --- mentions ---------------------------------------------------------------------------------

def score_mentions(text: str, found: Sequence[Mention], expected: Sequence[LabelledMention],
                   label: str = "") -> tuple[Counts, tuple[Miss, ...], tuple[Miss, ...]]:
    """Multiset comparison of found and expected mentions, with each miss located.

    `label` ("title") prefixes each miss's context, to tell a headline's misses from the body's.
    """
    found = sorted(found, key=lambda m: m.start)
    got = [(m.actor, _norm(m.text)) for m in found]
    want = [(m.actor, _norm(m.text)) for m in expected]
    got_count, want_count = Counter(got), Counter(want)
    tp = sum((got_count & want_count).values())
    counts = Counts(tp, len(got) - tp, len(want) - tp)
    prefix = f"({label}) " if label else ""
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
            fps.append(Miss(key[0], found[j].text,
                            prefix + _context(text, found[j].start, found[j].end)))
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
            fns.append(Miss(key[0], expected[i].text, prefix + _context(text, *span)))
    return counts, tuple(fps), tuple(fns)


def score_classes(found: dict[str, list[Mention]], expected: ArticleLabels,
                  quotes_right: Sequence[bool]) -> tuple[tuple[str, ClassCounts], ...]:
    """Per class: tagged mentions linked, traps held, tagged quotes right (by position)."""
    def linked(actor: str, part: str, span: Span) -> bool:
        return any(m.actor == actor and m.start < span[1] and span[0] < m.end
                   for m in found[part])

    tally: dict[str, ClassCounts] = {}
    for m in expected.mentions:
        if m.cls is not None and m.span is not None:
            hit = linked(m.actor, m.part, m.span)
            tally[m.cls] = tally.get(m.cls, ClassCounts()) + ClassCounts(link=1, found=int(hit))
    for trap in expected.traps:
        if trap.cls is not None:
            held = not linked(trap.actor, trap.part, trap.span)
            tally[trap.cls] = tally.get(trap.cls, ClassCounts()) + ClassCounts(traps=1,
                                                                               held=int(held))
    # No verdicts when quotes were not scored (the plain match): tagged quotes are skipped.
    for quote, right in zip(expected.quotes, quotes_right, strict=False):
        if quote.cls is not None:
            tally[quote.cls] = tally.get(quote.cls, ClassCounts()) + ClassCounts(
                quotes=1, quotes_right=int(right))
    return tuple(sorted(tally.items()))


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


def _occurrences(text: str, needle: str) -> list[Span]:
    """Spans where `needle` stands as whole words in `text`, in any case, composed or not."""
    spans: set[Span] = set()
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
                 ) -> tuple[QuoteCounts, tuple[QuoteIssue, ...], tuple[bool, ...]]:
    """Match labelled quotes to extracted ones in order and count right attributions; also
    whether each labelled quote, in order, was right."""
    ordered = sorted(extracted, key=lambda q: q.start)
    texts = [_squash(q.text) for q in ordered]
    used: set[int] = set()
    rights: list[bool] = []
    missed = wrong = 0
    issues = []
    for label in expected:
        starts = _squash(label.starts)
        index = next((k for k, t in enumerate(texts) if k not in used and t.startswith(starts)),
                     None)
        if index is None:
            rights.append(label.speaker is None)
            if label.speaker is not None:
                missed += 1
                issues.append(QuoteIssue("missed", label.starts, label.speaker, None))
            continue
        used.add(index)
        quote = ordered[index]
        rights.append(quote.speaker == label.speaker)
        if quote.speaker != label.speaker:
            wrong += 1
            issues.append(QuoteIssue("wrong speaker", label.starts, label.speaker, quote.speaker,
                                     str(getattr(quote, "rule", ""))))
    spurious = [q for k, q in enumerate(ordered) if k not in used]
    issues += [QuoteIssue("spurious", _excerpt(q.text), None, q.speaker,
                          str(getattr(q, "rule", ""))) for q in spurious]
    counts = QuoteCounts(len(expected), sum(rights), missed, wrong, len(spurious))
    return counts, tuple(issues), tuple(rights)


def _squash(text: str) -> str:
    return " ".join(text.strip().lstrip(QUOTE_MARKS).split()).casefold()


def _excerpt(text: str, words: int = 8) -> str:
    parts = text.split()
    return " ".join(parts[:words]) + (" …" if len(parts) > words else "")
