"""The `briefings` command: thin adapters over the pipeline."""

from __future__ import annotations

import datetime as dt
import logging
import os
import sys
from collections.abc import Callable
from pathlib import Path

import click
from mkdocs.exceptions import ConfigurationError
from mkdocs.utils.yaml import yaml_load

from . import scaffold
from .errors import ContentError, ContentErrors, ContentWarning, did_you_mean
from .explain import explain as explain_lines
from .explain import explain_json
from .load import load_corpus
from .load.profiles import choose_profile, load_profiles
from .load.schema import SCHEMAS, schema_text
from .load.validate import ID_RULE, SAFE_ID
from .model import Corpus, Profile
from .pipeline import export_stix as export_stix_text
from .pipeline import generate as generate_pages
from .render import SiteOptions
from .review import recurring_names, report_json, report_lines
from .select import PUBLIC, embargoed
from .wording import counted
from .write import UnsafePath, static_files, write_pages


def _content_option(help_text: str) -> Callable[[Callable], Callable]:
    """The --content option, saying what this command does with the folder."""
    return click.option("--content", "content_dir", default=Path("content"), show_default=True,
                        type=click.Path(path_type=Path, file_okay=False), help=help_text)


PROFILES = click.option(
    "--profiles", "profiles_file", type=click.Path(path_type=Path, dir_okay=False),
    default=Path("site_config/profiles.yml"), show_default=True,
    help="Where the publishing profiles are defined (without the file: public only).")


def _examples(*lines: str) -> str:
    """A command's epilog: its examples, kept as written (Click rewraps other paragraphs)."""
    return "\b\nExamples:\n" + "\n".join(f"  {line}" for line in lines)


# Each command has a `short_help`: the list of commands shows it whole, where Click would cut
# a docstring's first sentence to the terminal's width with "...".
@click.group(epilog=_examples(
    "briefings check", "briefings new briefing summit-in-ankara", "briefings new --help"))
@click.version_option(package_name="briefings")
def main() -> None:
    """Turn curated articles, actors and briefings into a briefing site."""


@main.command(short_help="Write the site's Markdown pages to a folder for any engine.",
              epilog=_examples("briefings generate --out build/docs",
                              "briefings generate --out build/docs --profile internal"))
@_content_option("The content folder to read.")
@click.option("--out", "out_dir", type=click.Path(path_type=Path, file_okay=False),
              required=True, help="Folder to write the Markdown pages into.")
@click.option("--config", "config_file", type=click.Path(path_type=Path, dir_okay=False),
              default=Path("mkdocs.yml"), show_default=True,
              help="Where site_name, site_url, use_directory_urls and extra.profile are read.")
@click.option("--site-url", help="The published address, for absolute links in the feed.")
@click.option("--profile", "profile_name",
              help="The publishing profile: what this build may show [default: extra.profile"
                   " of the config, else public].")
@PROFILES
@click.option("--assets", "assets_dir", type=click.Path(path_type=Path, file_okay=False),
              default=Path("site_config/docs"), show_default=True,
              help="Static files (CSS, JavaScript) copied beside the pages.")
def generate(content_dir: Path, out_dir: Path, config_file: Path, site_url: str | None,
             profile_name: str | None, profiles_file: Path, assets_dir: Path) -> None:
    """Write the site's Markdown pages to a folder, for any engine to build.

    The folder is a complete docs folder: pages and the static files of site_config/docs,
    made as `mkdocs build` would make them from the same mkdocs.yml.
    """
    config = _site_config(config_file)
    options = SiteOptions(site_name=config.get("site_name") or "Briefings",
                          site_url=site_url or config.get("site_url") or None,
                          directory_urls=config.get("use_directory_urls", True))
    profile = profile_name or (config.get("extra") or {}).get("profile") or "public"
    pages = _or_exit(lambda: generate_pages(
        content_dir, choose_profile(profiles_file, profile), options,
        warn=lambda warning: click.echo(warning.format_message(), err=True)))
    assets = static_files(assets_dir) if assets_dir.is_dir() else []
    try:
        report = write_pages([*assets, *pages], out_dir)
    except (UnsafePath, OSError) as exc:
        raise click.ClickException(f"{out_dir}: {exc}") from None
    click.echo(f"{counted(len(pages), 'page')} and {counted(len(assets), 'static file')} in "
               f"{out_dir}: "
               f"{len(report.written)} written, "
               f"{len(report.unchanged)} unchanged, {len(report.removed)} removed")


