"""The MkDocs adapter: generate the pages in memory at every build, serve or rebuild.

Listed under `hooks:` in mkdocs.yml. Pages are added as virtual files, so nothing is written
into `docs_dir` and `mkdocs serve` does not rebuild in a loop; `watch:` in mkdocs.yml makes
edits under `content/` trigger a rebuild.

`mkdocs build` (and gh-deploy) build into a fresh folder beside `site_dir`, swapped in only
when the build succeeded, strict mode included (`generator.swap`): a content error, a page
clash, a strict-mode warning, an exception or a kill leaves the last good site as it was.
Under `mkdocs serve` content errors are printed and the last good pages are served again, so
the browser keeps a working site until the file is fixed; serve builds into its own folder.
"""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page as MkDocsPage
from mkdocs.utils import CountHandler

# MkDocs executes this file afresh for every config load (every rebuild under `mkdocs
# serve`), so what must outlive one build is kept on the package module, imported once.
from generator import mkdocs_hook as _process
from generator.errors import ContentErrors
from generator.load.profiles import choose_profile
from generator.pipeline import generate
from generator.render import Page, SiteOptions
from generator.sanitize import clean, clean_toc
from generator.swap import Staged

log = logging.getLogger("mkdocs.plugins.briefings")

serving = False
# By content folder and profile name: a profile must never serve another profile's pages.
last_good: dict[tuple[Path, str], tuple[Page, ...]] = {}
_pages: tuple[Page, ...] = ()
# One build's own state (a build loads this file once): where it is being built, and the
# warnings that will make --strict abort it.
_publish = False
_staged: Staged | None = None
_warnings = CountHandler(level=logging.WARNING)


def content_dir(config: MkDocsConfig) -> Path:
    return Path(config.config_file_path).resolve().parent / "content"


def profiles_file(config: MkDocsConfig) -> Path:
    return Path(config.config_file_path).resolve().parent / "site_config" / "profiles.yml"


def on_startup(command: str, dirty: bool) -> None:
    global _publish
    _process.serving = command == "serve"
    # A dirty build updates the old site on purpose, and serve builds into a folder of its
    # own: only a clean build replaces site_dir.
    _publish = command in ("build", "gh-deploy") and not dirty


@event_priority(100)  # first: every plugin must see the staging folder as site_dir
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    global _staged
    if _publish:
        try:
            _staged = Staged(Path(config.site_dir))
        except OSError as error:
            raise Abort(f"{config.site_dir}: cannot build beside it ({error})") from None
        config.site_dir = str(_staged.folder)
        logging.getLogger("mkdocs").addHandler(_warnings)
    return config


def on_pre_build(config: MkDocsConfig) -> None:
    global _pages
    source = content_dir(config)
    profile_name = config.extra.get("profile") or "public"
    key = (source, profile_name)
    options = SiteOptions(site_name=config.site_name, site_url=config.site_url or None,
                          directory_urls=config.use_directory_urls)
    # Warnings go out at INFO: under --strict a WARNING would fail the build, and a doubt
    # is not a refusal. `briefings check` shows them too.
    try:
        _pages = generate(source, choose_profile(profiles_file(config), profile_name), options,
                          warn=lambda warning: log.info(warning.format_message()))
    except ContentErrors as errors:
        if not (_process.serving and key in _process.last_good):
            raise Abort(errors.format_message()) from None
        for error in errors.errors:
            log.error(error.format_message())
        log.error("Serving the last good version until the content is fixed.")
        _pages = _process.last_good[key]
    else:
        _process.last_good[key] = _pages


def on_files(files: Files, config: MkDocsConfig) -> Files:
    for page in _pages:
        existing = files.get_file_from_path(page.path)
        if existing is not None:
            raise Abort(f"{existing.abs_src_path}: clashes with the generated page {page.path};"
                        " rename or remove it")
        files.append(File.generated(config, page.path, content=page.text))
    return files


@event_priority(-100)  # last: every plugin has written its files
def on_post_build(config: MkDocsConfig) -> None:
    # MkDocs aborts a strict build after this event if anything was logged at WARNING, so
    # the same count decides here: a build that is going to fail is never swapped in.
    if _staged is None or (config.strict and _warnings.get_counts()):
        return
    try:
        _staged.commit()
    except OSError as error:
        raise Abort(f"{_staged.target}: cannot replace it with the new site ({error})") from None
    config.site_dir = str(_staged.target)
    log.info(f"Site replaced in one step: {_staged.target}")


def on_build_error(error: Exception) -> None:
    _discard()


def on_shutdown() -> None:
    # Also after an interrupt (Ctrl-C), which MkDocs reports to no other event.
    _discard()
    logging.getLogger("mkdocs").removeHandler(_warnings)


def _discard() -> None:
    if _staged is not None and not _staged.done:
        _staged.discard()


def on_page_content(html: str, page: MkDocsPage, config: MkDocsConfig, files: Files) -> str:
    # Generated pages carry untrusted text: whatever Markdown made of it, only allow-listed
    # HTML reaches the site. A site's own pages in docs_dir are trusted and left alone.
    if page.file.generated_by is None:
        return html
    clean_toc(page.toc)
    return clean(html)
