"""The STIX 2.1 export: `briefings export stix` and the site's stix.json.

The bundle validates with the OASIS validator (stix2-validator) with no network; it holds
nothing the profile drops; its ids and bytes do not depend on the run; its markings are the
TLP 2.0 ones; and the built site's stix.json is what the command writes for the profile.
"""

from __future__ import annotations

import json
import re
import shutil
import socket
import subprocess
from pathlib import Path

import pytest
import stix2
from click.testing import CliRunner
from stix2validator import ValidationOptions, validate_string
from support import network
from support.site import briefings_command, copy_project, mkdocs_build, quiet_env

from generator.cli import main

ROOT = Path(__file__).resolve().parent.parent
PROFILES = ROOT / "site_config" / "profiles.yml"
SEED_BRIEFING = "iraq-russia-intelligence-sharing"

# The OASIS TLP 2.0 marking definitions for STIX 2.1 (cti-stix-common-objects), written out
# here rather than read from the program, so that a wrong id fails.
TLP2 = {
    "marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487": ("TLP:CLEAR", "clear"),
    "marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb": ("TLP:GREEN", "green"),
    "marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421": ("TLP:AMBER", "amber"),
    "marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003":
        ("TLP:AMBER+STRICT", "amber+strict"),
    "marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1": ("TLP:RED", "red"),
}
CLEAR, AMBER = (next(k for k, (name, _) in TLP2.items() if name == label)
                for label in ("TLP:CLEAR", "TLP:AMBER"))
TLP2_EXTENSION = "extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d"

# The validator's warnings that the export accepts, each for a reason (README, "STIX 2.1
# export"): 103, ids are UUIDv5 (stable across builds) where STIX suggests v4; 202, a verb
# with no counterpart in STIX's suggested relationship types is kept as it is; 302, an
# article's or a Wikidata URL has no hash (a hash would mean fetching the page).
ACCEPTED_WARNINGS = {"103", "202", "302"}


def export(content: Path, profile: str = "public") -> str:
    result = CliRunner().invoke(main, ["export", "stix", "--content", str(content),
                                       "--profile", profile, "--profiles", str(PROFILES)])
    assert result.exit_code == 0, result.output
    return result.output


def objects(text: str) -> list[dict]:
    return json.loads(text)["objects"]


def by_type(text: str, stix_type: str) -> list[dict]:
    return [obj for obj in objects(text) if obj["type"] == stix_type]


