"""A build that renders and writes part of its pages in a second process
(generator/parallel_pages.py) gives the same site, byte for byte, as a build in one process.

The seed is far below the size at which a build forks (`parallel_from`, 500 generated
pages), so these builds set it to 1. Its article is made longer than all other pages
together, so that the second process renders and writes it (it takes the pages at the end
of MkDocs's order that hold about half the Markdown, then half the HTML). A machine of one
core never forks; this test needs two.
"""

from __future__ import annotations

import re
from pathlib import Path

from support.dom import parse_file
from support.site import copy_project, mkdocs_build, set_plugin_option, snapshot

ARTICLE = "content/articles/us-fears-compromise-of-military-secrets.md"
RENDERING = re.compile(r"Rendering \d+ pages of \d+ in a second process")
WRITING = re.compile(r"Writing \d+ pages of \d+ in a second process")


def long_article_project(root: Path, tmp: Path) -> Path:
    project = copy_project(root, tmp / "project")
    article = project / ARTICLE
    paragraphs = "".join(f"\nParagraph {n} of the background, with *emphasis* and a list:\n\n"
                         f"- item {n}\n- another\n" for n in range(1500))
    article.write_text(article.read_text(encoding="utf-8") + paragraphs, encoding="utf-8")
    return project


def add_hook(project: Path, source: str) -> None:
    """Another plugin: a MkDocs hook with this source, named in the project's mkdocs.yml."""
    (project / "hook.py").write_text(source, encoding="utf-8")
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8") + "\nhooks:\n  - hook.py\n",
                      encoding="utf-8")


def test_the_site_is_byte_identical_with_or_without_the_second_process(project_root, tmp_path):
    project = long_article_project(project_root, tmp_path)
    set_plugin_option(project, "parallel_from", 0)
    alone = mkdocs_build(project, tmp_path / "alone")
    assert alone.returncode == 0, alone.stdout + alone.stderr
    assert not RENDERING.search(alone.stderr) and not WRITING.search(alone.stderr)

    set_plugin_option(project, "parallel_from", 1)
    forked = mkdocs_build(project, tmp_path / "forked")
    assert forked.returncode == 0, forked.stdout + forked.stderr
    assert RENDERING.search(forked.stderr) and WRITING.search(forked.stderr)
    assert snapshot(tmp_path / "forked") == snapshot(tmp_path / "alone")


def test_a_page_rendered_elsewhere_is_written_here_when_another_plugin_sees_pages_written(
        project_root, tmp_path):
    # A hook with a post_page event keeps the writing in this process (it would not see the
    # child's pages), while the rendering is still forked: the HTML the child rendered comes
    # back from its spill file, and nothing a page holds is let go before the hook has it.
    project = long_article_project(project_root, tmp_path)
    add_hook(project, "def on_post_page(output, page, config):\n"
             "    return output.replace('</body>', f'<!-- {len(page.content)} --></body>')\n")
    set_plugin_option(project, "parallel_from", 0)
    alone = mkdocs_build(project, tmp_path / "alone")
    assert alone.returncode == 0, alone.stdout + alone.stderr

    set_plugin_option(project, "parallel_from", 1)
    forked = mkdocs_build(project, tmp_path / "forked")
    assert forked.returncode == 0, forked.stdout + forked.stderr
    assert RENDERING.search(forked.stderr) and not WRITING.search(forked.stderr)
    assert snapshot(tmp_path / "forked") == snapshot(tmp_path / "alone")
    page = (tmp_path / "forked" / "articles" / Path(ARTICLE).stem / "index.html").read_text(
        encoding="utf-8")
    assert "Paragraph 1499 of the background" in page
    length = int(re.search(r"<!-- (\d+) --></body>", page)[1])
    assert length > 100_000  # the hook saw the page's whole HTML


def test_a_nav_entry_without_a_title_takes_the_pages_title(project_root, tmp_path):
    # A build lets go of each page's Markdown once it is rendered (plugin.py, let_go): MkDocs
    # must still find the page's title, which it reads from the page, for the navigation.
    project = copy_project(project_root, tmp_path / "project")
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert "  - Briefings: briefings/index.md\n" in text
    config.write_text(text.replace("  - Briefings: briefings/index.md\n",
                                   "  - briefings/index.md\n"), encoding="utf-8")
    built = mkdocs_build(project, tmp_path / "site")
    assert built.returncode == 0, built.stdout + built.stderr
    home = parse_file(tmp_path / "site" / "index.html")
    listed = [link.text.strip() for link in home.by_tag("a")
              if link.get("href") in ("briefings/", "./briefings/")
              and link.closest("nav") is not None]
    title = parse_file(tmp_path / "site" / "briefings" / "index.html").by_tag("h1")[0].text
    assert listed and all(text == title.replace("¶", "").strip() for text in listed), listed


def test_another_plugins_env_event_sees_every_page_with_its_html(project_root, tmp_path):
    # The rendering child keeps its pages' HTML in its spill; a plugin with on_env (which runs
    # once every page is rendered) would see those pages empty, so it keeps the rendering here.
    project = long_article_project(project_root, tmp_path)
    add_hook(project, "from pathlib import Path\n"
             "def on_env(env, config, files):\n"
             "    pages = [f.page for f in files.documentation_pages() if f.page is not None]\n"
             "    empty = [p.file.src_uri for p in pages if not p.content]\n"
             "    Path(config.config_file_path).with_name('empty.txt').write_text(repr(empty))\n"
             "    return env\n")
    set_plugin_option(project, "parallel_from", 1)
    built = mkdocs_build(project, tmp_path / "site")
    assert built.returncode == 0, built.stdout + built.stderr
    assert (project / "empty.txt").read_text(encoding="utf-8") == "[]"
    assert not RENDERING.search(built.stderr)
