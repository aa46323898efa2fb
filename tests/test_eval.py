"""The labelled evaluation set (eval/): the floors the analysis has reached must hold.

The analysis is deterministic, so these are exact figures today; the floors sit at them and
may only rise. The numbers are recorded in README.md ("How well it links").
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

MENTION_PRECISION = 0.99
MENTION_RECALL = 0.98
QUOTE_ACCURACY = 0.95


@pytest.fixture(scope="module")
def scores():
    spec = importlib.util.spec_from_file_location("eval_scoring", ROOT / "eval" / "scoring.py")
    scoring = importlib.util.module_from_spec(spec)
    sys.modules["eval_scoring"] = scoring
    spec.loader.exec_module(scoring)
    return scoring.evaluate(ROOT / "eval" / "content", ROOT / "eval" / "labels.yml")


def test_the_set_is_large_enough_to_mean_something(scores):
    assert len(list((ROOT / "eval" / "content" / "articles").glob("*.md"))) >= 12
    assert scores.mentions.tp + scores.mentions.fn >= 200
    assert scores.quotes.total >= 50


def test_mention_precision_and_recall_hold_their_floors(scores):
    assert round(scores.precision, 2) >= MENTION_PRECISION
    assert round(scores.recall, 2) >= MENTION_RECALL


def test_quote_attribution_holds_its_floor(scores):
    assert scores.quote_accuracy is not None
    assert round(scores.quote_accuracy, 2) >= QUOTE_ACCURACY
