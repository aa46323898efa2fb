"""graph.json is published data with a JSON Schema: the seed's built graph.json and the graph
data on actor pages validate against it, the site publishes it beside graph.json and the graph
page links it, and a graph.json of another shape does not validate (a real `mkdocs build`)."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import jsonschema
import pytest
from support.dom import parse_file

from generator.render.graph import SCHEMA_FILE

ROOT = Path(__file__).resolve().parent.parent


def schema() -> dict:
    return json.loads((ROOT / "schemas" / SCHEMA_FILE).read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def graph(built_site: Path) -> dict:
    return json.loads((built_site / "graph.json").read_text(encoding="utf-8"))


def test_the_seeds_graph_json_validates_against_its_schema(graph):
    assert graph["nodes"] and graph["edges"], "the seed states relationships"
    jsonschema.validate(graph, schema())


def test_an_actor_pages_graph_data_validates_too(built_site):
    page = (built_site / "actors" / "iraq" / "index.html").read_text(encoding="utf-8")
    start = page.index('id="graph-iraq">') + len('id="graph-iraq">')
    data = json.loads(page[start:page.index("</script>", start)])
    assert data["focus"] == "iraq"
    jsonschema.validate(data, schema())


def test_the_site_publishes_the_schema_and_the_graph_page_links_it(built_site):
    published = built_site / SCHEMA_FILE
    assert published.read_bytes() == (ROOT / "schemas" / SCHEMA_FILE).read_bytes()
    links = {a.get("href"): a.text
             for a in parse_file(built_site / "graph" / "index.html").by_tag("a")}
    assert links.get("../graph.schema.json") == "JSON Schema"
    assert links.get("../graph.json") == "graph.json"


def _without(data: dict, key: str) -> dict:
    del data[key]
    return data


@pytest.mark.parametrize("break_it", [
    lambda g: _without(g, "focus"),
    lambda g: _without(g["nodes"][0], "kind_label") and g,
    lambda g: g["nodes"][0].update(weight="3") or g,
    lambda g: g["nodes"][0].update(kind="country") or g,
    lambda g: g["edges"][0].update(type="hates") or g,
    lambda g: g["edges"][0].update(briefings="a-briefing") or g,
    lambda g: g["edges"][0].update(source="Not An Id") or g,
    lambda g: g.update(actor_page="../actors/{id}/") or g,
], ids=["no focus", "node without kind_label", "weight a string", "unknown kind",
        "unknown relationship type", "briefings not a list", "source not an id", "extra key"])
def test_a_graph_json_of_another_shape_does_not_validate(graph, break_it):
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(break_it(copy.deepcopy(graph)), schema())
