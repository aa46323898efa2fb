"""The load stage on tiny real content trees: what loads, and the exact line each mistake gets."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from generator.errors import ContentErrors
from generator.load import load_corpus
from generator.model import ActorKind, Likelihood, Status, Tlp

ACTOR = "name: Russia\nkind: state\naliases: [Russian Federation]\nsummary: A state.\n"
ARTICLE = "---\ntitle: Talks\npublished: 2015-10-01\n---\nRussia spoke.\n"
BRIEFING = (
    "title: Talks\n"
    "date: 2015-10-02\n"
    "status: published\n"
    "bluf: Russia spoke.\n"
    "articles: [talks]\n"
    "topics: [diplomacy]\n"
)
TAXONOMY = "topics:\n  diplomacy: {name: Diplomacy}\nregions:\n  europe: {name: Europe}\n"


def make_content(root: Path, files: dict[str, str | bytes]) -> Path:
    content = root / "content"
    defaults = {
        "actors/russia.yml": ACTOR,
        "articles/talks.md": ARTICLE,
        "briefings/talks.yml": BRIEFING,
        "taxonomy.yml": TAXONOMY,
    }
    for rel, data in {**defaults, **files}.items():
        if data is None:
            continue
        path = content / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(data, bytes):
            path.write_bytes(data)
        else:
            path.write_text(data, encoding="utf-8")
    return content


def errors_of(tmp_path: Path, monkeypatch, files: dict) -> list[str]:
    monkeypatch.chdir(tmp_path)
    make_content(tmp_path, files)
    with pytest.raises(ContentErrors) as caught:
        load_corpus(Path("content"))
    return caught.value.format_message().splitlines()


def test_a_valid_tree_loads_into_typed_records(tmp_path):
    corpus = load_corpus(make_content(tmp_path, {}))
    russia = corpus.actor("russia")
    assert russia.kind is ActorKind.STATE
    assert russia.aliases == ("Russian Federation",)
    talks = corpus.article("talks")
    assert talks.published == dt.date(2015, 10, 1)
    assert talks.text == "Russia spoke."
    assert talks.tlp is Tlp.CLEAR
    briefing = corpus.briefing("talks")
    assert briefing.status is Status.PUBLISHED
    assert briefing.articles == ("talks",)
    assert corpus.topic("diplomacy").name == "Diplomacy"


def test_key_judgment_terms_become_enums(tmp_path):
    briefing = BRIEFING + (
        "key_judgments:\n"
        "  - text: Talks go on.\n"
        "    likelihood: very likely\n"
        "    confidence: moderate\n"
    )
    corpus = load_corpus(make_content(tmp_path, {"briefings/talks.yml": briefing}))
    judgment = corpus.briefing("talks").key_judgments[0]
    assert judgment.likelihood is Likelihood.VERY_LIKELY
    assert judgment.likelihood.percent_range == "80–95%"


CASES = {
    "yaml syntax": (
        {"actors/russia.yml": "name: Russia\nkind: [state\n"},
        ["content/actors/russia.yml:3:1: YAML syntax error: did not find expected ',' or ']'"
         " (while parsing a flow sequence that starts at 2:7)"],
    ),
    "missing required field": (
        {"actors/russia.yml": "name: Russia\nkind: state\n"},
        ["content/actors/russia.yml:1:1: actor is missing required field 'summary'"],
    ),
    "unknown field with nearest name": (
        {"actors/russia.yml": ACTOR + "alias: [Moscow]\n"},
        ["content/actors/russia.yml:5:1: unknown field 'alias' in actor (did you mean 'aliases'?)"],
    ),
    "value outside the allowed set": (
        {"actors/russia.yml": ACTOR.replace("kind: state", "kind: stat")},
        ["content/actors/russia.yml:2:7: 'stat' is not an allowed value (did you mean 'state'?)"],
    ),
    "unknown actor reference": (
        {"briefings/talks.yml": BRIEFING + "actors:\n  - id: rusia\n"},
        ["content/briefings/talks.yml:8:9: unknown actor 'rusia' (did you mean 'russia'?)"],
    ),
    "unknown article reference": (
        {"briefings/talks.yml": BRIEFING.replace("[talks]", "[talk]")},
        ["content/briefings/talks.yml:5:12: unknown article 'talk' (did you mean 'talks'?)"],
    ),
    "unknown topic": (
        {"briefings/talks.yml": BRIEFING.replace("[diplomacy]", "[diplomcy]")},
        ["content/briefings/talks.yml:6:10: unknown topic 'diplomcy' (did you mean 'diplomacy'?)"],
    ),
    "impossible date": (
        {"briefings/talks.yml": BRIEFING.replace("2015-10-02", "2015-02-30")},
        ["content/briefings/talks.yml:2:7: '2015-02-30' is not a real date"],
    ),
    "not a date": (
        {"briefings/talks.yml": BRIEFING.replace("2015-10-02", "last week")},
        ["content/briefings/talks.yml:2:7: 'last week' is not a date (expected YYYY-MM-DD)"],
    ),
    "wrong type, list expected": (
        {"actors/russia.yml": ACTOR.replace("[Russian Federation]", "Russian Federation")},
        ["content/actors/russia.yml:3:10: expected a list, not text 'Russian Federation'"
         " (write [Russian Federation])"],
    ),
    "wrong type, text expected": (
        {"actors/russia.yml": ACTOR.replace("name: Russia", "name: [Russia]")},
        ["content/actors/russia.yml:1:7: expected a string, not a list"],
    ),
    "boolean where text is expected": (
        {"actors/russia.yml": ACTOR.replace("name: Russia", "name: yes")},
        ["content/actors/russia.yml:1:7: expected a string, not true/false 'yes'"
         ' (quote it: "yes")'],
    ),
    "number out of range": (
        {"articles/talks.md": ARTICLE.replace("title: Talks", "title: Talks\ncredibility: 9")},
        ["content/articles/talks.md:3:14: 9 is out of range (expected 1 to 6)"],
    ),
    "field given twice": (
        {"actors/russia.yml": ACTOR + "name: Russia again\n"},
        ["content/actors/russia.yml:5:1: field 'name' appears twice"],
    ),
    "unsafe file name": (
        {"actors/Russia Fed.yml": ACTOR},
        ["content/actors/Russia Fed.yml:1:1: file name 'Russia Fed.yml' is not a valid id"
         " (ids are lowercase letters, digits and hyphens, e.g. 'bob-work')"],
    ),
    "wrong extension": (
        {"actors/iran.yaml": ACTOR},
        ["content/actors/iran.yaml:1:1: not a .yml file, so it is ignored"
         " (rename it to iran.yml)"],
    ),
    "not utf-8": (
        {"actors/russia.yml": b"name: Russ\xe9a\nkind: state\nsummary: A state.\n"},
        ["content/actors/russia.yml:1:11: file is not UTF-8 (byte 0xe9) (save it as UTF-8)"],
    ),
    "empty file": (
        {"actors/russia.yml": "\n  \n"},
        ["content/actors/russia.yml:1:1: file is empty"],
    ),
    "article without front matter": (
        {"articles/talks.md": "Talks\n\nRussia spoke.\n"},
        ["content/articles/talks.md:1:1: article must start with '---' and YAML front matter"
         " (run 'briefings import' on a plain-text article)"],
    ),
    "front matter not closed": (
        {"articles/talks.md": "---\ntitle: Talks\nRussia spoke.\n"},
        ["content/articles/talks.md:1:1: front matter is not closed by a '---' line"],
    ),
    "invalid TLP label": (
        {"briefings/talks.yml": BRIEFING + "tlp: AMBER-STRICT\n"},
        ["content/briefings/talks.yml:7:6: 'AMBER-STRICT' is not an allowed value"
         " (did you mean 'AMBER+STRICT'?)"],
    ),
    "unknown likelihood term": (
        {"briefings/talks.yml": BRIEFING + "key_judgments:\n  - text: X.\n"
         "    likelihood: probable\n"},
        ["content/briefings/talks.yml:9:17: 'probable' is not an allowed value (expected one of:"
         " 'almost certain', 'almost no chance', 'likely', 'roughly even chance', 'unlikely',"
         " 'very likely', 'very unlikely')"],
    ),
    "duplicate taxonomy id": (
        {"taxonomy.yml": "topics:\n  diplomacy: {name: A}\n  diplomacy: {name: B}\n"},
        ["content/taxonomy.yml:3:3: duplicate id 'diplomacy'"],
    ),
    "required field left empty": (
        {"briefings/talks.yml": BRIEFING.replace("bluf: Russia spoke.", "bluf:")},
        ["content/briefings/talks.yml:4:6: field 'bluf' must not be empty"],
    ),
    "likelihood and confidence in one sentence": (
        {"briefings/talks.yml": BRIEFING + "key_judgments:\n"
         "  - text: We assess with high confidence that talks will likely resume.\n"},
        ["content/briefings/talks.yml:8:11: key judgment mixes a likelihood term ('likely') and"
         " a confidence level ('high confidence') in one sentence (ICD 203: give them in the"
         " likelihood and confidence fields)"],
    ),
    "unknown region": (
        {"briefings/talks.yml": BRIEFING + "regions: [eurasia]\n"},
        ["content/briefings/talks.yml:7:11: unknown region 'eurasia' (did you mean 'europe'?)"],
    ),
    "unknown related briefing": (
        {"briefings/talks.yml": BRIEFING + "related: [talk]\n"},
        ["content/briefings/talks.yml:7:11: unknown briefing 'talk' (did you mean 'talks'?)"],
    ),
    "unknown relationship type": (
        {"briefings/talks.yml": BRIEFING + "relationships:\n  - {subject: russia, type: ally,"
         " object: russia}\n"},
        ["content/briefings/talks.yml:8:29: 'ally' is not an allowed value"
         " (did you mean 'allied-with'?)"],
    ),
    "credibility that is not a number": (
        {"articles/talks.md": ARTICLE.replace("title: Talks", "title: Talks\ncredibility: high")},
        ["content/articles/talks.md:3:14: expected a whole number, not 'high'"],
    ),
    "reliability in lower case": (
        {"articles/talks.md": ARTICLE.replace("title: Talks", "title: Talks\nreliability: b")},
        ["content/articles/talks.md:3:14: 'b' is not an allowed value (expected one of: 'A',"
         " 'B', 'C', 'D', 'E', 'F')"],
    ),
    "role without a title": (
        {"actors/russia.yml": ACTOR + "roles:\n  - {from: 2000-01-01}\n"},
        ["content/actors/russia.yml:6:5: role is missing required field 'title'"],
    ),
    "unknown field in a nested record": (
        {"actors/russia.yml": ACTOR + "roles:\n  - titel: President\n"},
        ["content/actors/russia.yml:6:5: role is missing required field 'title'",
         "content/actors/russia.yml:6:5: unknown field 'titel' in role (did you mean 'title'?)"],
    ),
    "not true or false": (
        {"briefings/talks.yml": BRIEFING + "actors:\n  - {id: russia, exclude: maybe}\n"},
        ["content/briefings/talks.yml:8:27: expected true or false, not 'maybe'"],
    ),
    "unknown affiliation": (
        {"actors/russia.yml": ACTOR + "affiliations: [nato]\n"},
        ["content/actors/russia.yml:5:16: unknown actor 'nato' (expected one of: 'russia')"],
    ),
    "same article listed twice": (
        {"briefings/talks.yml": BRIEFING.replace("[talks]", "[talks, talks]")},
        ["content/briefings/talks.yml:5:19: 'talks' is listed twice"],
    ),
    "same actor described twice": (
        {"briefings/talks.yml": BRIEFING + "actors:\n  - {id: russia}\n  - {id: russia}\n"},
        ["content/briefings/talks.yml:9:5: 'russia' is listed twice"],
    ),
    "unsafe taxonomy id": (
        {"taxonomy.yml": TAXONOMY + "  Far East: {name: Far East}\n"},
        ["content/taxonomy.yml:5:3: 'Far East' is not a valid id (ids are lowercase letters,"
         " digits and hyphens, e.g. 'bob-work')"],
    ),
    "a top level that is not a mapping": (
        {"actors/russia.yml": "- name: Russia\n"},
        ["content/actors/russia.yml:1:1: a actor must be a mapping of fields, not a list"],
    ),
    "one alias claimed by two actors": (
        {"actors/soviet.yml": "name: Soviet Union\nkind: state\n"
         "aliases: [USSR, Russian Federation]\nsummary: s\n"},
        ["content/actors/soviet.yml:3:17: 'Russian Federation' already names actor 'russia'"
         " (content/actors/russia.yml:3) (make it a weak alias of one of them, or remove it)"],
    ),
    "a number in hexadecimal": (
        {"articles/talks.md": ARTICLE.replace("title: Talks", "title: Talks\ncredibility: 0x2")},
        ["content/articles/talks.md:3:14: expected a whole number, not '0x2'"],
    ),
    "an empty alias": (
        {"actors/russia.yml": ACTOR.replace("[Russian Federation]", "[Russian Federation, ' ']")},
        ["content/actors/russia.yml:3:31: empty text (write something or remove the entry)"],
    ),
    "an id ending in a newline": (
        {"taxonomy.yml": TAXONOMY + '  "north\\n": {name: North}\n'},
        ["content/taxonomy.yml:5:3: 'north\\n' is not a valid id (ids are lowercase letters,"
         " digits and hyphens, e.g. 'bob-work')"],
    ),
    "a date in another ISO form": (
        {"briefings/talks.yml": BRIEFING.replace("2015-10-02", "20151002")},
        ["content/briefings/talks.yml:2:7: '20151002' is not a date (expected YYYY-MM-DD)"],
    ),
    "one name in two spellings claimed by two actors": (
        {"actors/turkey.yml": "name: Türkiye\nkind: state\nsummary: s\n",
         "actors/turkiye.yml": "name: Turkey\nkind: state\naliases: [Turkiye]\nsummary: s\n"},
        ["content/actors/turkiye.yml:3:11: 'Turkiye' already names actor 'turkey'"
         " (content/actors/turkey.yml:1) (make it a weak alias of one of them, or remove it)"],
    ),
    "an id that does not match its file name": (
        {"actors/russia.yml": "id: rusia\n" + ACTOR},
        ["content/actors/russia.yml:1:5: id 'rusia' does not match the file name 'russia'"
         " (rename the file or write id: russia)"],
    ),
    "a file that is too large": (
        {"actors/russia.yml": ACTOR + "# " + "x" * (3 * 1024 * 1024) + "\n"},
        ["content/actors/russia.yml:1:1: file is 3,145,804 bytes, over the limit of 2,097,152"],
    ),
}


@pytest.mark.parametrize("case", list(CASES))
def test_each_mistake_gets_its_exact_line(case, tmp_path, monkeypatch):
    files, expected = CASES[case]
    assert errors_of(tmp_path, monkeypatch, files) == expected


def test_all_problems_of_a_run_are_reported_together(tmp_path, monkeypatch):
    lines = errors_of(tmp_path, monkeypatch, {
        "actors/russia.yml": ACTOR.replace("kind: state", "kind: stat"),
        "briefings/talks.yml": BRIEFING.replace("[talks]", "[talk]"),
    })
    assert len(lines) == 2
    assert lines[0].startswith("content/actors/russia.yml:2:7:")
    assert lines[1].startswith("content/briefings/talks.yml:5:12:")


def test_aliases_that_expand_without_bound_are_refused(tmp_path, monkeypatch):
    laughs = ["x0: &x0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    laughs += [f"x{i}: &x{i} [" + ", ".join([f"*x{i - 1}"] * 10) + "]" for i in range(1, 10)]
    text = "\n".join(["name: Russia", "kind: state", "summary: s", *laughs, "aliases: *x9"])
    lines = errors_of(tmp_path, monkeypatch, {"actors/russia.yml": text + "\n"})
    assert "content/actors/russia.yml:5:10: YAML aliases (*name) are not allowed in content files" \
        " (write the value out)" in lines


def test_deeply_nested_values_are_refused(tmp_path, monkeypatch):
    text = ACTOR + "aliases: " + "[" * 200 + "]" * 200 + "\n"
    lines = errors_of(tmp_path, monkeypatch, {"actors/russia.yml": text})
    assert lines == ["content/actors/russia.yml:5:41: values nested deeper than 32 levels"]


def test_an_id_written_in_the_file_may_repeat_its_file_name(tmp_path):
    corpus = load_corpus(make_content(tmp_path, {"actors/russia.yml": "id: russia\n" + ACTOR}))
    assert corpus.actor("russia").name == "Russia"
