"""`briefings generate`: the same pages, written to disk, build without our MkDocs plugin.

Zensical and other engines read mkdocs.yml but run no MkDocs plugins; this builds the generated
folder with MkDocs itself and the briefings plugin removed, which is what such an engine would get.
"""

from __future__ import annotations

import subprocess

from support.dom import parse_file
from support.site import briefings_command, copy_project, mkdocs_build, quiet_env


def test_the_generated_folder_builds_without_the_plugin(project_root, tmp_path):
    project = copy_project(project_root, tmp_path / "project")
    docs = project / "build" / "docs"
    result = subprocess.run([*briefings_command(), "generate", "--out", str(docs)],
                            cwd=project, env=quiet_env(), capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert (docs / "stylesheets" / "briefings.css").is_file()

    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    text = text.replace("docs_dir: site_config/docs", "docs_dir: build/docs")
    plugin = "  - briefings:\n      content: content\n      profiles: site_config/profiles.yml\n"
    assert plugin in text
    text = text.replace(plugin, "")
    config.write_text(text, encoding="utf-8")

    built = mkdocs_build(project, project / "site")
    assert built.returncode == 0, built.stdout + built.stderr
    page = parse_file(project / "site" / "briefings" / "iraq-russia-intelligence-sharing"
                      / "index.html")
    links = [a.get("href") for a in page.by_class("actor-panel__link", "a")]
    assert "../../actors/bob-work/" in links
