"""Embargo: an item held until a moment. Validation of the moment, select's decision per
profile and moment, the real `mkdocs build --strict` under a holding and a showing profile,
and what `briefings check` lists."""

from __future__ import annotations

import datetime as dt
import gzip
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from support.pagefind import index_files, is_fragment
from support.site import copy_project, mkdocs_build

from generator.cli import main
from generator.errors import ContentErrors
from generator.load import load_corpus
from generator.load.profiles import load_profiles
from generator.model import Article, Briefing, Corpus, Embargo, Source, Status
from generator.select import select

ROOT = Path(__file__).resolve().parent.parent
PROFILES = ROOT / "site_config" / "profiles.yml"

BRIEFING = "title: Talks\ndate: 2026-11-25\nstatus: published\nbluf: Talks held.\n"
ARTICLE = "---\ntitle: Talks\n{line}\n---\nTalks were held.\n"
FUTURE = "2999-01-01T09:00:00Z"  # under embargo whenever this test runs
PAST = "2000-01-01T09:00:00+01:00"  # an embargo long over


def write(root: Path, files: dict[str, str]) -> Path:
    for rel, text in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


def briefing(embargo: str) -> str:
    return BRIEFING + f"embargo: {embargo}\n"


# --- validation --------------------------------------------------------------------------

