"""The MkDocs plugin: generate the pages in memory at every build, serve or rebuild.

Named `briefings` under `plugins:` in mkdocs.yml (an entry point of this package). Pages are
added as virtual files, so nothing is written into `docs_dir` and `mkdocs serve` does not
rebuild in a loop; `watch:` in mkdocs.yml makes edits under `content/` trigger a rebuild.

MkDocs keeps a plugin instance across `mkdocs serve` rebuilds (a hook module is loaded
afresh), so what must outlive one build lives on the instance, as Material's plugins keep
theirs: the last good pages per profile, and the caches that let a rebuild re-read and
re-analyse only what changed.

`mkdocs build` (and gh-deploy) build into a fresh folder beside `site_dir`, swapped in only
when the build succeeded, strict mode included (`generator.swap`): a content error, a page
clash, a strict-mode warning, an exception or a kill leaves the last good site as it was.
Under `mkdocs serve` content errors are printed and the last good pages are served again, so
the browser keeps a working site until the file is fixed; serve builds into its own folder.
"""

from __future__ import annotations

import gc
import logging
import time
from collections.abc import Sequence
from pathlib import Path

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page as MkDocsPage
from mkdocs.utils import CountHandler

from .errors import ContentErrors
from .forked import can_fork
from .html_blocks import HtmlBlocks
from .incremental import LastBuild
from .load.profiles import choose_profile
from .parallel_pages import (
    BUILD_EVENTS,
    LATER_EVENTS,
    RENDER_EVENTS,
    Builder,
    ParallelPageError,
    Renderer,
    Spill,
    tail_by_size,
)
from .pipeline import Caches, generate
from .render import Page, SiteOptions, read_front_matter
from .sanitize import clean, clean_toc
from .site_search import (
    PAGES_PER_PART,
    BackgroundIndexer,
    SearchIndexError,
    Shadow,
    index_elsewhere,
)
from .swap import Staged
from .wording import counted

log = logging.getLogger("mkdocs.plugins.briefings")


class BriefingsConfig(base.Config):
    """Where the plugin reads from, relative to mkdocs.yml."""

    content = c.Type(str, default="content")
    profiles = c.Type(str, default="site_config/profiles.yml")
    # Index the built site with Pagefind (generator/site_search.py); off for a site that
    # keeps another search.
    search = c.Type(bool, default=True)
    # A larger site's index is made in parts of at most about this many pages (an even
    # number of them), searched together: a query's cost in the browser grows with the pages
    # of a part it matches, squared.
    search_pages_per_part = c.Type(int, default=PAGES_PER_PART)
    # From this many files of a folder to read, articles to analyse, or pages to render and
    # write, `mkdocs build` does half of that work in a second process (generator/forked.py,
    # parallel_pages.py); 0: always in one.
    parallel_from = c.Type(int, default=500)


