"""The relationship graph page, its published data (graph.json), and the data graphs embed.

The drawing is done in the browser by `site_config/docs/javascripts/graph.js` (Cytoscape.js,
vendored). An actor page carries its small graph inline; the site graph, which grows with the
corpus, is a script of its own (graph-data.js, loaded by the theme override from the page's
`graph_data` front matter) so that the page stays small: a script, since fetch() of a .json
fails when the site is opened from a folder. Pages add a plain list of the same links as a
fallback: the site graph's list grows with the corpus, so it is cut into pages of
`LIST_ROWS` relationships (graph.md, then graph/page-N.md), and the drawing takes the link to
each actor's page from its data (`actor_page`), not from the list.

graph.json is published data, so its JSON Schema (`json_schema`) is declared here beside the
code that writes it; it is published as graph.schema.json beside graph.json and written to
schemas/ by `briefings schemas`. `actor_page` is in the script only, so it is not in there.
"""

from __future__ import annotations

import json

from markupsafe import Markup

from .. import model
from ..analyse import Graph
from ..load.validate import SAFE_ID
from .paging import paginate
from .site import Page, Site, SiteOptions

SCRIPT = "graph-data.js"  # the site graph's data, beside graph.json
SITE_GRAPH = "graph-site"  # its key, shared by graph.md's container and the script
PAGE = "graph.md"
LIST_ROWS = 200  # relationships on each page of the site graph's list
SCHEMA_FILE = "graph.schema.json"  # graph.json's JSON Schema, beside it and in schemas/


def pages(site: Site) -> list[Page]:
    # The graph and the actors' names are in the memo's corpus-wide key; the node weights
    # come from the briefings each actor is in.
    return site.memo.get("graph", "site", site.analysis.briefings_by_actor,
                         lambda: _pages(site))


def _pages(site: Site) -> list[Page]:
    whole = site.analysis.graph
    listed = paginate(whole.edges, LIST_ROWS, PAGE)
    # No table of contents: the graph gets the full width of the content column.
    front = {"title": "Relationship graph", "hide": ["toc"], "graph": True,
             "graph_data": SCRIPT}
    listing = [site.page(PAGE, "graph.md", front, graph=whole, graph_id=SITE_GRAPH,
                         graph_json=None, pager=listed[0], listed=listed[0].items)]
    listing += [site.page(pager.path, "graph.md",
                          {"title": f"Relationships, page {pager.number}"},
                          graph=whole, pager=pager, listed=pager.items)
                for pager in listed[1:]]
    data = graph_data(site, whole, None)
    # Only the script says where actors' pages are: graph.json keeps its published shape.
    drawn = {**data, "actor_page": _actor_page(site.options, PAGE)}
    script = (f"// The relationship graph that graph.md draws; the data of graph.json, and\n"
              f"// where each actor's page is from graph.md ({{id}}: the actor's id).\n"
              f"(window.briefingGraphs = window.briefingGraphs || {{}})[{json.dumps(SITE_GRAPH)}]"
              f" = {_script_json(drawn)};\n")
    return [*listing, Page(SCRIPT, script),
            Page("graph.json", json.dumps(data, indent=1, ensure_ascii=False) + "\n"),
            Page(SCHEMA_FILE, schema_text())]


def _actor_page(options: SiteOptions, here: str) -> str:
    """The URL of an actor's page relative to the page `here` as served ("../actors/{id}/"),
    with "{id}" for the actor's id: what MkDocs would make of a link written in `here`."""
    return options.links_from(here)("actors/{id}.md")


def graph_data(site: Site, graph: Graph, focus: str | None) -> dict:
    weights = site.analysis.briefings_by_actor
    actors = [site.corpus.actor(a) for a in graph.actors]
    nodes = [{"id": a.id, "name": a.name, "kind": a.kind.value, "kind_label": a.kind.noun,
              "weight": len(weights.get(a.id, ()))} for a in actors]
    edges = [{"source": e.subject, "target": e.object, "type": e.type,
              "label": model.RELATIONSHIP_TYPES[e.type], "briefings": list(e.briefings),
              "evidence": list(e.evidence)} for e in graph.edges]
    return {"nodes": nodes, "edges": edges, "focus": focus}


def json_schema() -> dict:
    """The JSON Schema of what `graph_data` makes: graph.json's published shape."""
    an_id = {"type": "string", "pattern": f"^{SAFE_ID.pattern}$"}

    def ids(description: str) -> dict:
        return {"type": "array", "items": an_id, "uniqueItems": True,
                "description": description}

    def closed(properties: dict, description: str) -> dict:
        return {"type": "object", "description": description, "properties": properties,
                "required": list(properties), "additionalProperties": False}

    node = closed({
        "id": {**an_id, "description": "The actor's id."},
        "name": {"type": "string", "description": "The actor's name."},
        "kind": {"enum": [kind.value for kind in model.ActorKind],
                 "description": "The actor's kind."},
        "kind_label": {"type": "string", "description": "Its kind as pages write it."},
        "weight": {"type": "integer", "minimum": 0,
                   "description": "How many briefings the actor is in."},
    }, "An actor that a relationship names.")
    edge = closed({
        "source": {**an_id, "description": "The actor the relationship starts from."},
        "target": {**an_id, "description": "The actor it goes to."},
        "type": {"enum": list(model.RELATIONSHIP_TYPES), "description": "The relationship."},
        "label": {"type": "string", "description": "The relationship as pages write it."},
        "briefings": ids("The briefings that state it (ids)."),
        "evidence": ids("The articles given as its evidence (ids)."),
    }, "A relationship that one or more briefings state between two actors.")
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "Briefings graph.json",
        **closed({
            "nodes": {"type": "array", "items": node, "description": "The actors."},
            "edges": {"type": "array", "items": edge, "description": "The relationships."},
            "focus": {"anyOf": [an_id, {"type": "null"}],
                      "description": "The actor a graph is drawn around; null for the site's."},
        }, "Every relationship the site's briefings state, and the actors they name."),
    }


def schema_text() -> str:
    return json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n"


def inline_json(site: Site, graph: Graph, focus: str | None) -> Markup:
    return Markup(_script_json(graph_data(site, graph, focus)))


def _script_json(data: dict) -> str:
    # In a <script>: "<" is escaped so no "</script>" can end it early; U+2028 and U+2029
    # too, which older JavaScript engines do not accept inside a string.
    text = json.dumps(data, ensure_ascii=False, sort_keys=True)
    return text.replace("<", "\\u003c").replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
