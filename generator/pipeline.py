"""The stages in order: load → select → analyse → render (or export). The one place where they
meet."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from .analyse import AnalysisCache, analyse
from .errors import ContentWarning
from .export import stix
from .load import LoadCache, load_corpus
from .model import Corpus
from .render import Page, PageMemo, SiteOptions, render_site
from .select import PUBLIC, Profile, select


@dataclass
class Caches:
    """What a long-lived process keeps between builds, so that a rebuild redoes only what
    changed (the MkDocs plugin keeps one across `mkdocs serve` rebuilds)."""

    load: LoadCache = field(default_factory=LoadCache)
    analysis: AnalysisCache = field(default_factory=AnalysisCache)
    render: PageMemo = field(default_factory=PageMemo)


def generate(
    content_dir: Path, profile: Profile = PUBLIC, options: SiteOptions | None = None,
    warn: Callable[[ContentWarning], None] | None = None, caches: Caches | None = None,
) -> tuple[Page, ...]:
    """Every page of the site as Markdown text; raises `ContentErrors` on bad content.

    `warn` hears each doubt the load stage found (see `ContentWarning`); they never stop a build.
    With `caches`, unchanged files are not read again nor unchanged articles analysed again;
    the pages are the same either way.
    """
    corpus = _selected(content_dir, profile, warn, caches.load if caches else None)
    analysis = analyse(corpus, caches.analysis if caches else None)
    return render_site(corpus, analysis, options, caches.render if caches else None)


def export_stix(content_dir: Path, profile: Profile = PUBLIC,
                warn: Callable[[ContentWarning], None] | None = None) -> str:
    """The STIX 2.1 bundle of what `profile` may show: the text of the site's stix.json,
    made without rendering the pages."""
    corpus = _selected(content_dir, profile, warn, None)
    return stix.bundle_json(corpus, analyse(corpus))


def _selected(content_dir: Path, profile: Profile,
              warn: Callable[[ContentWarning], None] | None, cache: LoadCache | None) -> Corpus:
    loaded = load_corpus(content_dir, cache)
    for warning in loaded.warnings if warn else ():
        warn(warning)
    # The build's moment: an embargo that ends before it no longer holds anything back.
    return select(loaded, profile, now=dt.datetime.now(dt.UTC))
