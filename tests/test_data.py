"""The structured copy of both documents: counts, executors, deadlines, ranges and references."""
from __future__ import annotations

from collections import Counter

import pytest

from planreader.data.model import AZ_LETTERS

NAP, CIS = "nap-2014-2018", "cis-2007-2010"


def test_nap_has_60_measures_in_9_groups(catalog):
    groups = catalog.measure_files[NAP].groups
    assert [g.num for g in groups] == [f"13.{i}" for i in range(1, 10)]
    assert [len(g.measures) for g in groups] == [8, 10, 9, 6, 9, 2, 3, 6, 7]
    nums = [m.num for m in catalog.measures_of(NAP)]
    assert len(nums) == 60 and nums[0] == "13.1.1" and nums[-1] == "13.9.7"


def test_cis_has_21_measures_and_ends_at_2_13(catalog):
    groups = catalog.measure_files[CIS].groups
    assert [(g.num, len(g.measures)) for g in groups] == [("1", 8), ("II", 13)]
    assert [m.num for m in catalog.measures_of(CIS)][-4:] == ["2.10", "2.11", "2.12", "2.13"]
    doc = catalog.documents[CIS]
    assert doc.source.complete is False and "2.13" in doc.source.note.az and "2.13" in doc.source.note.en


@pytest.mark.parametrize("doc,num,executors,deadline", [
    (NAP, "13.2.9", ["state-security-service", "ministry-of-internal-affairs",
                     "ministry-of-communications-and-high-technologies"], ("mütəmadi", None, None, True)),
    (NAP, "13.1.1", ["cabinet-of-ministers", "ministry-of-internal-affairs", "ministry-of-justice",
                     "ministry-of-foreign-affairs", "state-committee-for-family-women-and-children",
                     "ministry-of-labour-and-social-protection", "state-migration-service"], ("2014-2016", 2014, 2016, False)),
    (NAP, "13.1.2", ["cabinet-of-ministers", "state-committee-for-family-women-and-children",
                     "ministry-of-foreign-affairs"], ("2016", 2016, 2016, False)),
    (NAP, "13.9.1", ["ministry-of-transport-communications-and-high-technologies", "state-border-service",
                     "state-customs-committee", "civil-aviation-administration", "state-maritime-administration"],
     ("mütəmadi", None, None, True)),
    (NAP, "13.5.1", ["guardianship-and-trusteeship-bodies", "juvenile-commissions"], ("mütəmadi", None, None, True)),
    (CIS, "1.3", ["cis-council-of-ministers-of-internal-affairs", "cis-council-of-prosecutors-general",
                  "cis-council-of-heads-of-security-services"], ("2007-2009-cu illər", 2007, 2009, False)),
    (CIS, "1.4", ["cis-interparliamentary-assembly"], ("2008-ci il", 2008, 2008, False)),
    (CIS, "2.9", ["cis-council-of-border-troops-commanders"], ("2007-2010-cu illər", 2007, 2010, False)),
])
def test_executors_and_deadlines(catalog, doc, num, executors, deadline):
    m = catalog.measure(doc, num).measure
    assert m.executors == executors
    d = m.deadline
    assert (d.text.az, d.start, d.end, d.regular) == deadline


def test_executor_lists_are_not_comma_lists(catalog):
    # "Ailə, Qadın və Uşaq Problemləri üzrə Dövlət Komitəsi" is one body, despite its commas.
    m = catalog.measure(NAP, "13.1.3").measure
    assert "Ailə, Qadın və Uşaq Problemləri üzrə Dövlət Komitəsi" in m.executors_text.az
    assert m.executors.count("state-committee-for-family-women-and-children") == 1
    # "Səhiyyə Nazirliyi və digər aidiyyəti dövlət orqanları" is two.
    m = catalog.measure(NAP, "13.2.10").measure
    assert m.executors[-2:] == ["ministry-of-health", "other-relevant-state-bodies"]


def test_bodies_to_be_involved_are_kept_apart(catalog):
    involving = {pm.num for pm in catalog.measures if pm.measure.involving}
    assert involving == {"13.2.3", "13.5.6", "13.9.1", "13.9.2", "13.9.3", "13.9.6"}
    assert all(pm.measure.involving == ["relevant-ngos"] for pm in catalog.measures if pm.measure.involving)


