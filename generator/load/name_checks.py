"""What `check` tells a curator about actors' names that the articles show to be risky.

Two doubts, each a warning at the line of the form in the actor file:

- a strong alias or demonym (matched in any case) that is also a common lower-case word: one
  the articles use in lower case ("polish"), or one of the common English words listed in
  `generator/common_words.txt` ("source"). The actor's `name` is left alone: "Turkey" is
  the country's name whatever the bird;
- a name, alias or demonym that the articles use inside a longer capitalised name that no
  actor claims ("Mexico" in "Gulf of Mexico"): each such use counts as a mention of the
  actor, which the longer name probably does not mean.

Both read every article, so only `briefings check` asks for them, not every build.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from functools import cache

from ..candidates import long_names, words
from ..errors import ContentWarning, excerpt
from ..model import Actor, Article
from ..names import spelling_key, word_list
from ..wording import counted
from .one_file import Name

_PUNCTUATION = ".,;:!?\"“”‘’'()[]*_"
_LONGER_SHOWN = 3  # longer names quoted in one warning; the rest are counted
_WEAK_HINT = ("make it a weak alias, matched only as written and after a strong mention, or "
              "remove it")
_LONGER_HINT = ("if the longer name is not this actor, list it under not_mentions or give it "
                "an actor file of its own")


@cache
def common_words() -> frozenset[str]:
    """The bundled list of common English words that are also names."""
    return word_list("generator", "common_words.txt")


def name_warnings(actors: Sequence[Actor], articles: Sequence[Article],
                  forms: Mapping[str, Sequence[Name]]) -> list[ContentWarning]:
    """The doubts about the actors' strong forms (`forms`: each actor's, with their places)."""
    articles = sorted(articles, key=lambda article: article.source.path)
    return [*_common_words(actors, articles, forms), *_inside_longer(actors, articles, forms)]


def _key(text: str) -> str:
    """`spelling_key`, quicker on plain ASCII, where every spelling is the text itself."""
    return text.lower() if text.isascii() else spelling_key(text)


def _kind(actor: Actor, form: str) -> str:
    if form == actor.name:
        return "name"
    return "demonym" if form in actor.demonyms and form not in actor.aliases else "alias"


def _common_words(actors: Sequence[Actor], articles: Sequence[Article],
                  forms: Mapping[str, Sequence[Name]]) -> Iterable[ContentWarning]:
    suspects = [(actor, name) for actor in actors for name in forms.get(actor.id, ())
                if _kind(actor, name.text) != "name"]
    if not suspects:
        return
    lower_words = _lower_case_words(articles)
    listed = common_words()
    for actor, name in suspects:
        lower = name.text.lower()
        if all(word in lower_words for word in lower.split()):
            first = _first_lower_case_use(lower, articles)
            if first is not None:
                yield _warning(name, f"{_kind(actor, name.text)} {excerpt(name.text)} is also a "
                                     f"lower-case word in the articles ({excerpt(lower)} in "
                                     f"{first.source.path}), and matches it there", _WEAK_HINT)
                continue
        if lower in listed:
            yield _warning(name, f"{_kind(actor, name.text)} {excerpt(name.text)} is a common "
                                 f"English word: {excerpt(lower)} in any text counts as a "
                                 "mention", _WEAK_HINT)


def _lower_case_words(articles: Sequence[Article]) -> set[str]:
    """Every lower-case word of the articles. Splitting on spaces, then trimming the few
    distinct words, is several times faster than a regular expression over the text."""
    tokens: set[str] = set()
    for article in articles:
        tokens.update(article.text.split())
    return {word for token in tokens if (word := token.strip(_PUNCTUATION)).islower()}


def _first_lower_case_use(lower: str, articles: Sequence[Article]) -> Article | None:
    pattern = re.compile(rf"(?<![\w’'-]){re.escape(lower)}(?![\w-]|['’]\w\w)")
    return next((a for a in articles if lower in a.text and pattern.search(a.text)), None)


def _inside_longer(actors: Sequence[Actor], articles: Sequence[Article],
                   forms: Mapping[str, Sequence[Name]]) -> Iterable[ContentWarning]:
    strong = {name.key: (actor, name) for actor in actors for name in forms.get(actor.id, ())}
    # Longer forms and phrases that cover a form where it occurs: the mention finder takes
    # the longest match, and drops not_mentions.
    covers = set(strong)
    for actor in actors:
        covers.update(_key(text) for text in (*actor.weak_aliases, *actor.not_mentions))
    # The words of every registered form: a longer name none of whose words is one of them
    # holds no form, and is not looked at further.
    form_words = {_key(name[start:end]) for name in {n.text for _, n in strong.values()}
                  for start, end in words(name)}
    found = [(article.source.path, long_names(article.text)) for article in articles]
    inside: dict[str, list[str]] = {}  # form key -> the longer names it stands in
    for longer in sorted(set().union(*(names for _, names in found))):
        if any(_key(longer[start:end]) in form_words for start, end in words(longer)):
            for key in _uncovered_forms(longer, strong, covers):
                inside.setdefault(key, []).append(longer)
    flagged = {longer for names in inside.values() for longer in names}
    uses: dict[str, Counter[str]] = {}  # longer name -> article path -> occurrences
    for path, names in found:
        if not flagged.isdisjoint(names):
            for longer in names:
                if longer in flagged:
                    uses.setdefault(longer, Counter())[path] += 1
    for key in sorted(inside, key=lambda k: (strong[k][1].where.path, strong[k][1].where.line,
                                             strong[k][1].where.col)):
        actor, name = strong[key]
        yield _inside_warning(actor, name, inside[key], uses)


def _uncovered_forms(longer: str, strong: Mapping[str, object], covers: set[str]) -> list[str]:
    """The keys of the strong forms that stand in `longer` with no longer registered form or
    not_mentions phrase around them; none if `longer` itself is registered."""
    spans = words(longer)
    if _key(longer) in covers:
        return []
    found: list[tuple[int, int, str]] = []  # word span and key of every registered part
    for i in range(len(spans)):
        for j in range(i + 1, len(spans) + 1):
            key = _key(longer[spans[i][0]:spans[j - 1][1]])
            if key in covers:
                found.append((i, j, key))
    return sorted({key for i, j, key in found if key in strong and not any(
        a <= i and j <= b and b - a > j - i for a, b, _ in found)})


def _inside_warning(actor: Actor, name: Name, longer: list[str],
                    uses: Mapping[str, Counter[str]]) -> ContentWarning:
    counts = {text: sum(uses[text].values()) for text in longer}
    ranked = sorted(longer, key=lambda text: (-counts[text], text))
    shown = ", ".join(f"{excerpt(text)} ({counts[text]})" for text in ranked[:_LONGER_SHOWN])
    more = len(ranked) - _LONGER_SHOWN
    if more > 0:
        shown += f" and {more} more"
    paths = sorted({path for text in longer for path in uses[text]})
    total = sum(counts.values())
    return _warning(name, f"{_kind(actor, name.text)} {excerpt(name.text)} occurs "
                          f"{counted(total, 'time')} in {counted(len(paths), 'article')}"
                          " inside longer names no "
                          f"actor claims: {shown}; first in {paths[0]}", _LONGER_HINT)


def _warning(name: Name, message: str, hint: str) -> ContentWarning:
    where = name.where
    return ContentWarning(where.path, where.line, where.col, message, hint)
