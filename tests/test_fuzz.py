"""Property: whatever bytes or YAML a curator saves, loading reports errors, never crashes."""

from __future__ import annotations

from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.errors import ContentErrors
from generator.load import load_corpus

SETTINGS = settings(max_examples=150, deadline=None,
                    suppress_health_check=[HealthCheck.function_scoped_fixture])

scalars = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False),
                    st.text(max_size=20), st.dates())
documents = st.recursive(
    scalars,
    lambda children: st.one_of(
        st.lists(children, max_size=4),
        st.dictionaries(st.sampled_from(["name", "kind", "summary", "aliases", "roles", "title",
                                         "date", "bluf", "articles", "x"]) | st.text(max_size=8),
                        children, max_size=5),
    ),
    max_leaves=20,
)


def load_or_errors(root: Path) -> None:
    try:
        load_corpus(root)
    except ContentErrors as errors:
        for error in errors.errors:
            assert error.format_message().startswith(f"{error.path}:{error.line}:{error.col}: ")


@SETTINGS
@given(document=documents)
def test_random_yaml_documents_never_crash_the_loader(tmp_path_factory, document):
    root = tmp_path_factory.mktemp("content")
    for folder in ("actors", "briefings"):
        (root / folder).mkdir()
        (root / folder / "x.yml").write_text(yaml.safe_dump(document), encoding="utf-8")
    (root / "taxonomy.yml").write_text(yaml.safe_dump(document), encoding="utf-8")
    load_or_errors(root)


@SETTINGS
@given(data=st.binary(max_size=300))
def test_random_bytes_never_crash_the_loader(tmp_path_factory, data):
    root = tmp_path_factory.mktemp("content")
    for folder, name in (("actors", "x.yml"), ("articles", "x.md"), ("briefings", "x.yml")):
        (root / folder).mkdir()
        (root / folder / name).write_bytes(data)
    (root / "articles" / "y.md").write_bytes(b"---\n" + data + b"\n---\ntext")
    load_or_errors(root)
