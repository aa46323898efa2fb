"""The labelled evaluation sets (eval/): the original set's floors hold; the wire set is valid.

The analysis is deterministic, so the original set's floors are exact figures today; they sit
at them and may only rise. The numbers are recorded in README.md ("How well it links"). The
wire-copy set (eval/wire/) has no floors yet: only its labels are checked here.
"""

from __future__ import annotations

import importlib.util
import sys
from collections import Counter
from pathlib import Path

import pytest

from generator.load import load_corpus
from generator.model import Actor, ActorKind

ROOT = Path(__file__).resolve().parent.parent
WIRE = ROOT / "eval" / "wire"

MENTION_PRECISION = 0.99
MENTION_RECALL = 0.98
QUOTE_ACCURACY = 0.95


@pytest.fixture(scope="module")
def scoring():
    spec = importlib.util.spec_from_file_location("eval_scoring", ROOT / "eval" / "scoring.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["eval_scoring"] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def scores(scoring):
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


def test_the_wire_set_is_valid_large_enough_and_holds_every_error_class(scoring):
    # load_corpus fails on any content problem, load_labels on any label problem: an unknown
    # id or class, a text the article does not hold as often as labelled, a context that does
    # not locate its entry exactly once, a quotation start that is not in the text.
    labels = scoring.load_labels(WIRE / "labels.yml", load_corpus(WIRE / "content"))
    assert len(labels) >= 40
    assert sum(len(entry.mentions) for entry in labels.values()) >= 300
    tagged = Counter(item.cls for entry in labels.values()
                     for item in (*entry.mentions, *entry.traps, *entry.quotes))
    assert {cls: tagged[cls] for cls in scoring.CLASSES if tagged[cls] < 3} == {}


def test_the_plain_match_is_case_sensitive_and_takes_the_longest_form(scoring):
    actors = [Actor("usa", "United States", ActorKind.STATE, aliases=("U.S.",),
                    weak_aliases=("US",)),
              Actor("state-dept", "U.S. Department of State", ActorKind.GOVERNMENT_BODY),
              Actor("turkey", "Turkey", ActorKind.STATE)]
    found = scoring.PlainMatch(actors).find(
        "The U.S. Department of State and US officials ate turkey; Turkey did not.")
    assert [(m.actor, m.text) for m in found] == [
        ("state-dept", "U.S. Department of State"), ("usa", "US"), ("turkey", "Turkey")]


# Measured on the wire set when the linking rules of issue 11 landed: precision 0.91, recall
# 0.95, F1 0.93 against 0.87 for the plain match, quotes 38 of 45. Kept a little under, as the
# set is still being written.
WIRE_PRECISION, WIRE_RECALL, WIRE_QUOTES, WIRE_MARGIN = 0.89, 0.93, 0.80, 0.04


def test_the_wire_set_holds_its_floors_and_beats_the_plain_match(scoring):
    wire = scoring.evaluate(WIRE / "content", WIRE / "labels.yml")
    plain = scoring.evaluate_plain_match(WIRE / "content", WIRE / "labels.yml")
    assert round(wire.precision, 2) >= WIRE_PRECISION
    assert round(wire.recall, 2) >= WIRE_RECALL
    assert round(wire.quote_accuracy, 2) >= WIRE_QUOTES
    assert wire.f1 - plain.f1 >= WIRE_MARGIN
