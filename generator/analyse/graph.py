"""The relationship graph: curated actor relationships merged across briefings.

A relationship stated in several briefings is one edge, listing every briefing that states it
and the union of their evidence. Nodes are the actors that take part in at least one edge.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..model import Corpus


@dataclass(frozen=True, slots=True)
class Edge:
    subject: str
    type: str
    object: str
    briefings: tuple[str, ...]
    evidence: tuple[str, ...]


@dataclass(frozen=True)
class Graph:
    edges: tuple[Edge, ...]

    @property
    def actors(self) -> tuple[str, ...]:
        return tuple(sorted({e.subject for e in self.edges} | {e.object for e in self.edges}))

    def around(self, actor_id: str) -> Graph:
        """The actor's own edges: what its small graph shows."""
        return Graph(tuple(e for e in self.edges if actor_id in (e.subject, e.object)))


def relationship_graph(corpus: Corpus) -> Graph:
    merged: dict[tuple[str, str, str], tuple[list[str], list[str]]] = {}
    for briefing in sorted(corpus.briefings, key=lambda b: b.id):
        for rel in briefing.relationships:
            briefings, evidence = merged.setdefault((rel.subject, rel.type, rel.object), ([], []))
            if briefing.id not in briefings:
                briefings.append(briefing.id)
            evidence.extend(a for a in rel.evidence if a not in evidence)
    return Graph(tuple(
        Edge(subject, type_, obj, tuple(briefings), tuple(evidence))
        for (subject, type_, obj), (briefings, evidence) in sorted(merged.items())
    ))