class BriefingsPlugin(BasePlugin[BriefingsConfig]):
    """Generates the site's pages from `content/` and protects the last good site."""

    def __init__(self) -> None:
        self.serving = False
        self.publish = False
        # By profile name: a profile must never serve another profile's pages.
        self.last_good: dict[str, tuple[Page, ...]] = {}
        self.caches = Caches()
        self.pages: tuple[Page, ...] = ()
        self.staged: Staged | None = None
        # The warnings that will make --strict abort this build (MkDocs counts them the same).
        self.warnings = CountHandler(level=logging.WARNING)
        # Under serve: what the last full build set up, so that an edit redoes only the pages
        # it changed (generator/incremental.py), and what that build was made from.
        self.last_build: LastBuild | None = None
        self.stamps: dict[str, tuple[int, int]] = {}
        self.files: Files | None = None
        self.nav: Navigation | None = None
        self.env = None
        self.indexer: BackgroundIndexer | None = None  # under serve: search catches up
        self.shadow: Shadow | None = None  # what search reads of the pages built
        self.let_go = False  # whether a page's Markdown and HTML are dropped once used
        # A build's second process, doing half the pages (generator/parallel_pages.py).
        self.renderer: Renderer | None = None
        self.builder: Builder | None = None
        self.spill: Spill | None = None  # the HTML of the pages the second process renders
        self.problems: list[str] = []  # under serve: the content's errors, for the browser
        # A generated page's front matter, from reading its source to its page_markdown event.
        self.front_matter: dict[str, dict] = {}

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.serving = command == "serve"
        # A dirty build updates the old site on purpose, and serve builds into a folder of its
        # own: only a clean build replaces site_dir.
        self.publish = command in ("build", "gh-deploy") and not dirty

    @event_priority(100)  # first: every plugin must see the staging folder as site_dir
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        if self.publish:
            try:
                self.staged = Staged(Path(config.site_dir))
            except OSError as error:
                raise Abort(f"{config.site_dir}: cannot build beside it ({error})") from None
            config.site_dir = str(self.staged.folder)
            logging.getLogger("mkdocs").addHandler(self.warnings)
        # The templates' long HTML blocks go to the page unparsed (generator/html_blocks.py).
        config.markdown_extensions.append(HtmlBlocks())
        return config

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        gc.unfreeze()  # a full build may leave garbage of the last one to collect
        self.last_build = None
        self.front_matter.clear()  # what a failed build read and never used
        if self.shadow is not None:
            self.shadow.remove()
        self.shadow = Shadow() if self.config.search else None
        parallel_from = 0 if self.serving else self.config.parallel_from
        for cache in (self.caches.load, self.caches.analysis, self.caches.render):
            cache.parallel_from = parallel_from
        self.caches.render.keep = self.serving
        self.pages = self._generate(config)
        self.stamps = self._stamps(config)
        if not self.serving:
            # Only a served site rebuilds: a build's caches would hold the corpus and its
            # analysis (hundreds of MB at 5,000 articles) through MkDocs's loops for nothing.
            self.caches = Caches()
            gc.collect()

    def _generate(self, config: MkDocsConfig) -> tuple[Page, ...]:
        """The pages from the content as it is now; the last good ones under serve when the
        content has errors (which are logged)."""
        root = Path(config.config_file_path).resolve().parent
        profile_name = config.extra.get("profile") or "public"
        options = SiteOptions(site_name=config.site_name, site_url=config.site_url or None,
                              directory_urls=config.use_directory_urls)
        # Warnings go out at INFO: under --strict a WARNING would fail the build, and a doubt
        # is not a refusal. `briefings check` shows them too.
        try:
            profile = choose_profile(root / self.config.profiles, profile_name)
            pages = generate(root / self.config.content, profile, options,
                             warn=lambda warning: log.info(warning.format_message()),
                             caches=self.caches)
        except ContentErrors as errors:
            if not (self.serving and profile_name in self.last_good):
                raise Abort(errors.format_message()) from None
            self.problems = [error.format_message() for error in errors.errors]
            for problem in self.problems:
                log.error(problem)
            log.error("Serving the last good version until the content is fixed.")
            return self.last_good[profile_name]
        self.problems = []
        if self.serving:
            self.last_good[profile_name] = pages
        return pages

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        for page in self.pages:
            existing = files.get_file_from_path(page.path)
            if existing is not None:
                raise Abort(f"{existing.abs_src_path}: clashes with the generated page"
                            f" {page.path}; rename or remove it")
            files.append(File.generated(config, page.path, content=page.data))
        return files

    @event_priority(-100)  # last: the final files and navigation
    def on_nav(self, nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation:
        self.nav, self.files = nav, files
        # In a build, what MkDocs is done with is let go page by page (the Markdown once
        # rendered, the HTML once written): at 5,000 articles they are most of its memory.
        # Not when another plugin may still read them, nor under serve, which keeps them.
        self.let_go = not self.serving and _only_ours(config, LATER_EVENTS, self)
        included = files.documentation_pages(inclusion=InclusionLevel.is_included)
        pages = self._parallel_pages(config, included, RENDER_EVENTS)
        if not self.serving:
            self.pages = ()  # the files hold their text; only serve's next edit needs them
        if pages:
            # Half: this process also reads every page's front matter, and the child pays
            # for the copies its writes make of the heap it shares (at 5,000 articles, with
            # 55 % this process waited 15 s for the child; with 45 % the child waited).
            owned = tail_by_size(pages, lambda page: len(page.file.content_bytes), share=0.5)
            log.info(f"Rendering {counted(len(owned), 'page')} of {len(pages)}"
                     " in a second process")
            try:
                # Beside the site rather than in TMPDIR, which may be memory (tmpfs).
                self.spill = Spill(Path(config.site_dir).parent)
                self.renderer = Renderer(config, files, owned, self.spill)
            except OSError as error:  # no second process or file to be had: all of them here
                log.info(f"Rendering every page here: {error}")
                self._close_spill()
        return nav

    def _parallel_pages(self, config: MkDocsConfig, included: Sequence[File],
                        events: tuple[str, ...]) -> list[MkDocsPage]:
        """The generated pages among the `included` files (the ones MkDocs's loops go
        through), if half of them are to be done in a second process: in a build (a served
        site has threads, which fork does not take along), with enough pages, and no other
        plugin that has one of the page `events` (it would see them run in the child for the
        child's pages)."""
        pages = [file.page for file in included
                 if file.generated_by is not None and file.page is not None]
        minimum = self.config.parallel_from
        if self.serving or not minimum or len(pages) < minimum or not can_fork():
            return []
        return pages if _only_ours(config, events, self) else []

    def on_page_read_source(self, *, page: MkDocsPage, config: MkDocsConfig) -> str | None:
        """A generated page's front matter read here, as the JSON it is written in; MkDocs's
        own YAML reading of it is given an empty mapping (it then finds the same Markdown)."""
        if page.file.generated_by is None:
            return None
        text = page.file.content_string
        read = read_front_matter(text)
        if read is None:
            return text
        self.front_matter[page.file.src_uri] = read[0]
        return "---\n{}\n---\n" + read[1]

    @event_priority(100)  # first: a page the second process renders is not rendered here
    def on_page_markdown(self, markdown: str, *, page: MkDocsPage, config: MkDocsConfig,
                         files: Files) -> str:
        front = self.front_matter.pop(page.file.src_uri, None)
        if front is not None:
            page.meta = front
        if self.renderer is not None and self.renderer.owns(page):
            return ""
        return markdown

    @event_priority(-100)
    def on_env(self, env, *, config: MkDocsConfig, files: Files):
        self.env = env
        spilled: list[MkDocsPage] = []
        if self.renderer is not None:  # every page is rendered by now
            spilled = self.renderer.pages
            self.renderer.stop()
            self.renderer = None
        included = files.documentation_pages(inclusion=InclusionLevel.is_included)
        pages = self._parallel_pages(config, included, BUILD_EVENTS)
        if pages:
            # The pages whose HTML is in the spill, or else half the HTML at the end.
            owned = spilled or tail_by_size(pages, lambda page: len(page.content or ""),
                                            share=0.5)
            log.info(f"Writing {counted(len(owned), 'page')} of {len(pages)}"
                     " in a second process")
            try:
                self.builder = Builder(config, included, self.nav, env, owned,
                                       self.spill if spilled else None)
            except OSError as error:
                log.info(f"Writing every page here: {error}")
            else:
                for page in owned if self.let_go else ():
                    page.content = None  # the second process has it
        if self.builder is None:  # every page is written here, the spilled ones too
            for page in spilled:
                page.content = self.spill.get(page)
        return env

    def on_page_content(self, html: str, *, page: MkDocsPage, config: MkDocsConfig,
                        files: Files) -> str:
        # Generated pages carry untrusted text: whatever Markdown made of it, only allow-listed
        # HTML reaches the site. A site's own pages in docs_dir are trusted and left alone.
        if page.file.generated_by is None:
            return html
        if self.let_go:
            # Empty, not None: MkDocs takes a page whose Markdown is None for one never read,
            # and gives it no title.
            page.markdown = ""
            page.file.content_string = ""  # read into page.markdown long since
        if self.renderer is not None and self.renderer.owns(page):
            return self.renderer.take(page)  # sanitized there
        clean_toc(page.toc)
        return clean(html)

    @event_priority(-100)  # last: the page as it is written
    def on_post_page(self, output: str, *, page: MkDocsPage, config: MkDocsConfig) -> str:
        if self.builder is not None and self.builder.owns(page):
            return output  # empty here: the second process writes it, and adds it to search
        if self.shadow is not None:
            self.shadow.add(page.file.dest_uri, output)
        if self.let_go:
            page.content = None
        return output

    @event_priority(-100)  # last: every plugin has written its files
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if self.builder is not None:
            try:
                self.builder.wait()
            except ParallelPageError as error:
                raise Abort(f"Error building page {error}") from None
            finally:
                self.builder = None
        self._close_spill()
        if self.serving:
            self.last_build = LastBuild(config, self.files, self.nav, self.env,
                                        {page.path: page.data for page in self.pages})
            # The caches now hold millions of objects that live as long as the server;
            # without this every later rebuild's garbage collection walks them all (half of
            # a rebuild's time at 5,000 articles).
            gc.collect()
            gc.freeze()
        # MkDocs aborts a strict build after this event if anything was logged at WARNING,
        # so the same count decides here: a build that is going to fail is neither indexed
        # nor swapped in.
        if config.strict and self.warnings.get_counts():
            return
        self._index(config)
        if self.staged is None:
            return
        try:
            self.staged.commit()
        except OSError as error:
            raise Abort(f"{self.staged.target}: cannot replace it with the new site"
                        f" ({error})") from None
        config.site_dir = str(self.staged.target)
        log.info(f"Site replaced in one step: {self.staged.target}")

    def _index(self, config: MkDocsConfig) -> None:
        """The search index of the site just built: before it is swapped in, or under serve
        in the background."""
        if self.shadow is None:
            return
        site_dir = Path(config.site_dir)
        language = (config.theme.get("language") or "en").split("-")[0]
        if self.serving:
            self.indexer = self.indexer or BackgroundIndexer(
                language, self.config.search_pages_per_part)
            self.indexer.request(self.shadow.folder, site_dir)
            return
        try:
            index_elsewhere(self.shadow.folder, site_dir, language,
                            self.config.search_pages_per_part)
        except (OSError, SearchIndexError) as error:
            raise Abort(str(error)) from None
        finally:
            self.shadow.remove()
            self.shadow = None

    def on_serve(self, server: LiveReloadServer, *, config: MkDocsConfig,
                 builder) -> LiveReloadServer:
        def rebuild(config: MkDocsConfig | None = None) -> None:
            if not self._rebuild_changed_pages():
                builder(config)

        server.builder = rebuild
        if hasattr(server, "problems"):  # `briefings serve` shows them on every page
            server.problems = lambda: self.problems
        return server

    def _rebuild_changed_pages(self) -> bool:
        """After an edit under content/ only, rebuild the pages it changed; False when a full
        build is needed (anything else changed, or the set of pages did)."""
        last = self.last_build
        if last is None or self._stamps(last.config) != self.stamps:
            return False
        start = time.perf_counter()
        self.pages = self._generate(last.config)
        generated = time.perf_counter()
        changed = last.update(self.pages)
        if changed is None:
            return False
        if changed:
            self._index(last.config)
        log.info(f"Rebuilt {counted(len(changed), 'changed page')}"
                 f" (generator {generated - start:.2f} s, MkDocs"
                 f" {time.perf_counter() - generated:.2f} s)")
        return True

    def on_build_error(self, *, error: Exception) -> None:
        self._discard()

    def on_shutdown(self) -> None:
        # Also after an interrupt (Ctrl-C), which MkDocs reports to no other event.
        self._discard()
        logging.getLogger("mkdocs").removeHandler(self.warnings)

    def _stamps(self, config: MkDocsConfig) -> dict[str, tuple[int, int]]:
        """Modification time and size of everything a build reads besides the content: the
        config, the profiles, the docs folder, the theme overrides (a change there needs a
        full build)."""
        root = Path(config.config_file_path).resolve().parent
        paths = [Path(config.config_file_path), root / self.config.profiles,
                 *Path(config.docs_dir).rglob("*")]
        if config.theme.custom_dir:
            paths += Path(config.theme.custom_dir).rglob("*")
        stamps = {}
        for path in paths:
            try:
                stat = path.stat()
            except OSError:
                continue
            stamps[str(path)] = (stat.st_mtime_ns, stat.st_size)
        return stamps

    def _close_spill(self) -> None:
        if self.spill is not None:
            self.spill.close()
            self.spill = None

    def _discard(self) -> None:
        for worker in (self.renderer, self.builder):
            if worker is not None:
                worker.stop()
        self.renderer = self.builder = None
        self._close_spill()
        if self.staged is not None and not self.staged.done:
            self.staged.discard()
        if self.shadow is not None:
            self.shadow.remove()
            self.shadow = None


def _only_ours(config: MkDocsConfig, events: tuple[str, ...], plugin: BasePlugin) -> bool:
    """Whether no plugin but `plugin` handles any of these events."""
    return all(getattr(method, "__self__", None) is plugin
               for event in events for method in config.plugins.events[event])