def test_amended_text_is_recorded(catalog):
    amended = {pm.num: pm.measure.amended_executors for pm in catalog.measures if pm.measure.amended_executors}
    sss = [n for n, ids in amended.items() if "state-security-service" in ids]
    assert len(sss) == 11
    assert amended["13.3.9"] == ["financial-markets-supervisory-authority", "state-security-service"]
    assert amended["13.9.1"] == ["ministry-of-transport-communications-and-high-technologies"]
    # 13.1.4 keeps the former Ministry of National Security, unmarked.
    assert "13.1.4" not in amended
    assert "ministry-of-national-security" in catalog.measure(NAP, "13.1.4").measure.executors


def test_closing_note_ranges_are_expanded(catalog):
    def who(num):
        return set(catalog.measure(NAP, num).participants)
    for num in ("13.3.3", "13.3.4", "13.3.5", "13.3.7", "13.3.8", "13.3.9"):
        assert "prosecutor-general" in who(num)
    assert "prosecutor-general" not in who("13.3.6")
    assert who("13.1.1") == {"prosecutor-general", "supreme-court", "ombudsman"}
    assert who("13.1.2") == {"ombudsman"} and who("13.1.3") == {"ombudsman"}
    assert who("13.4.4") == {"bar-association"}
    assert who("13.2.9") == {"press-council"} and who("13.9.5") == {"press-council"}
    total = Counter(b for pm in catalog.measures for b in pm.participants)
    assert total == {"prosecutor-general": 11, "supreme-court": 2, "bar-association": 2, "ombudsman": 5, "press-council": 2}


def test_every_reference_resolves(catalog):
    for pm in catalog.measures:
        m = pm.measure
        for bid in m.executors + m.involving + m.amended_executors + list(pm.participants):
            assert bid in catalog.bodies, (pm.num, bid)
    for b in catalog.bodies.values():
        if b.replaced_by:
            assert catalog.bodies[b.replaced_by.body].replaces.body == b.id
    for a in catalog.abbreviations.values():
        assert a.body is None or a.body in catalog.bodies


def test_succession_is_sourced(catalog):
    mns = catalog.bodies["ministry-of-national-security"]
    assert mns.replaced_by.body == "state-security-service" and "706" in mns.replaced_by.basis.en
    assert catalog.bodies["financial-markets-supervisory-authority"].replaces is None


def test_signatories_and_how_they_signed(catalog):
    from planreader.data.model import walk

    signs = {n.ref: n.status for n, _ in walk(catalog.documents[CIS].body) if n.kind == "signatory"}
    assert len(signs) == 11
    assert signs["azerbaijan"] == "signed-special-opinion" and signs["ukraine"] == "signed-reservation"
    assert {s for s, st in signs.items() if st == "not-signed"} == {"moldova", "georgia", "turkmenistan"}
    assert Counter(signs.values())["signed"] == 6


def test_abbreviations(catalog):
    listed = {"PAA", "BPƏŞ", "DİNŞ", "TORŞ", "VİORƏŞ", "GXRŞ", "SQKŞ", "ƏNŞ", "MCMƏB"}
    have = {a.abbreviation.az for a in catalog.abbreviations.values()}
    assert listed | {"MDB", "BMT"} <= have
    assert catalog.abbreviations["dins"].body == "cis-council-of-ministers-of-internal-affairs"


def test_subitem_labels_follow_the_azerbaijani_alphabet(catalog):
    labels = [s.label for s in catalog.measure(CIS, "2.4").measure.subitems]
    assert labels == ["a", "b", "c", "ç", "d", "e"] == AZ_LETTERS[:6]


def test_every_measure_is_translated_in_every_field(catalog):
    missing = [(pm.num, field) for pm in catalog.measures
               for field, t in [("text", pm.measure.text), ("executors", pm.measure.executors_text),
                                ("deadline", pm.measure.deadline.text)] + [(s.label, s.text) for s in pm.measure.subitems]
               if not t.en.strip() or t.en == t.az and any(c in t.az for c in "əğıöüşçƏĞİÖÜŞÇ")]
    assert missing == []