def _site_config(path: Path) -> dict:
    """mkdocs.yml as MkDocs reads it (!ENV and all); empty when there is none."""
    if not path.is_file():
        return {}
    try:
        with path.open(encoding="utf-8") as handle:
            return yaml_load(handle) or {}
    except ConfigurationError as exc:
        raise click.ClickException(f"{path}: {exc}") from None


@main.command(short_help="Serve the site; a save rebuilds only what the edit changed.",
              epilog=_examples("briefings serve", "briefings serve --dev-addr 127.0.0.1:8001"))
@click.option("--config", "config_file", type=click.Path(path_type=Path, dir_okay=False,
              exists=True), default=Path("mkdocs.yml"), show_default=True,
              help="The MkDocs configuration of the site.")
@click.option("--dev-addr", help="IP address and port to serve on [default: 127.0.0.1:8000].")
def serve(config_file: Path, dev_addr: str | None) -> None:
    """Serve the site and rebuild the pages an edit changes, as soon as a file is saved."""
    from .serve import serve as run  # MkDocs's server is loaded only for this command

    logging.basicConfig(level=logging.INFO, format="%(levelname)-7s -  %(message)s")
    run(config_file, dev_addr)


@main.command(short_help="Validate the content and report every problem at once.",
              epilog=_examples("briefings check",
                              "briefings check --content archive/content"))
@_content_option("The content folder to check.")
@click.option("--profiles", "profiles_file", type=click.Path(path_type=Path, dir_okay=False),
              default=Path("site_config/profiles.yml"), show_default=True,
              help="The publishing profiles, checked too; they say who holds embargoed items.")
def check(content_dir: Path, profiles_file: Path) -> None:
    """Validate everything under the content folder and report every problem.

    Also lists each item still under embargo, with the moment it ends.
    """
    corpus, profiles = _or_exit(lambda: _checked(content_dir, profiles_file))
    for warning in corpus.warnings:
        click.echo(warning.format_message(), err=True)
    # A profile that shows drafts shows held items too, whatever its embargo setting.
    holding = [p.name for p in profiles if p.hold_embargoed and not p.include_drafts]
    for item in embargoed(corpus, dt.datetime.now(dt.UTC)):
        where = item.embargo.source
        click.echo(f"{where.path}:{where.line}:{where.col}: under embargo until "
                   f"{item.embargo.until.isoformat()} ({_held_by(holding)})")
    click.echo(f"{content_dir}: {counted(len(corpus.articles), 'article')}, "
               f"{counted(len(corpus.actors), 'actor')}, "
               f"{counted(len(corpus.briefings), 'briefing')}: no problems")


def _checked(content_dir: Path, profiles_file: Path) -> tuple[Corpus, list[Profile]]:
    """The corpus and the profiles, with the problems of both reported in one run."""
    problems: list[ContentError] = []
    doubts: list[ContentWarning] = []
    corpus, profiles = Corpus(), [PUBLIC]
    try:
        corpus = load_corpus(content_dir, name_checks=True)
    except ContentErrors as errors:
        problems += errors.errors
        doubts += errors.warnings
    try:
        # Without a profiles file, builds use the built-in public profile (see choose_profile).
        if profiles_file.is_file():
            profiles = list(load_profiles(profiles_file).values())
    except ContentErrors as errors:
        problems += errors.errors
    if problems:
        raise ContentErrors(problems, doubts)
    return corpus, profiles


