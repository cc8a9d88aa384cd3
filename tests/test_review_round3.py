"""The English revised after the two legal reviews of 4 December 2026 (issue 27): the old wordings must not return."""
from __future__ import annotations

import re

import pytest

from planreader.data.model import walk
from planreader.data.units import all_units
from planreader.paths import ROOT

# unit id → (wording the reviews rejected, wording that replaced it)
REVISED = {
    "bodies:financial-markets-supervisory-authority:name":
        ("Financial Markets Supervisory Authority", "Financial Market Supervisory Authority"),
    "nap-2014-2018:m-13-3-9:executors":
        ("Financial Markets Supervisory Authority", "Financial Market Supervisory Authority"),
    "nap-2014-2018:p-3-2": ("shall be ensured", "will be ensured"),
    "nap-2014-2018:m-13-1-4:text": ("mobile telephone facilities", "mobile phones"),
    "nap-2014-2018:m-13-9-3:text": ("preparing and showing programmes", "preparing programmes, and showing them"),
    "cis-2007-2010:m-2-13:text": ("legal entities", "legal persons"),
    "cis-2007-2010:m-2-4-ch:text": ("houses of assignation", "brothels"),
    "cis-2007-2010:passport-name": ("(hereinafter, the Programme)", "(hereinafter — the Programme)"),
    "bodies:cis-council-of-tax-investigation-bodies:name": ("Coordinating Council", "Coordination Council"),
    "cis-2007-2010:m-1-1:text": ("question of accession to", "question of becoming parties to"),
    "cis-2007-2010:m-1-1:executors": ("have not acceded to", "that are not parties to"),
    "nap-2014-2018:p-4-4": ("counter-trafficking measures", "the measures to combat it"),
    "cis-2007-2010:programme-title": ("Independent States: Combating", "Independent States — Combating"),
    "nap-2014-2018:m-13-9-1:executors": ("State Civil Aviation Administration", "Civil Aviation Administration"),
    "cis-2007-2010:m-1-2-b:text": ("The Agreement of 25 November 2005", "the Agreement of 25 November 2005"),
}


@pytest.fixture(scope="module")
def english(catalog):
    return {u.id: u.text.en for u in all_units(catalog)}


@pytest.mark.parametrize("unit", sorted(REVISED))
def test_the_reviewed_wording_replaced_the_old_one(english, unit):
    old, new = REVISED[unit]
    matches = [k for k in english if k == unit or k.startswith(unit)]
    assert matches, f"no unit {unit}"
    text = " ".join(english[k] or "" for k in matches)
    assert old not in text and new in text


def test_no_english_unit_keeps_a_rejected_wording(english):
    rejected = ["Financial Markets Supervisory", "mobile telephone facilities", "houses of assignation",
                "dens of vice", "Coordinating Council", "(hereinafter, the", "juvenile affairs",
                "(money laundering)", "Milli Majlis (National Assembly)"]
    # The plans' English (the glossary's own definitions may gloss a term, as legalisation's "(money laundering)")
    left = {k: w for k, t in english.items() for w in rejected if t and w in t and not k.startswith("glossary:")}
    assert left == {}


def test_the_newspaper_is_named_one_way(catalog):
    outlets = [p.outlet.en for p in catalog.documents["nap-2014-2018"].publications if p.outlet]
    assert "“Azərbaycan” newspaper" in outlets and "Azerbaijan newspaper" not in outlets


def test_the_readme_counts_the_glossary_concepts_from_the_data(catalog):
    said = re.search(r"`glossary/terms\.yml`: (\d+) concepts", (ROOT / "README.md").read_text())
    assert said and int(said.group(1)) == len(catalog.glossary)


@pytest.mark.parametrize("unit", ["nap-2014-2018:p-8-1", "nap-2014-2018:m-13-6-1:text"])
def test_safety_under_the_criminal_proceedings_law_is_for_persons_who_suffered_harm(english, unit):
    text = " ".join(v or "" for k, v in english.items() if k.startswith(unit))
    assert "persons who have suffered harm from trafficking in human beings" in text
    assert "persons affected by trafficking" not in text


def test_glossary_definitions_revised_after_the_reviews(catalog):
    g = catalog.glossary
    assert "members of a victim's family" not in g["person-affected-by-trafficking"].definition.en
    assert "have not ratified its Charter" in g["member-states"].definition.en
    assert "legal capacity a court has restricted" in g["trusteeship"].definition.en


def test_the_lanzarote_note_argues_from_2014_not_2019(catalog):
    note = next(n for n, _ in walk(catalog.documents["nap-2014-2018"].body) if n.id == "p-3-3").translator_note
    assert "had not ratified it in 2014" in note and "as the call to ratify in this paragraph shows" not in note


def test_the_measures_table_header_reads_measure_in_both_documents(catalog):
    # Review b, m5: «Tədbirin adı» was "Measure" in one document and "Name of the measure" in the other.
    headers = {doc.id: [cell.en for node, _ in walk(doc.body) if node.kind == "row" and "header" in node.id
                        for cell in node.cells or []]
               for doc in catalog.documents.values()}
    assert all("Name of the measure" not in cells for cells in headers.values())
    assert all("Measure" in cells for cells in headers.values()), headers


def test_laws_cited_as_glossary_sources_are_titled_in_their_official_form(catalog):
    # Review b, m13: every law a glossary entry comes from is cited as Law … “On …”.
    laws = sorted({t.source.en for t in catalog.glossary.values() if t.source and t.source.en.startswith("Law ")})
    assert laws and all("“On " in law for law in laws), laws
