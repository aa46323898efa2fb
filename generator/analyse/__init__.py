"""The analyse stage: what the selected corpus says about its actors, kept apart from it.

`analyse(corpus, cache)` returns an `Analysis` (`analysis.py`): per article, the mentions
(`mentions.py`), quotations (`quotes.py`) and key figures (`figures.py`), found by one function
(`article.py`) and kept between runs by an `AnalysisCache` (`cache.py`); across the corpus, who
is involved where, backlinks and co-mentions (`links.py`), related briefings (`related.py`),
the relationship graph (`graph.py`) and the timeline (`timeline.py`).
"""

from __future__ import annotations

from .analysis import Analysis, analyse
from .article import ActorNames, ArticleAnalysis, analyse_article
from .cache import AnalysisCache
from .figures import Figure
from .graph import Graph
from .links import Involvement
from .mentions import Mention
from .quotes import Quote
from .related import Related
from .timeline import Event

__all__ = ["ActorNames", "Analysis", "AnalysisCache", "ArticleAnalysis", "Event", "Figure",
           "Graph", "Involvement", "Mention", "Quote", "Related", "analyse", "analyse_article"]