def _held_by(profiles: list[str]) -> str:
    if not profiles:
        return "no profile holds it back"
    names = " and ".join(filter(None, [", ".join(profiles[:-1]), profiles[-1]]))
    return f"{names} builds leave it out until then"


@main.command(short_help="Show why each mention, quotation and figure was found.",
              epilog=_examples("briefings explain us-fears-compromise-of-military-secrets",
                              "briefings explain us-fears-compromise-of-military-secrets --json"))
@_content_option("The content folder the article and the actors are in.")
@click.option("--json", "as_json", is_flag=True,
              help="Print JSON instead: every candidate match (field title or text, start, "
                   "end, text, actor, rule, decision accepted or rejected, reason), sorted by "
                   "field, start, end, actor and rule; every quotation with its speaker and "
                   "rule; and the rule names with what each means.")
@click.argument("article_id", metavar="ARTICLE_ID")
def explain(content_dir: Path, article_id: str, as_json: bool) -> None:
    """Show each mention, quotation and figure found in an article, and each rejected match,
    with the named rule that decided it."""
    corpus = _or_exit(lambda: load_corpus(content_dir))
    known = [article.id for article in corpus.articles]
    if article_id not in known:
        hint = did_you_mean(article_id, known)
        raise click.ClickException(f"no article {article_id!r}" + (f" ({hint})" if hint else ""))
    if as_json:
        click.echo(explain_json(corpus, corpus.article(article_id)))
        return
    for line in explain_lines(corpus, corpus.article(article_id)):
        click.echo(line)


@main.command(short_help="Write a starting file for a new actor, briefing or article.",
              epilog=_examples("briefings new actor vladimir-putin",
                              "briefings new briefing summit-in-ankara",
                              "briefings new article ankara-talks --content archive/content"))
@_content_option("The content folder to write the new file into.")
@click.argument("kind", type=click.Choice(sorted(scaffold.KINDS)))
@click.argument("item_id", metavar="ID")
def new(content_dir: Path, kind: str, item_id: str) -> None:
    """Write a commented starting file for a new actor, briefing or article.

    It is actors/ID.yml, briefings/ID.yml or articles/ID.md in the content folder.
    Briefings and articles start as drafts; publish one (status: published) once it is
    ready: `check` refuses a published one that still holds the template's placeholder text.
    """
    if not _valid_id(item_id):
        raise click.BadParameter(f"{item_id!r}: {ID_RULE}", param_hint="ID")
    try:
        path = scaffold.new_file(content_dir, kind, item_id, dt.date.today())
    except scaffold.ScaffoldError as exc:
        raise click.ClickException(str(exc)) from None
    click.echo(f"wrote {path}")


@main.command(name="import", short_help="Turn a plain-text article into a draft article file.",
              epilog=_examples("briefings import report.txt",
                              "briefings import report.txt --id ankara-talks"))
@_content_option("The content folder to write the article into; its actors are looked for in"
                " the text.")
@click.argument("source", type=click.Path(path_type=Path, dir_okay=False, exists=True))
@click.option("--id", "item_id",
              help="The article id; by default made from its title (other scripts "
                   "transliterated: \"Erdoğan\" gives erdogan).")
def import_(content_dir: Path, source: Path, item_id: str | None) -> None:
    """Turn a plain-text article (first line the title) into an article file.

    The article starts as a draft (status: draft). Prints the actors found in its text and
    the names no actor holds yet.
    """
    if item_id is not None and not _valid_id(item_id):
        raise click.BadParameter(f"{item_id!r}: {ID_RULE}", param_hint="--id")
    corpus = _or_exit(lambda: load_corpus(content_dir))
    try:
        imported = scaffold.import_text(content_dir, source, corpus, item_id)
    except scaffold.ScaffoldError as exc:
        raise click.ClickException(str(exc)) from None
    except UnicodeDecodeError as exc:
        raise click.ClickException(f"{source}: {exc}") from None
    click.echo(f"wrote {imported.path}")
    click.echo("known actors: " + (", ".join(imported.known) or "none"))
    click.echo("unknown names (candidates for new actor files): "
               + (", ".join(map(str, imported.candidates)) or "none"))