def test_a_moment_without_a_zone_or_malformed_is_an_error_with_its_place(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write(tmp_path, {
        "content/briefings/no-zone.yml": briefing("2026-12-03T09:00"),
        "content/briefings/date-only.yml": briefing("2026-12-03"),
        "content/briefings/words.yml": briefing("next tuesday"),
        "content/briefings/space.yml": briefing("'2026-12-03 09:00:00Z'"),
        "content/briefings/impossible.yml": briefing("2026-02-30T09:00:00Z"),
        "content/briefings/short-zone.yml": briefing("2026-12-03T09:00+1"),
        "content/briefings/listed.yml": briefing("[2026-12-03T09:00:00Z]"),
        "content/articles/talks.md": ARTICLE.format(line="embargo: 2026-12-03T09:00:00"),
    })
    with pytest.raises(ContentErrors) as caught:
        load_corpus(Path("content"))
    assert caught.value.format_message().splitlines() == [
        "content/articles/talks.md:3:10: '2026-12-03T09:00:00' has no time zone"
        " (write 2026-12-03T09:00:00Z or add +01:00)",
        "content/briefings/date-only.yml:5:10: '2026-12-03' has no time of day or time zone"
        " (write 2026-12-03T00:00:00Z or 2026-12-03T00:00:00+01:00)",
        "content/briefings/impossible.yml:5:10: '2026-02-30T09:00:00Z' is not a real date-time",
        "content/briefings/listed.yml:5:10: expected a date-time with a time zone, not a list",
        "content/briefings/no-zone.yml:5:10: '2026-12-03T09:00' has no time zone"
        " (write 2026-12-03T09:00:00Z or add +01:00)",
        "content/briefings/short-zone.yml:5:10: '2026-12-03T09:00+1' is not a date-time"
        " (expected e.g. 2026-12-03T09:00:00Z or 2026-12-03T10:00:00+01:00)",
        "content/briefings/space.yml:5:10: '2026-12-03 09:00:00Z' is not a date-time"
        " (expected e.g. 2026-12-03T09:00:00Z or 2026-12-03T10:00:00+01:00)",
        "content/briefings/words.yml:5:10: 'next tuesday' is not a date-time"
        " (expected e.g. 2026-12-03T09:00:00Z or 2026-12-03T10:00:00+01:00)",
    ]


def test_a_moment_loads_with_its_zone_and_its_place(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write(tmp_path, {
        "content/briefings/talks.yml": briefing("2026-12-03T10:00:00+01:00"),
        "content/articles/talks.md": ARTICLE.format(line="embargo: '2026-12-03T09:00Z'"),
    })
    corpus = load_corpus(Path("content"))
    held = corpus.briefing("talks").embargo
    assert held.until == dt.datetime(2026, 12, 3, 9, tzinfo=dt.UTC)
    assert held.until.isoformat() == "2026-12-03T10:00:00+01:00"
    assert held.source == Source("content/briefings/talks.yml", 5, 10)
    assert corpus.article("talks").embargo.source == Source("content/articles/talks.md", 3, 10)


def test_a_profile_says_hold_or_show_and_nothing_else(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write(tmp_path, {"profiles.yml": "public:\n  tlp: CLEAR\n  embargo: hide\n"
                                     "quiet:\n  tlp: CLEAR\n"})
    with pytest.raises(ContentErrors) as caught:
        load_profiles(Path("profiles.yml"))
    assert caught.value.format_message() == (
        "profiles.yml:3:12: 'hide' is not an allowed value (expected one of: 'hold', 'show')")
    write(tmp_path, {"profiles.yml": "quiet:\n  tlp: CLEAR\n"})
    assert load_profiles(Path("profiles.yml"))["quiet"].hold_embargoed, "hold when empty"


# --- select ------------------------------------------------------------------------------

MOMENT = dt.datetime(2026, 12, 3, 9, tzinfo=dt.UTC)
SECOND = dt.timedelta(seconds=1)


def embargoed_corpus() -> Corpus:
    """An embargoed article cited by an open briefing, and an embargoed briefing."""
    until = Embargo(MOMENT)
    return Corpus(
        articles=(Article("held", "Held", "Text.", embargo=until), Article("open", "Open", "")),
        briefings=(
            Briefing("cites", "Cites", dt.date(2026, 11, 1), "B.", Status.PUBLISHED,
                     articles=("held", "open"), related=("later",)),
            Briefing("later", "Later", dt.date(2026, 12, 3), "B.", Status.PUBLISHED,
                     embargo=until),
        ),
    )


def shown(corpus: Corpus) -> set[str]:
    return {item.id for item in (*corpus.articles, *corpus.briefings)}


def test_holding_profiles_drop_embargoed_items_until_the_moment():
    profiles = load_profiles(PROFILES)
    corpus = embargoed_corpus()
    for name in ("public", "partners"):
        before = select(corpus, profiles[name], now=MOMENT - SECOND)
        assert shown(before) == {"open", "cites"}, name
        # References to them are removed as for drafts: nothing links to a held item.
        assert before.briefing("cites").articles == ("open",)
        assert before.briefing("cites").related == ()
        at = select(corpus, profiles[name], now=MOMENT)
        assert shown(at) == {"held", "open", "cites", "later"}, name
        assert at.briefing("cites").articles == ("held", "open")
    # The same moment written in another zone is the same moment.
    in_paris = MOMENT.astimezone(dt.timezone(dt.timedelta(hours=1)))
    assert shown(select(corpus, profiles["public"], now=in_paris)) == shown(corpus)


def test_showing_profiles_keep_embargoed_items_before_the_moment():
    profiles = load_profiles(PROFILES)
    for name in ("internal", "review"):
        assert not profiles[name].hold_embargoed, name
        kept = select(embargoed_corpus(), profiles[name], now=MOMENT - SECOND)
        assert shown(kept) == {"held", "open", "cites", "later"}, name


def test_the_shipped_profiles_hold_for_public_and_partners_only():
    held = {name for name, profile in load_profiles(PROFILES).items() if profile.hold_embargoed}
    assert held == {"public", "partners"}


# --- the real build ----------------------------------------------------------------------

# Words that occur nowhere else: held under public, shown under internal.
HELD_BRIEFING = "quokka-embargo-briefing"
HELD_WORDS = ("Quokkamarble", "Zebuthistle")
OVER_WORD = "Ocelotpaving"  # in a briefing whose embargo is over: public shows it


def add_embargoed_items(content: Path) -> None:
    write(content, {
        f"briefings/{HELD_BRIEFING}.yml":
            f"title: {HELD_WORDS[0]} summit\ndate: 2026-12-01\nstatus: published\n"
            f"embargo: {FUTURE}\nbluf: Iraq and Russia meet.\narticles: [zebu-report]\n"
            "relationships:\n  - {subject: iraq, type: oversees, object: russia}\n",
        "articles/zebu-report.md":
            f"---\ntitle: {HELD_WORDS[1]} report\nembargo: {FUTURE}\n---\n"
            f"Iraq and Russia met; {HELD_WORDS[1]} was the code name.\n",
        "briefings/ocelot.yml":
            f"title: {OVER_WORD} summit\ndate: 2026-12-02\nstatus: published\n"
            f"embargo: '{PAST}'\nbluf: Iraq met Syria.\n",
    })


def built_text(site: Path) -> dict[str, str]:
    """Every text file of the built site, gzip-compressed sitemaps unpacked, and every file
    of the search index unpacked."""
    texts = {}
    for path in sorted(site.rglob("*")):
        if path.is_file() and path.suffix in {".html", ".json", ".xml", ".txt", ".gz"}:
            data = path.read_bytes()
            data = gzip.decompress(data) if path.suffix == ".gz" else data
            texts[path.relative_to(site).as_posix()] = data.decode("utf-8", errors="replace")
    for name, data in index_files(site).items():
        texts[name] = data.decode("utf-8", errors="replace")
    return texts


def search_text(texts: dict[str, str]) -> str:
    """What the search index holds of the pages' text: its fragments, one per page."""
    return "\n".join(text for name, text in texts.items()
                     if is_fragment(name))


@pytest.fixture(scope="module")
def project(project_root: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = copy_project(project_root, tmp_path_factory.mktemp("embargo") / "project")
    add_embargoed_items(project / "content")
    # With a site_url the sitemap lists every page, so its test can fail.
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8")
                      + "site_url: https://example.org/briefings/\n", encoding="utf-8")
    return project


def test_the_public_build_leaves_embargoed_items_out_of_every_file(project):
    result = mkdocs_build(project, project / "site-public")
    assert result.returncode == 0, result.stdout + result.stderr
    texts = built_text(project / "site-public")
    for required in ("pagefind/pagefind-entry.json", "sitemap.xml", "sitemap.xml.gz",
                     "feed.xml", "graph.json", "index.html"):
        assert required in texts, required
    for name, text in texts.items():
        for word in (*HELD_WORDS, HELD_BRIEFING, "zebu-report"):
            # The index keeps its words lower-cased.
            assert word.lower() not in text.lower(), (word, name)
    assert '"oversees"' not in texts["graph.json"]
    # An embargo that is over holds nothing back.
    assert OVER_WORD in texts["briefings/ocelot/index.html"]
    assert OVER_WORD in search_text(texts)
    assert "briefings/ocelot/" in texts["sitemap.xml"]


def test_the_internal_build_shows_embargoed_items(project):
    result = mkdocs_build(project, project / "site-internal", BRIEFINGS_PROFILE="internal")
    assert result.returncode == 0, result.stdout + result.stderr
    texts = built_text(project / "site-internal")
    assert HELD_WORDS[0] in texts[f"briefings/{HELD_BRIEFING}/index.html"]
    assert HELD_WORDS[1] in texts["articles/zebu-report/index.html"]
    for name in ("feed.xml", "sitemap.xml"):
        assert HELD_BRIEFING in texts[name], name
    assert HELD_BRIEFING in search_text(texts)
    assert HELD_WORDS[1] in search_text(texts)
    assert HELD_BRIEFING in texts["graph.json"]


@pytest.mark.parametrize("profile, shown", [("public", False), ("internal", True)])
def test_briefings_generate_writes_embargoed_items_only_where_the_profile_shows_them(
        project, tmp_path, profile, shown):
    out = tmp_path / "docs"
    result = CliRunner().invoke(main, [
        "generate", "--content", str(project / "content"), "--out", str(out),
        "--config", str(project / "mkdocs.yml"), "--profile", profile,
        "--profiles", str(project / "site_config/profiles.yml")])
    assert result.exit_code == 0, result.output
    written = "\n".join(p.read_text(encoding="utf-8") for p in out.rglob("*.md"))
    assert (out / "briefings/ocelot.md").is_file()
    for word in (*HELD_WORDS, HELD_BRIEFING):
        assert (word in written) is shown, word


# --- briefings check ---------------------------------------------------------------------

HELD_BY = "(public and partners builds leave it out until then)"


def check_project(tmp_path: Path, monkeypatch, profiles: str | None = None) -> None:
    """The shipped content and profiles in tmp_path, plus embargoed items; cwd there."""
    monkeypatch.chdir(tmp_path)
    shutil.copytree(ROOT / "content", tmp_path / "content")
    (tmp_path / "site_config").mkdir()
    (tmp_path / "site_config/profiles.yml").write_text(
        profiles or PROFILES.read_text(encoding="utf-8"), encoding="utf-8")
    add_embargoed_items(tmp_path / "content")


def test_check_lists_items_under_embargo_and_until_when(tmp_path, monkeypatch):
    check_project(tmp_path, monkeypatch)
    result = CliRunner().invoke(main, ["check"])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines() == [
        f"content/articles/zebu-report.md:3:10: under embargo until 2999-01-01T09:00:00+00:00"
        f" {HELD_BY}",
        f"content/briefings/{HELD_BRIEFING}.yml:4:10: under embargo until"
        f" 2999-01-01T09:00:00+00:00 {HELD_BY}",
        "content: 2 articles, 11 actors, 3 briefings: no problems",
    ]


def test_check_says_when_no_profile_holds_embargoed_items(tmp_path, monkeypatch):
    # "drafts" holds by default, but a profile that shows drafts shows held items too.
    check_project(tmp_path, monkeypatch, profiles="open:\n  tlp: CLEAR\n  embargo: show\n"
                                                  "drafts:\n  tlp: CLEAR\n  drafts: true\n")
    result = CliRunner().invoke(main, ["check"])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[0] == (
        "content/articles/zebu-report.md:3:10: under embargo until 2999-01-01T09:00:00+00:00"
        " (no profile holds it back)")


def test_check_reports_profile_and_content_problems_in_one_run(tmp_path, monkeypatch):
    check_project(tmp_path, monkeypatch, profiles="public:\n  tlp: CLEAR\n  embargo: hide\n")
    (tmp_path / "content/briefings/ocelot.yml").write_text(briefing("2026-12-03T09:00"))
    result = CliRunner().invoke(main, ["check"])
    assert result.exit_code == 1
    assert result.output.splitlines() == [
        "content/briefings/ocelot.yml:5:10: '2026-12-03T09:00' has no time zone"
        " (write 2026-12-03T09:00:00Z or add +01:00)",
        "site_config/profiles.yml:3:12: 'hide' is not an allowed value"
        " (expected one of: 'hold', 'show')",
        "2 problems found",
    ]
