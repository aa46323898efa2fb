"""The project as an engine that runs no MkDocs plugins reads it: the pages `briefings generate`
wrote to build/docs, and a mkdocs.yml that builds that folder with the briefings plugin dropped.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

from support.site import briefings_command, copy_project, quiet_env

SHIPPED_DOCS_DIR = "docs_dir: site_config/docs"
PLUGIN_ENTRY = "  - briefings:\n      content: content\n      profiles: site_config/profiles.yml\n"


def generated_project(project_root: Path, target: Path) -> Path:
    """A copy of the project at `target` whose mkdocs.yml builds the generated folder
    (docs_dir: build/docs) without the plugin entry, as the README tells a user to set it."""
    project = copy_project(project_root, target)
    docs = project / "build" / "docs"
    result = subprocess.run([*briefings_command(), "generate", "--out", str(docs)],
                            cwd=project, env=quiet_env(), capture_output=True, text=True)
    assert result.returncode == 0, result.stderr

    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert SHIPPED_DOCS_DIR in text and PLUGIN_ENTRY in text, "mkdocs.yml changed its shape"
    text = text.replace(SHIPPED_DOCS_DIR, "docs_dir: build/docs").replace(PLUGIN_ENTRY, "")
    config.write_text(text, encoding="utf-8")
    return project