@main.command(short_help="List recurring names that belong to no actor.",
              epilog=_examples("briefings review --limit 20", "briefings review --json"))
@_content_option("The content folder to read.")
@click.option("--limit", type=click.IntRange(min=1), help="At most this many names in each list.")
@click.option("--json", "as_json", is_flag=True,
              help="Print JSON, with every article of each name.")
def review(content_dir: Path, limit: int | None, as_json: bool) -> None:
    """List capitalised names that recur across articles and belong to no actor.

    Each is a candidate for a new actor file, or a likely alias of the actor named beside it.
    """
    corpus = _or_exit(lambda: load_corpus(content_dir))
    found = recurring_names(corpus)
    if as_json:
        click.echo(report_json(found, limit))
    else:
        for line in report_lines(found, limit):
            click.echo(line)


@main.command(short_help="Write the JSON Schemas of content files and published data.",
              epilog=_examples("briefings schemas", "briefings schemas --out build/schemas"))
@click.option("--out", "out_dir", type=click.Path(path_type=Path, file_okay=False),
              default=Path("schemas"), show_default=True,
              help="The folder to write the schemas into (made if missing).")
def schemas(out_dir: Path) -> None:
    """Write the JSON Schemas that editors use to check content files while typing, and the
    schema of the site's graph.json."""
    out_dir.mkdir(parents=True, exist_ok=True)
    for name in SCHEMAS:
        (out_dir / name).write_text(schema_text(name), encoding="utf-8")
        click.echo(f"wrote {out_dir / name}")


@main.group(short_help="Write what a profile may show in a format other tools read.",
            epilog=_examples("briefings export stix --profile partners --out partners.json"))
def export() -> None:
    """Write what a profile may show in a format other tools read."""


@export.command(name="stix", short_help="Write a STIX 2.1 bundle of what a profile may show.",
                epilog=_examples("briefings export stix --out public.json",
                                "briefings export stix --profile partners --out partners.json"))
@_content_option("The content folder to read.")
@click.option("--profile", "profile_name", default="public", show_default=True,
              help="The publishing profile: what the bundle may hold.")
@PROFILES
@click.option("--out", "out_file", type=click.Path(path_type=Path, dir_okay=False),
              help="File to write the bundle to [default: standard output].")
def export_stix(content_dir: Path, profile_name: str, profiles_file: Path,
                out_file: Path | None) -> None:
    """Write a STIX 2.1 bundle of the actors, briefings, key judgments and relationships.

    The same bundle as the site's stix.json for the same profile: for OpenCTI, MISP or a
    TAXII server.
    """
    text = _or_exit(lambda: export_stix_text(
        content_dir, choose_profile(profiles_file, profile_name),
        warn=lambda warning: click.echo(warning.format_message(), err=True)))
    if out_file is None:
        click.echo(text, nl=False)
        return
    # Through a temporary file: a failed write leaves the previous bundle whole.
    partial = out_file.with_name(f".{out_file.name}.partial")
    try:
        partial.write_text(text, encoding="utf-8")
        os.replace(partial, out_file)
    except OSError as exc:
        partial.unlink(missing_ok=True)
        raise click.ClickException(f"{out_file}: {exc.strerror or exc}") from None
    click.echo(f"wrote {out_file}", err=True)


def _valid_id(item_id: str) -> bool:
    return bool(SAFE_ID.fullmatch(item_id))


def _or_exit(run):
    try:
        return run()
    except ContentErrors as errors:
        click.echo(errors.format_message(), err=True)
        click.echo(f"{counted(len(errors.errors), 'problem')} found", err=True)
        sys.exit(1)
