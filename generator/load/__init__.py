"""The load stage: `content/` to a checked `Corpus` (see `corpus.py`), with a cache of what
each file gave for loads repeated while files are edited (see `cache.py`)."""

from .cache import LoadCache
from .corpus import load_corpus

__all__ = ["LoadCache", "load_corpus"]