def named(text: str, name: str) -> dict:
    return next(obj for obj in objects(text) if obj.get("name") == name)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The connected corpus: drafts, an embargoed briefing and article, an AMBER article."""
    content = tmp_path_factory.mktemp("stix") / "content"
    network.write_corpus(content)
    return content


@pytest.fixture()
def offline(monkeypatch: pytest.MonkeyPatch) -> None:
    """Any connection attempt fails: the validator must do its work from its own files."""
    def refuse(*args, **kwargs):
        raise AssertionError(f"network access attempted: {args}")
    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)


# --- validity ----------------------------------------------------------------------------

@pytest.mark.parametrize("case", ["seed/public", "corpus/public", "corpus/internal",
                                  "corpus/review"])
def test_the_bundle_validates_offline_with_only_the_explained_warnings(case, corpus,
                                                                       offline):
    source, profile = case.split("/")
    text = export(ROOT / "content" if source == "seed" else corpus, profile)
    results = validate_string(text, ValidationOptions(version="2.1"))
    assert results.is_valid, [error.message for error in results.errors]
    assert results.errors == []
    # Each warning reads "<id>: {<code>} <message>".
    codes = {re.search(r"\{(\d+)\}", warning).group(1) for warning in results.warnings}
    assert codes <= ACCEPTED_WARNINGS, codes


# --- determinism -------------------------------------------------------------------------

def test_the_same_content_gives_the_same_bytes_whatever_the_hash_seed(corpus):
    runs = [subprocess.run([*briefings_command(), "export", "stix", "--content", str(corpus),
                            "--profiles", str(PROFILES), "--profile", "review"],
                           env={**quiet_env(), "PYTHONHASHSEED": seed},
                           capture_output=True, text=True, check=True).stdout
            for seed in ("1", "2", "3")]
    assert runs[0] == runs[1] == runs[2]
    assert runs[0] == export(corpus, "review")
    ids = [obj["id"] for obj in objects(runs[0])]
    assert ids == sorted(ids) and len(set(ids)) == len(ids)


def test_an_item_keeps_its_id_when_other_content_changes(corpus, tmp_path):
    before = {obj.get("name"): obj["id"] for obj in objects(export(corpus))}
    changed = tmp_path / "content"
    network.write_corpus(changed)
    (changed / "briefings" / "b05.yml").unlink()
    after = {obj.get("name"): obj["id"] for obj in objects(export(changed))}
    assert "Briefing b05" in before and "Briefing b05" not in after
    assert after["Briefing b04"] == before["Briefing b04"]
    assert after["Alphaland"] == before["Alphaland"]


# --- the profile -------------------------------------------------------------------------

# What the dropped items would put in a bundle (no article text goes into one): titles,
# BLUFs, names, article ids and titles, and the draft's topic.
HELD_WORDS = (network.DRAFT_TITLE, network.INFORMANT, network.EMBARGO_TITLE, "amber-note",
              "embargoed-note", "Restricted note", "Held note", "secretly allied",
              "Betaland supplies", '"nightfall"')


def test_the_public_bundle_holds_nothing_the_profile_drops(corpus):
    public = export(corpus, "public")
    for word in HELD_WORDS:
        assert word not in public, word
    # Nor their objects: the review bundle shows what they would be.
    review = export(corpus, "review")
    held = {obj["id"] for obj in objects(review)} - {obj["id"] for obj in objects(public)}
    assert {named(review, network.DRAFT_TITLE)["id"], named(review, network.EMBARGO_TITLE)["id"],
            named(review, network.INFORMANT)["id"]} <= held
    for held_id in held:
        assert held_id not in public
    for word in HELD_WORDS:
        assert word in review, word
    assert AMBER not in public


def test_the_internal_bundle_shows_embargoed_items_but_no_draft(corpus):
    internal = export(corpus, "internal")
    assert network.EMBARGO_TITLE in internal
    assert "Held note" in internal  # the embargoed article, as the briefing's source
    assert network.DRAFT_TITLE not in internal and network.INFORMANT not in internal


# --- markings ----------------------------------------------------------------------------

def test_every_object_is_marked_with_the_tlp_2_0_definitions(corpus):
    review = export(corpus, "review")
    definitions = by_type(review, "marking-definition")
    for definition in definitions:
        name, level = TLP2[definition["id"]]
        assert definition["name"] == name
        assert definition["created"] == "2022-10-01T00:00:00.000Z"
        assert definition["extensions"] == {
            TLP2_EXTENSION: {"extension_type": "property-extension", "tlp_2_0": level}}
    defined = {d["id"] for d in definitions}
    tlp1 = {m.id for m in (stix2.TLP_WHITE, stix2.TLP_GREEN, stix2.TLP_AMBER, stix2.TLP_RED)}
    for obj in objects(review):
        if obj["type"] == "marking-definition":
            continue
        assert len(obj["object_marking_refs"]) == 1 and obj["object_marking_refs"][0] in TLP2
        granular = {m["marking_ref"] for m in obj.get("granular_markings", ())}
        assert {*obj["object_marking_refs"], *granular} <= defined, obj["id"]
        assert not {*obj["object_marking_refs"], *granular} & tlp1


def test_an_amber_source_of_a_clear_briefing_is_marked_amber(corpus):
    draft = named(export(corpus, "review"), network.DRAFT_TITLE)
    assert draft["object_marking_refs"] == [CLEAR]
    index = [ref["external_id"] for ref in draft["external_references"]].index("amber-note")
    assert draft["granular_markings"] == [
        {"marking_ref": AMBER, "selectors": [f"external_references.[{index}]"]}]


# --- the mapping -------------------------------------------------------------------------

def test_the_seed_maps_actors_judgments_relationships_and_sources():
    text = export(ROOT / "content")
    isis, work, iraq = named(text, "ISIS"), named(text, "Bob Work"), named(text, "Iraq")
    assert isis["type"] == "threat-actor" and "Daesh" in isis["aliases"]
    assert (work["type"], work["identity_class"]) == ("identity", "individual")
    assert (iraq["type"], iraq["identity_class"]) == ("identity", "organization")
    assert "Republic of Iraq" in iraq["x_briefings_aliases"]

    [report] = by_type(text, "report")
    assert report["published"].startswith("2026-11-25T00:00:00")
    assert report["description"].startswith("Iraq has entered an intelligence-sharing")
    actors = {obj["id"] for obj in objects(text) if obj["type"] in ("identity", "threat-actor")
              and obj["name"] != "Briefings generator"}
    notes = by_type(text, "note")
    relationships = by_type(text, "relationship")
    assert set(report["object_refs"]) == (actors | {n["id"] for n in notes}
                                          | {r["id"] for r in relationships})
    # ICD 203 terms through the DNI scale of STIX 2.1 Appendix A.
    judged = {n["x_briefings_likelihood"]: (n["confidence"], n["x_briefings_analytic_confidence"])
              for n in notes}
    assert judged == {"very likely": (85, "moderate"), "roughly even chance": (50, "low"),
                      "likely": (70, "low")}
    assert all(n["object_refs"] == [report["id"]] for n in notes)
    sharing = [r for r in relationships if r["relationship_type"] == "shares-intelligence-with"
               and r["source_ref"] == iraq["id"]]
    assert len(sharing) == 3 and all(r["external_references"] for r in sharing)
    [source] = report["external_references"]
    assert source["external_id"] == "us-fears-compromise-of-military-secrets"
    assert (source["x_briefings_admiralty_reliability"],
            source["x_briefings_admiralty_credibility"]) == ("F", 6)


def test_fights_by_an_armed_group_is_targets_with_the_verb_kept(tmp_path):
    content = tmp_path / "content"
    network.write_corpus(content)
    briefing = content / "briefings" / "b04.yml"
    briefing.write_text(briefing.read_text(encoding="utf-8").replace(
        "{subject: delta-council, type: opposes, object: gamma-front",
        "{subject: gamma-front, type: fights, object: delta-council"), encoding="utf-8")
    text = export(content)
    front, council = named(text, "Gamma Front"), named(text, "Delta Council")
    [fight] = [r for r in by_type(text, "relationship") if r["source_ref"] == front["id"]]
    assert (fight["relationship_type"], fight["x_briefings_verb"]) == ("targets", "fights")
    assert fight["target_ref"] == council["id"]
    # A state fighting the armed group keeps the verb: STIX suggests nothing for it.
    alpha = named(text, "Alphaland")
    assert {r["relationship_type"] for r in by_type(text, "relationship")
            if r["source_ref"] == alpha["id"] and r["target_ref"] == front["id"]} == {"fights"}


# --- the command -------------------------------------------------------------------------

def test_out_writes_the_file_and_a_bad_profile_is_one_line(corpus, tmp_path):
    out = tmp_path / "bundle.json"
    runner = CliRunner()
    result = runner.invoke(main, ["export", "stix", "--content", str(corpus), "--profiles",
                                  str(PROFILES), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert out.read_text(encoding="utf-8") == export(corpus)
    result = runner.invoke(main, ["export", "stix", "--content", str(corpus), "--profiles",
                                  str(PROFILES), "--profile", "publik"])
    assert result.exit_code == 1
    assert result.output.splitlines()[0].endswith(
        "no publishing profile 'publik' (did you mean 'public'?)")


# --- the site ----------------------------------------------------------------------------

def test_the_built_site_has_the_bundle_the_command_writes(built_site):
    assert (built_site / "stix.json").read_text(encoding="utf-8") == export(ROOT / "content")


def test_a_site_built_for_a_profile_has_that_profile_s_bundle(tmp_path):
    project = copy_project(ROOT, tmp_path / "project")
    shutil.rmtree(project / "content")
    network.write_corpus(project / "content")
    result = mkdocs_build(project, tmp_path / "site", BRIEFINGS_PROFILE="internal")
    assert result.returncode == 0, result.stdout + result.stderr
    built = (tmp_path / "site" / "stix.json").read_text(encoding="utf-8")
    assert built == export(project / "content", "internal")
    assert network.EMBARGO_TITLE in built and network.DRAFT_TITLE not in built
