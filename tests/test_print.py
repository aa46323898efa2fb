"""Printing a briefing (site_config/docs/stylesheets/briefings.css, @media print): the actor
panel comes out expanded with every actor of the briefing, without the collapsed marker, and
no header, search, navigation, sidebar or footer, nor the room a sidebar would take.

Headless Chromium lays the page out for print (`emulate_media(media="print")`) at a laptop's
width and at an A4 page's (794 px at 96 dpi), and the test reads what that layout renders:
`innerText` leaves out what is not rendered, such as the content of a closed <details>.
It also prints the briefing to PDF with Chromium and reads the PDF's text (pypdf).
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from pypdf import PdfReader
from support import content as corpus

pytestmark = pytest.mark.browser

BRIEFING = "iraq-russia-intelligence-sharing"
LAPTOP = {"width": 1280, "height": 800}
A4 = {"width": 794, "height": 1123}
# What is screen furniture, not the document: none of it may print.
CHROME = {
    "header": ".md-header",
    "search": ".md-search",
    "navigation sidebar": ".md-sidebar--primary",
    "table of contents sidebar": ".md-sidebar--secondary",
    "footer": ".md-footer",
    "back to top": ".md-top",
}


@pytest.fixture(scope="module")
def actor_names(content_dir: Path) -> list[str]:
    names = {actor.id: actor.name for actor in corpus.actors(content_dir).values()}
    expected = corpus.expected_actor_ids(content_dir, BRIEFING)
    assert expected
    return sorted(names[actor_id] for actor_id in expected)


@pytest.fixture(params=[LAPTOP, A4], ids=["1280px", "A4"])
def printed(request, open_page, served_site: str):
    """The briefing as Chromium lays it out for printing."""
    page = open_page(request.param)
    page.goto(f"{served_site}briefings/{BRIEFING}/")
    page.wait_for_load_state("networkidle")
    page.emulate_media(media="print")
    return page


def test_the_actor_panel_prints_expanded(printed, actor_names: list[str]):
    panel = printed.locator("details.actor-panel--inline")
    text = panel.evaluate("panel => panel.innerText")
    heading, _, listed = text.partition("\n")
    assert heading.split() == ["Actors", "involved", str(len(actor_names))]
    missing = [name for name in actor_names if name not in listed]
    assert missing == [], f"not printed: {missing}\n{text}"
    # Material's chevron after the summary says "closed, open me": not on paper.
    marker = panel.locator("summary").evaluate(
        "summary => getComputedStyle(summary, '::after').display")
    assert marker == "none"


def test_no_screen_chrome_or_empty_sidebar_prints(printed):
    shown = {name: printed.locator(selector).first.evaluate("e => e.checkVisibility()")
             for name, selector in CHROME.items()}
    assert [name for name, visible in shown.items() if visible] == []
    # With the sidebars gone the text takes the whole width: no empty column beside it.
    widths = printed.evaluate("""() => [".md-content", ".md-main__inner"].map(
        selector => document.querySelector(selector).getBoundingClientRect().width)""")
    assert widths[0] == widths[1]


def test_the_printed_pdf_holds_the_briefing_and_its_actors(open_page, served_site: str,
                                                           actor_names: list[str]):
    page = open_page(A4)
    page.goto(f"{served_site}briefings/{BRIEFING}/")
    page.wait_for_load_state("networkidle")
    pdf = PdfReader(io.BytesIO(page.pdf(format="A4", print_background=True)))
    text = " ".join(" ".join((sheet.extract_text() or "").split()) for sheet in pdf.pages)
    assert "Iraq joins an intelligence-sharing arrangement" in text
    assert f"Actors involved {len(actor_names)}" in text
    missing = [name for name in actor_names if name not in text]
    assert missing == [], f"not in the PDF: {missing}"
    # Screen furniture does not print: the search box's placeholder, the header's toggles.
    assert "Search" not in text.split("Actors involved")[0]
