"""`briefings serve`: MkDocs's development server, hearing a save as it happens.

`mkdocs serve` works with this site as it is: the briefings plugin rebuilds only the pages an
edit changed (generator/incremental.py). What it cannot change is how MkDocs notices the
edit: its server polls every watched file every half second, which at 5,000 articles is a
stat of 6,500 files per poll and up to half a second before a save is seen. This command is
MkDocs's own serve (`mkdocs.commands.serve`), step for step, with one difference: its
live-reload server listens to the kernel's file events (inotify through watchdog) instead of
polling.
"""

from __future__ import annotations

import logging
import shutil
import tempfile
from pathlib import Path
from urllib.parse import urlsplit

from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.livereload import LiveReloadServer, _serve_url
from watchdog import events
from watchdog.observers import Observer

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
    """MkDocs's live-reload server, woken by file events rather than by polling."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.observer = _ChangeObserver()


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
