"""`briefings serve`: MkDocs's development server, hearing a save as it happens.

`mkdocs serve` works with this site as it is: the briefings plugin rebuilds only the pages an
edit changed (generator/incremental.py). What it cannot change is how MkDocs notices the
edit: its server polls every watched file every half second, which at 5,000 articles is a
stat of 6,500 files per poll and up to half a second before a save is seen. This command is
MkDocs's own serve (`mkdocs.commands.serve`), step for step, with two differences: its
live-reload server listens to the kernel's file events (inotify through watchdog) instead of
polling; and while the content has errors, every page it serves carries them in a banner, as
the development servers of Hugo and Vite do, so the browser does not keep the last good page
without a sign. The banner is added as a page is sent, like the live-reload script, so what
is built on disk stays what a build makes.
"""

from __future__ import annotations

import html
import logging
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urlsplit

from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.livereload import LiveReloadServer, _serve_url
from watchdog import events
from watchdog.observers import Observer

from .wording import counted

log = logging.getLogger("mkdocs.plugins.briefings")


# What a save, a new file, a deletion or a rename looks like. Opening and closing a file
# unwritten are events too: without this filter the build's own reads wake the next build.
_CHANGES = [events.FileModifiedEvent, events.FileClosedEvent, events.FileCreatedEvent,
            events.FileDeletedEvent, events.FileMovedEvent, events.DirCreatedEvent,
            events.DirDeletedEvent, events.DirMovedEvent]


class _ChangeObserver(Observer):
    """The platform's file-event observer (inotify on Linux), hearing only changes."""

    def schedule(self, event_handler, path, *, recursive=False, event_filter=None,
                 follow_symlink=False):
        return super().schedule(event_handler, path, recursive=recursive,
                                event_filter=event_filter or _CHANGES,
                                follow_symlink=follow_symlink)


class EventServer(LiveReloadServer):
    """MkDocs's live-reload server, woken by file events rather than by polling, showing the
    content's errors on every page while there are any."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.observer = _ChangeObserver()
        # The content's errors now, one line each; the briefings plugin sets this (on_serve).
        self.problems: Callable[[], list[str]] = list

    def _inject_js_into_html(self, content: bytes, epoch: int) -> bytes:
        content = super()._inject_js_into_html(content, epoch)
        problems = self.problems()
        if not problems:
            return content
        end = content.rfind(b"</body>")
        return content[:end] + _banner(problems) + content[end:] if end >= 0 else content


def _banner(problems: list[str]) -> bytes:
    """The errors over the page: fixed at the top, above the site's own header."""
    count = counted(len(problems), "problem")
    lines = "".join(f"<li>{html.escape(line)}</li>" for line in problems)
    return (f'<div class="briefings-problems" role="alert" style="position:fixed;inset:0 0 auto 0;'
            f"z-index:10;max-height:50vh;overflow:auto;margin:0;padding:.8em 1.2em;"
            'background:#8b0000;color:#fff;font:14px/1.5 monospace">'
            f"<strong>{count} in the content: showing the last good version.</strong>"
            f'<ul style="margin:.4em 0 0;padding-left:1.2em">{lines}</ul></div>').encode()


def serve(config_file: Path, dev_addr: str | None = None) -> None:
    """Build the site into a temporary folder, serve it, rebuild on every save; until Ctrl-C."""
    site_dir = tempfile.mkdtemp(prefix="briefings_")

    def get_config() -> MkDocsConfig:
        overrides = {"dev_addr": dev_addr} if dev_addr else {}
        return load_config(config_file=str(config_file), site_dir=site_dir, **overrides)

    config = get_config()
    config.plugins.on_startup(command="serve", dirty=False)
    host, port = config.dev_addr
    mount_path = urlsplit(config.site_url or "/").path
    config.site_url = serve_url = _serve_url(host, port, mount_path)

    def builder(config: MkDocsConfig | None = None) -> None:
        log.info("Building the site…")
        if config is None:
            config = get_config()
            config.site_url = serve_url
        build(config, serve_url=serve_url)

    server = EventServer(builder=builder, host=host, port=port, root=site_dir,
                         mount_path=mount_path)

    def error_page(code: int) -> bytes | None:
        page = Path(site_dir) / f"{code}.html"
        return page.read_bytes() if code in (404, 500) and page.is_file() else None

    server.error_handler = error_page
    try:
        builder(config)
        server.watch(config.docs_dir)
        server.watch(config.config_file_path)
        server = config.plugins.on_serve(server, config=config, builder=builder)
        for item in config.watch:
            server.watch(item)
        try:
            server.serve()
        except KeyboardInterrupt:
            log.info("Shutting down…")
        finally:
            server.shutdown()
    finally:
        config.plugins.on_shutdown()
        shutil.rmtree(site_dir, ignore_errors=True)
