"""`briefings generate`: the same pages, written to disk, build without our MkDocs plugin.

Zensical and other engines read mkdocs.yml but run no MkDocs plugins; this builds the generated
folder with MkDocs itself and the briefings plugin removed, which is what such an engine would get.
"""

from __future__ import annotations

from support.dom import parse_file
from support.engines import generated_project
from support.site import mkdocs_build


def test_the_generated_folder_builds_without_the_plugin(project_root, tmp_path):
    project = generated_project(project_root, tmp_path / "project")
    assert (project / "build" / "docs" / "stylesheets" / "briefings.css").is_file()

    built = mkdocs_build(project, project / "site")
    assert built.returncode == 0, built.stdout + built.stderr
    page = parse_file(project / "site" / "briefings" / "iraq-russia-intelligence-sharing"
                      / "index.html")
    links = [a.get("href") for a in page.by_class("actor-panel__link", "a")]
    assert "../../actors/bob-work/" in links
