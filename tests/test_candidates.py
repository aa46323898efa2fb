"""Capitalised names in text (`generator/candidates.py`): what import, check and review see."""

from __future__ import annotations

from generator.candidates import long_names, names_in


def found(text: str) -> list[tuple[str, str, bool]]:
    return [(name.text, name.role, name.opens_sentence) for name in names_in(text)]


def test_names_keep_their_particles_and_lose_their_titles():
    assert found("Yesterday Chancellor Olaf Scholz met Charles de Gaulle's heirs and "
                 "Minister of Foreign Affairs Sergey Lavrov near the Gulf of Mexico.") == [
        ("Olaf Scholz", "Chancellor", False),
        ("Charles de Gaulle", "", False),
        ("Sergey Lavrov", "Minister of Foreign Affairs", False),
        ("Gulf of Mexico", "", False),
    ]


def test_sentence_openings_quotes_and_headings_are_marked():
    text = "## Reaction\n\nOfficials said: “Nobody knows.” Russia agreed, as did Russia's allies."
    assert found(text) == [("Reaction", "", True), ("Officials", "", True),
                           ("Nobody", "", True), ("Russia", "", True), ("Russia", "", False)]


def test_spans_point_at_the_name_in_the_text():
    text = "Then Mr. Putin spoke."
    (name,) = names_in(text)
    assert text[name.start:name.end] == "Putin"


def test_long_names_are_the_runs_of_two_words_or_more():
    text = ("The U.S. Department of Education and Agence France-Presse reported on ISIS-held "
            "Mosul Dam. Iraq. Russia Group said Theresa May and President Joe Biden agreed "
            "with Prime Minister's Office.")
    assert long_names(text) == ["U.S. Department of Education", "Agence France-Presse",
                                "Mosul Dam", "Russia Group", "Theresa May", "Joe Biden",
                                "Prime Minister's Office"]
