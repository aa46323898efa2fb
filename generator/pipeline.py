"""The stages in order: load → select → analyse → render. The one place where they meet."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from .analyse import AnalysisCache, analyse
from .errors import ContentWarning
from .load import LoadCache, load_corpus
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
    loaded = load_corpus(content_dir, caches.load if caches else None)
    for warning in loaded.warnings if warn else ():
        warn(warning)
    # The build's moment: an embargo that ends before it no longer holds anything back.
    corpus = select(loaded, profile, now=dt.datetime.now(dt.UTC))
    analysis = analyse(corpus, caches.analysis if caches else None)
    return render_site(corpus, analysis, options, caches.render if caches else None)
