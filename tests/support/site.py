"""Build the site with the real MkDocs and find one's way around the built files."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

# What a project copy needs: the MkDocs config, the look of the site and the corpus (the
# briefings plugin that mkdocs.yml names comes from the virtualenv, as for a user).
PROJECT_PARTS = ("mkdocs.yml", "site_config", "content")

_FAKE_ORIGIN = "http://site.invalid/"


def mkdocs_command() -> list[str]:
    """The real MkDocs of the environment running the tests."""
    script = Path(sys.executable).parent / "mkdocs"
    if script.is_file():
        return [str(script)]
    return [sys.executable, "-m", "mkdocs"]


def briefings_command() -> list[str]:
    script = Path(sys.executable).parent / "briefings"
    if script.is_file():
        return [str(script)]
    return [sys.executable, "-c", "from generator.cli import main; main()"]


def quiet_env() -> dict[str, str]:
    return {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


def copy_project(source: Path, target: Path) -> Path:
    target.mkdir(parents=True, exist_ok=True)
    for part in PROJECT_PARTS:
        src, dst = source / part, target / part
        if src.is_dir():
            shutil.copytree(src, dst)
        else:
            dst.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(src, dst)
    return target


def set_plugin_option(project: Path, name: str, value: object) -> None:
    """Set an option of the briefings plugin in the project's mkdocs.yml."""
    config = project / "mkdocs.yml"
    text = re.sub(rf"(?m)^      {name}: .*\n", "", config.read_text(encoding="utf-8"))
    assert "  - briefings:\n" in text, "mkdocs.yml no longer lists the plugin as expected"
    config.write_text(text.replace("  - briefings:\n", f"  - briefings:\n      {name}: {value}\n"),
                      encoding="utf-8")


def mkdocs_build(project: Path, site_dir: Path, **env: str) -> subprocess.CompletedProcess[str]:
    """`mkdocs build --strict` of the project into site_dir, run as a user would run it."""
    return subprocess.run(
        [*mkdocs_command(), "build", "--strict", "-f", str(project / "mkdocs.yml"),
         "-d", str(site_dir)],
        cwd=project, env={**quiet_env(), **env}, capture_output=True, text=True, timeout=300,
    )


def html_files(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def snapshot(directory: Path) -> dict[str, bytes]:
    """Every file below `directory` with its bytes, by relative path."""
    return {
        path.relative_to(directory).as_posix(): path.read_bytes()
        for path in sorted(directory.rglob("*"))
        if path.is_file()
    }


def is_external(url: str) -> bool:
    scheme = urlsplit(url).scheme.lower()
    return bool(scheme) or url.startswith("//")


def resolve(
    site: Path, page: Path, url: str, *, root_absolute_ok: bool = False
) -> tuple[Path | None, str]:
    """The file a relative URL found in `page` points at, and why not if it points nowhere.

    Directory URLs mean their index.html, as on any static host. A link that climbs above
    the site root is reported.
    A URL that starts with "/" is taken from the site root (as if the site were served at
    the root of its host); `root_absolute_ok=False` reports it instead, since it breaks when
    the site is served from a sub-path.
    """
    if url.startswith("/") and not root_absolute_ok:
        return None, "starts with '/': breaks when the site is served from a sub-path"
    base = _FAKE_ORIGIN + page.relative_to(site).as_posix()
    joined = urlsplit(urljoin(base, url))
    full = f"{joined.scheme}://{joined.netloc}{joined.path}"
    if not full.startswith(_FAKE_ORIGIN):
        return None, "climbs above the site root"
    path = unquote(full[len(_FAKE_ORIGIN):])
    if path == "" or path.endswith("/"):
        path += "index.html"
    target = site / path
    if not target.is_file():
        return None, f"no file {path}"
    return target, ""


def site_path(site: Path, page: Path, url: str) -> str | None:
    """The site-relative path of the file a URL in `page` points at (None if nowhere)."""
    target, _ = resolve(site, page, url)
    return None if target is None else target.relative_to(site).as_posix()


def internal_urls(document) -> Iterator[tuple[str, str, str]]:
    """(tag, attribute, url) for every href and src in a parsed page."""
    for element in document.iter():
        for attribute in ("href", "src"):
            value = element.get(attribute)
            if value is not None:
                yield element.tag, attribute, value
