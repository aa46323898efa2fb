"""The load stage on tiny real content trees: what loads, and the exact line each mistake gets."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

import pytest

from generator.errors import ContentErrors
from generator.load import load_corpus
from generator.load.read import FileProblem, read_text
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
    "a title too long for the pages that print it": (
        {"briefings/talks.yml": BRIEFING.replace("title: Talks", "title: " + "T" * 301)},
        ["content/briefings/talks.yml:1:8: text of 301 characters is too long"
         " (at most 300 here)"],
    ),
    "a text too long": (
        {"briefings/talks.yml": BRIEFING.replace("Russia spoke.", "b" * 10_001)},
        ["content/briefings/talks.yml:4:7: text of 10,001 characters is too long"
         " (at most 10,000 here)"],
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
         "    likelihood: perhaps\n"},
        ["content/briefings/talks.yml:9:17: 'perhaps' is not an allowed value (expected one of:"
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
        # The default corpus has one actor: the relationship is to itself as well.
        ["content/briefings/talks.yml:8:29: 'ally' is not an allowed value"
         " (did you mean 'allied-with'?)",
         "content/briefings/talks.yml:8:43: a relationship from 'russia' to itself"
         " (name another actor as object)"],
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
        ["content/actors/russia.yml:1:1: an actor must be a mapping of fields, not a list"],
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
    # Mistakes that used to pass without a word.
    "a role that ends before it starts": (
        {"actors/russia.yml": ACTOR + "roles:\n"
         "  - {title: Envoy, from: 2012-05-07, to: 2008-05-07}\n"},
        ["content/actors/russia.yml:6:42: the role ends (2008-05-07) before it starts (2012-05-07)"
         " (swap from and to)"],
    ),
    "an actor affiliated with itself": (
        {"actors/russia.yml": ACTOR + "affiliations: [russia]\n"},
        ["content/actors/russia.yml:5:16: an actor cannot be affiliated with itself"
         " (remove 'russia')"],
    ),
    "an actor that is its own country": (
        {"actors/russia.yml": ACTOR + "country: russia\n"},
        ["content/actors/russia.yml:5:10: an actor cannot be its own country (remove 'russia')"],
    ),
    "a relationship from an actor to itself": (
        {"briefings/talks.yml": BRIEFING + "relationships:\n"
         "  - {subject: russia, type: opposes, object: russia}\n"},
        ["content/briefings/talks.yml:8:46: a relationship from 'russia' to itself"
         " (name another actor as object)"],
    ),
    "a briefing related to itself": (
        {"briefings/talks.yml": BRIEFING + "related: [talks]\n"},
        ["content/briefings/talks.yml:7:11: a briefing cannot be related to itself"
         " (remove 'talks')"],
    ),
    "a one-letter alias": (
        {"actors/russia.yml": ACTOR.replace("[Russian Federation]", "[Russian Federation, R]")},
        ["content/actors/russia.yml:3:31: 'R' is a single character, which would match everywhere"
         " (write the full name)"],
    ),
    "a common word as alias": (
        {"actors/russia.yml": ACTOR.replace("[Russian Federation]", "[Russian Federation, The]")},
        ["content/actors/russia.yml:3:31: 'The' is a common word, which would match everywhere"
         " (write the full name)"],
    ),
    "a common word as weak alias": (
        {"actors/russia.yml": ACTOR + "weak_aliases: [of]\n"},
        ["content/actors/russia.yml:5:16: 'of' is a common word, which would match everywhere"
         " (write the full name)"],
    ),
    "a common word as demonym": (
        {"actors/russia.yml": ACTOR + "demonyms: [and]\n"},
        ["content/actors/russia.yml:5:12: 'and' is a common word, which would match everywhere"
         " (write the full name)"],
    ),
    "an alias of zero-width characters": (
        {"actors/russia.yml": ACTOR.replace("[Russian Federation]", '["\\u200b\\u200d "]')},
        ["content/actors/russia.yml:3:11: '\\u200b\\u200d' has only invisible characters"
         " (write something or remove the entry)"],
    ),
    "a script address as url": (
        {"articles/talks.md": ARTICLE.replace("title: Talks",
                                              "title: Talks\nurl: javascript:alert(1)")},
        ["content/articles/talks.md:3:6: 'javascript:alert(1)' is not a web address"
         " (write the full address, starting with https://)"],
    ),
    "a relative url": (
        {"articles/talks.md": ARTICLE.replace("title: Talks", "title: Talks\nurl: /news/talks")},
        ["content/articles/talks.md:3:6: '/news/talks' is not a web address"
         " (write the full address, starting with https://)"],
    ),
    "a data address as website": (
        {"actors/russia.yml": ACTOR + "website: 'data:text/html,<script>alert(1)</script>'\n"},
        ["content/actors/russia.yml:5:10: 'data:text/html,<script>alert(1)</script>' is not a web"
         " address (write the full address, starting with https://)"],
    ),
    "a control character written as a YAML escape": (
        {"actors/russia.yml": ACTOR.replace("summary: A state.", 'summary: "A\\x01 state."')},
        ["content/actors/russia.yml:4:10: control character U+0001 in the text"
         " (remove it; only \\n and \\t may be written)"],
    ),
    "a vertical tab written as a YAML escape": (
        {"briefings/talks.yml": BRIEFING.replace("bluf: Russia spoke.", 'bluf: "Russia\\vspoke."')},
        ["content/briefings/talks.yml:4:7: control character U+000B in the text"
         " (remove it; only \\n and \\t may be written)"],
    ),
    "a control character in an article body": (
        {"articles/talks.md": ARTICLE.replace("Russia spoke.", "Russia\x1b[31m spoke.")},
        ["content/articles/talks.md:5:7: control character U+001B in the file"
         " (delete it; only tabs and line breaks may be used)"],
    ),
    # Messages that say where the mistake is and what would be right.
    "a tab that indents a line": (
        {"actors/russia.yml": "name: Russia\nkind: state\n\tsummary: A state.\n"},
        ["content/actors/russia.yml:3:1: YAML syntax error: a tab character indents this line"
         " (indent with spaces)"],
    ),
    "a quote that is never closed": (
        {"actors/russia.yml": ACTOR.replace("summary: A state.", 'summary: "A state.')},
        ['content/actors/russia.yml:4:10: YAML syntax error: this quoted text is never closed'
         ' (close it with ")'],
    ),
    "a quote closed only on a later line": (
        {"actors/russia.yml": ACTOR.replace("name: Russia", 'name: "Russia')
                                   .replace("kind: state", 'kind: "state"')},
        ['content/actors/russia.yml:1:7: YAML syntax error: this quoted text is not closed on its'
         ' line (close it with "; the parser read on to line 2)'],
    ),
    "a kind written as a synonym": (
        {"actors/russia.yml": ACTOR.replace("kind: state", "kind: country")},
        ["content/actors/russia.yml:2:7: 'country' is not an allowed value"
         " (did you mean 'state'?)"],
    ),
    "a confidence written as a synonym": (
        {"briefings/talks.yml": BRIEFING + "key_judgments:\n  - text: X.\n"
         "    confidence: medium\n"},
        ["content/briefings/talks.yml:9:17: 'medium' is not an allowed value"
         " (did you mean 'moderate'?)"],
    ),
    "a likelihood written as a synonym": (
        {"briefings/talks.yml": BRIEFING + "key_judgments:\n  - text: X.\n"
         "    likelihood: probable\n"},
        ["content/briefings/talks.yml:9:17: 'probable' is not an allowed value"
         " (did you mean 'likely'?)"],
    ),
    "a TLP label of the old version": (
        {"briefings/talks.yml": BRIEFING + "tlp: WHITE\n"},
        ["content/briefings/talks.yml:7:6: 'WHITE' is not an allowed value"
         " (did you mean 'CLEAR'?)"],
    ),
    "a NUL byte": (
        {"actors/russia.yml": ACTOR.replace("Russia\n", "Rus\0sia\n", 1)},
        ["content/actors/russia.yml:1:10: control character U+0000 in the file"
         " (delete it; only tabs and line breaks may be used)"],
    ),
    "a complex key": (
        {"actors/russia.yml": ACTOR + "? [a, b]\n: x\n"},
        ["content/actors/russia.yml:5:3: a key must be plain text, not a list"],
    ),
    "a complex key in the taxonomy": (
        {"taxonomy.yml": TAXONOMY + "  ? {a: b}\n  : {name: X}\n"},
        ["content/taxonomy.yml:5:5: a key must be plain text, not a mapping"],
    ),
    # An error line quotes a short excerpt of a value, never a whole file, on one line.
    "a long value is quoted in part": (
        {"actors/russia.yml": "Moscow " * 2000 + "\n"},
        ["content/actors/russia.yml:1:1: an actor must be a mapping of fields, not text"
         " 'Moscow Moscow Moscow Moscow Moscow Moscow Moscow Moscow Mosc…'"],
    ),
    "a value with line breaks stays on one line": (
        {"actors/russia.yml": ACTOR.replace("kind: state", 'kind: "sta\\u2028te\\nx"')},
        ["content/actors/russia.yml:2:7: 'sta\\u2028te\\nx' is not an allowed value"
         " (did you mean 'state'?)"],
    ),
    "a file name with a line break": (
        {"actors/rus\nsia.yml": ACTOR},
        ["content/actors/rus\\nsia.yml:1:1: file name 'rus\\nsia.yml' is not a valid id"
         " (ids are lowercase letters, digits and hyphens, e.g. 'bob-work')"],
    ),
    # Folders and files under content/ that are not read.
    "a misspelt folder": (
        {"actor/iran.yml": ACTOR},
        ["content/actor:1:1: is not read (did you mean 'actors'?)"],
    ),
    "a subfolder of a known folder": (
        {"actors/sub/iran.yml": ACTOR},
        ["content/actors/sub:1:1: is a folder inside content/actors, which is not read"
         " (move its files up into content/actors)"],
    ),
    "a misspelt taxonomy file": (
        {"taxonomy.yml": None, "taxonomy.yaml": TAXONOMY},
        ["content/briefings/talks.yml:6:10: unknown topic 'diplomacy'",
         "content/taxonomy.yaml:1:1: is not read (did you mean 'taxonomy.yml'?)"],
    ),
}


@pytest.mark.parametrize("case", list(CASES))
def test_each_mistake_gets_its_exact_line(case, tmp_path, monkeypatch):
    files, expected = CASES[case]
    assert errors_of(tmp_path, monkeypatch, files) == expected


def hazards(content: Path, outside: Path) -> None:
    """Links and special files under content/: what a hostile or careless tree holds."""
    outside.mkdir(exist_ok=True)
    secret = outside / "secret.yml"
    secret.write_text("name: Secret\nkind: state\nsummary: Not in content.\n" + "x" * 5000)
    (content / "actors/secret.yml").symlink_to(secret)
    (content / "articles/leak").symlink_to(outside, target_is_directory=True)
    os.mkfifo(content / "actors/fifo.yml")


HAZARD_LINES = [
    "content/actors/fifo.yml:1:1: is a named pipe (FIFO), not a regular file"
    " (only regular files are read)",
    "content/actors/secret.yml:1:1: is a symbolic link; links are never followed"
    " (copy the file or folder itself in)",
    "content/articles/leak:1:1: is a symbolic link; links are never followed"
    " (copy the file or folder itself in)",
]


def test_links_and_special_files_are_refused_unread(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    hazards(make_content(tmp_path, {}), tmp_path / "outside")
    with pytest.raises(ContentErrors) as caught:
        load_corpus(Path("content"))
    assert caught.value.format_message().splitlines() == HAZARD_LINES


def test_a_linked_folder_is_refused_and_not_read(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    content = make_content(tmp_path, {"actors/russia.yml": None, "actors/.keep": ""})
    (content / "actors/.keep").unlink()
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "elsewhere/russia.yml").write_text(ACTOR)
    (content / "actors").rmdir()
    (content / "actors").symlink_to(tmp_path / "elsewhere", target_is_directory=True)
    with pytest.raises(ContentErrors) as caught:
        load_corpus(Path("content"))
    # Its files are not read, so the briefing's mention of russia is not the point here.
    assert caught.value.format_message().splitlines() == [
        "content/actors:1:1: is a symbolic link; links are never followed"
        " (copy the file or folder itself in)"]


def test_a_link_to_a_system_file_is_one_line_without_its_text(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    content = make_content(tmp_path, {})
    (content / "actors/passwd.yml").symlink_to("/etc/passwd")
    with pytest.raises(ContentErrors) as caught:
        load_corpus(Path("content"))
    assert caught.value.format_message() == (
        "content/actors/passwd.yml:1:1: is a symbolic link; links are never followed"
        " (copy the file or folder itself in)")


def test_a_file_reached_through_a_linked_folder_lies_outside(tmp_path, monkeypatch):
    # The tree scan never descends into a link; this is the reader's own guard, for a path
    # handed to it directly (or a folder swapped for a link after the scan).
    monkeypatch.chdir(tmp_path)
    content = make_content(tmp_path, {})
    (tmp_path / "outside").mkdir()
    (tmp_path / "outside/russia.yml").write_text(ACTOR)
    (content / "linked").symlink_to(tmp_path / "outside", target_is_directory=True)
    with pytest.raises(FileProblem) as caught:
        read_text(Path("content/linked/russia.yml"), "content/linked/russia.yml", Path("content"))
    assert caught.value.error.format_message() == (
        "content/linked/russia.yml:1:1: lies outside the content folder"
        " (a folder on its way is a link; copy the file itself in)")
    assert read_text(Path("content/actors/russia.yml"), "x", Path("content")) == ACTOR


def test_a_fifo_does_not_hang_check(tmp_path):
    content = make_content(tmp_path, {})
    os.mkfifo(content / "actors/fifo.yml")
    result = check(tmp_path)
    assert result.stderr.splitlines() == [HAZARD_LINES[0], "1 problem found"]
    assert result.returncode == 1


def test_files_and_folders_not_read_are_reported(tmp_path, monkeypatch):
    files = {"notes/todo.txt": "x", "README.md": "x", ".git/config": "x",
             "actors/.russia.yml.swp": "x", "articles/.DS_Store": "x"}
    monkeypatch.chdir(tmp_path)
    make_content(tmp_path, files)
    corpus = load_corpus(Path("content"))
    assert [warning.format_message() for warning in corpus.warnings] == [
        "content/README.md:1:1: warning: is not read"
        " (content/ holds actors/, articles/, briefings/ and taxonomy.yml)",
        "content/notes:1:1: warning: is not read"
        " (content/ holds actors/, articles/, briefings/ and taxonomy.yml)",
    ]


def test_weak_aliases_in_capitals_and_web_addresses_are_accepted(tmp_path):
    actor = ACTOR + "weak_aliases: [US, WHO]\nwebsite: https://kremlin.example/en\n"
    corpus = load_corpus(make_content(tmp_path, {"actors/russia.yml": actor}))
    assert corpus.actor("russia").weak_aliases == ("US", "WHO")


def check(root: Path) -> subprocess.CompletedProcess:
    """`briefings check` as a user runs it, bounded in time: a hang fails instead of waiting."""
    briefings = Path(sys.executable).with_name("briefings")
    return subprocess.run([str(briefings), "check"], cwd=root, capture_output=True, text=True,
                          timeout=60)


ALL_AT_ONCE = {
    "actors/russia.yml": (
        "name: Russia\n"
        "kind: country\n"
        'aliases: [Russian Federation, R, The, "\\u200b\\u200d "]\n'
        'summary: "A\\x01 state."\n'
        "weak_aliases: [of]\n"
        "demonyms: [and]\n"
        "country: russia\n"
        "affiliations: [russia]\n"
        "website: 'data:text/html,x'\n"
        "roles:\n"
        "  - {title: Envoy, from: 2012-05-07, to: 2008-05-07}\n"
        "? [a, b]\n"
        ": x\n"
    ),
    "briefings/talks.yml": BRIEFING.replace("[talks]", "[talk]") + (
        "tlp: WHITE\n"
        "related: [talks]\n"
        "relationships:\n"
        "  - {subject: russia, type: opposes, object: russia}\n"
        "key_judgments:\n"
        "  - {text: X., likelihood: probable, confidence: medium}\n"
    ),
    "briefings/bluf.yml": BRIEFING.replace("bluf: Russia spoke.", 'bluf: "Russia\\vspoke."'),
    "articles/talks.md": ARTICLE.replace("title: Talks", "title: Talks\nurl: javascript:x()"),
    "articles/body.md": ARTICLE.replace("Russia spoke.", "Russia\x1b[31m spoke."),
    "actors/tab.yml": "name: Tab\nkind: state\n\tsummary: A state.\n",
    "actors/quote.yml": 'name: "Quote\nkind: state\nsummary: A state.\n',
    "actors/nul.yml": "name: Nul\0\n",
    "actors/long.yml": "Moscow " * 2000 + "\n",
    "actors/rus\nsia.yml": ACTOR,
    "actor/iran.yml": ACTOR,
    "actors/sub/iran.yml": ACTOR,
    "notes/todo.txt": "not content",
}

ALL_AT_ONCE_LINES = [
    "content/actor:1:1: is not read (did you mean 'actors'?)",
    HAZARD_LINES[0],
    "content/actors/long.yml:1:1: an actor must be a mapping of fields, not text"
    " 'Moscow Moscow Moscow Moscow Moscow Moscow Moscow Moscow Mosc…'",
    "content/actors/nul.yml:1:10: control character U+0000 in the file"
    " (delete it; only tabs and line breaks may be used)",
    "content/actors/quote.yml:1:7: YAML syntax error: this quoted text is never closed"
    ' (close it with ")',
    "content/actors/rus\\nsia.yml:1:1: file name 'rus\\nsia.yml' is not a valid id"
    " (ids are lowercase letters, digits and hyphens, e.g. 'bob-work')",
    "content/actors/russia.yml:2:7: 'country' is not an allowed value (did you mean 'state'?)",
    "content/actors/russia.yml:3:31: 'R' is a single character, which would match everywhere"
    " (write the full name)",
    "content/actors/russia.yml:3:34: 'The' is a common word, which would match everywhere"
    " (write the full name)",
    "content/actors/russia.yml:3:39: '\\u200b\\u200d' has only invisible characters"
    " (write something or remove the entry)",
    "content/actors/russia.yml:4:10: control character U+0001 in the text"
    " (remove it; only \\n and \\t may be written)",
    "content/actors/russia.yml:5:16: 'of' is a common word, which would match everywhere"
    " (write the full name)",
    "content/actors/russia.yml:6:12: 'and' is a common word, which would match everywhere"
    " (write the full name)",
    "content/actors/russia.yml:7:10: an actor cannot be its own country (remove 'russia')",
    "content/actors/russia.yml:8:16: an actor cannot be affiliated with itself"
    " (remove 'russia')",
    "content/actors/russia.yml:9:10: 'data:text/html,x' is not a web address"
    " (write the full address, starting with https://)",
    "content/actors/russia.yml:11:42: the role ends (2008-05-07) before it starts (2012-05-07)"
    " (swap from and to)",
    "content/actors/russia.yml:12:3: a key must be plain text, not a list",
    HAZARD_LINES[1],
    "content/actors/sub:1:1: is a folder inside content/actors, which is not read"
    " (move its files up into content/actors)",
    "content/actors/tab.yml:3:1: YAML syntax error: a tab character indents this line"
    " (indent with spaces)",
    "content/articles/body.md:5:7: control character U+001B in the file"
    " (delete it; only tabs and line breaks may be used)",
    HAZARD_LINES[2],
    "content/articles/talks.md:3:6: 'javascript:x()' is not a web address"
    " (write the full address, starting with https://)",
    "content/briefings/bluf.yml:4:7: control character U+000B in the text"
    " (remove it; only \\n and \\t may be written)",
    "content/briefings/talks.yml:5:12: unknown article 'talk' (did you mean 'talks'?)",
    "content/briefings/talks.yml:7:6: 'WHITE' is not an allowed value (did you mean 'CLEAR'?)",
    "content/briefings/talks.yml:8:11: a briefing cannot be related to itself (remove 'talks')",
    "content/briefings/talks.yml:10:46: a relationship from 'russia' to itself"
    " (name another actor as object)",
    "content/briefings/talks.yml:12:28: 'probable' is not an allowed value"
    " (did you mean 'likely'?)",
    "content/briefings/talks.yml:12:50: 'medium' is not an allowed value"
    " (did you mean 'moderate'?)",
    "content/notes:1:1: warning: is not read"
    " (content/ holds actors/, articles/, briefings/ and taxonomy.yml)",
]


def test_all_problems_of_a_run_are_reported_together(tmp_path):
    """One corpus holding a mistake of every kind above: one run of `check` reports them all,
    one line each, the warning among them, and does not hang on the FIFO."""
    hazards(make_content(tmp_path, ALL_AT_ONCE), tmp_path / "outside")
    result = check(tmp_path)
    errors = len(ALL_AT_ONCE_LINES) - 1
    assert result.stderr.splitlines() == [*ALL_AT_ONCE_LINES, f"{errors} problems found"]
    assert result.returncode == 1


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
