"""The `briefings` command: thin adapters over the pipeline."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from .errors import ContentErrors
from .load import load_corpus
from .pipeline import generate as generate_pages
from .write import write_pages

CONTENT = click.option(
    "--content",
    "content_dir",
    type=click.Path(path_type=Path, file_okay=False),
    default=Path("content"),
    show_default=True,
    help="The content folder to read.",
)


@click.group()
@click.version_option(package_name="briefings")
def main() -> None:
    """Turn curated articles, actors and briefings into a briefing site."""


@main.command()
@CONTENT
@click.option("--out", "out_dir", type=click.Path(path_type=Path, file_okay=False),
              required=True, help="Folder to write the Markdown pages into.")
def generate(content_dir: Path, out_dir: Path) -> None:
    """Write the site's Markdown pages to a folder, for any engine to build."""
    pages = _or_exit(lambda: generate_pages(content_dir))
    report = write_pages(pages, out_dir)
    click.echo(f"{len(pages)} pages in {out_dir}: {len(report.written)} written, "
               f"{len(report.unchanged)} unchanged, {len(report.removed)} removed")


@main.command()
@CONTENT
def check(content_dir: Path) -> None:
    """Validate everything under the content folder and report every problem."""
    corpus = _or_exit(lambda: load_corpus(content_dir))
    click.echo(f"{content_dir}: {len(corpus.articles)} articles, {len(corpus.actors)} actors, "
               f"{len(corpus.briefings)} briefings: no problems")


def _or_exit(run):
    try:
        return run()
    except ContentErrors as errors:
        click.echo(errors.format_message(), err=True)
        count = len(errors.errors)
        click.echo(f"{count} problem{'s' if count != 1 else ''} found", err=True)
        sys.exit(1)
