"""The stages in order: load → select → analyse → render. The one place where they meet."""

from __future__ import annotations

from pathlib import Path

from .analyse import analyse
from .load import load_corpus
from .render import Page, SiteOptions, render_site
from .select import PUBLIC, Profile, select


def generate(
    content_dir: Path, profile: Profile = PUBLIC, options: SiteOptions | None = None
) -> tuple[Page, ...]:
    """Every page of the site as Markdown text; raises `ContentErrors` on bad content."""
    corpus = select(load_corpus(content_dir), profile)
    return render_site(corpus, analyse(corpus), options)
