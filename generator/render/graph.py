"""The relationship graph page, its published data (graph.json), and the data graphs embed.

The drawing is done in the browser by `site_config/docs/javascripts/graph.js` (Cytoscape.js,
vendored); pages carry the data inline and a plain list of the same links as a fallback.
"""

from __future__ import annotations

import json

from markupsafe import Markup

from .. import model
from ..analyse import Graph
from .site import Page, Site


def pages(site: Site) -> list[Page]:
    whole = site.analysis.graph
    # No table of contents: the graph gets the full width of the content column.
    front = {"title": "Relationship graph", "hide": ["toc"], "graph": True}
    page = site.page("graph.md", "graph.md", front, graph=whole, graph_id="graph-site",
                     graph_json=inline_json(site, whole, None))
    data = json.dumps(graph_data(site, whole, None), indent=1, ensure_ascii=False)
    return [page, Page("graph.json", data + "\n")]


def graph_data(site: Site, graph: Graph, focus: str | None) -> dict:
    weights = site.analysis.briefings_by_actor
    actors = [site.corpus.actor(a) for a in graph.actors]
    nodes = [{"id": a.id, "name": a.name, "kind": a.kind.value, "kind_label": a.kind.noun,
              "weight": len(weights.get(a.id, ()))} for a in actors]
    edges = [{"source": e.subject, "target": e.object, "type": e.type,
              "label": model.RELATIONSHIP_TYPES[e.type], "briefings": list(e.briefings),
              "evidence": list(e.evidence)} for e in graph.edges]
    return {"nodes": nodes, "edges": edges, "focus": focus}


def inline_json(site: Site, graph: Graph, focus: str | None) -> Markup:
    # Inline in a <script> block: "<" is escaped so no "</script>" can end it early.
    text = json.dumps(graph_data(site, graph, focus), ensure_ascii=False, sort_keys=True)
    return Markup(text.replace("<", "\\u003c"))
