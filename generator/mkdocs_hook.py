"""The MkDocs adapter: generate the pages in memory at every build, serve or rebuild.

Listed under `hooks:` in mkdocs.yml. Pages are added as virtual files, so nothing is written
into `docs_dir` and `mkdocs serve` does not rebuild in a loop; `watch:` in mkdocs.yml makes
edits under `content/` trigger a rebuild.

Content errors abort `mkdocs build` before MkDocs cleans the site directory, so the last good
site stays as it was. Under `mkdocs serve` they are printed and the last good pages are
served again, so the browser keeps a working site until the file is fixed.
"""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort
from mkdocs.structure.files import File, Files

# MkDocs executes this file afresh for every config load (every rebuild under `mkdocs
# serve`), so what must outlive one build is kept on the package module, imported once.
from generator import mkdocs_hook as _process
from generator.errors import ContentErrors
from generator.load.profiles import choose_profile
from generator.pipeline import generate
from generator.render import Page, SiteOptions

log = logging.getLogger("mkdocs.plugins.briefings")

serving = False
# By content folder and profile name: a profile must never serve another profile's pages.
last_good: dict[tuple[Path, str], tuple[Page, ...]] = {}
_pages: tuple[Page, ...] = ()


def content_dir(config: MkDocsConfig) -> Path:
    return Path(config.config_file_path).resolve().parent / "content"


def profiles_file(config: MkDocsConfig) -> Path:
    return Path(config.config_file_path).resolve().parent / "site_config" / "profiles.yml"


def on_startup(command: str, dirty: bool) -> None:
    _process.serving = command == "serve"


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
