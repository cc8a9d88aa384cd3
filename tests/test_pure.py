"""Fast, exact tests of the pure functions every page depends on: identifiers, ranges, executors cells, escaping
and linking, located errors, Azerbaijani order."""
from __future__ import annotations

import pytest
import yaml

from planreader import ids
from planreader.azerbaijani import az_lower, initial, sort_key
from planreader.data.catalog import expand_refs
from planreader.data.errors import DataError, locate
from planreader.data.executors import find_bodies
from planreader.i18n import fill


# --- identifiers -----------------------------------------------------------------------------------------------
@pytest.mark.parametrize("num,label,anchor", [
    ("13.2.9", None, "m-13-2-9"), ("2.4", "a", "m-2-4-a"), ("2.4", "ç", "m-2-4-ch"), ("1.5", "ə", "m-1-5-ae"),
    ("2.10", None, "m-2-10"), ("1.2", "ı", "m-1-2-iy"), ("1.2", "ş", "m-1-2-sh"),
])
def test_measure_and_subitem_anchors_are_ascii_and_parse_back(num, label, anchor):
    built = ids.subitem_anchor(num, label) if label else ids.measure_anchor(num)
    assert built == anchor and built.isascii()
    parsed = ids.parse_anchor(anchor)
    assert (parsed.kind, parsed.num, parsed.label) == ("subitem" if label else "measure", num, label)


def test_numbers_that_slugify_alike_get_different_anchors():
    # Python-Markdown's slugify turned both into "111"; ours keep the dots' places.
    assert ids.measure_anchor("1.11") != ids.measure_anchor("11.1")
    assert ids.parse_anchor("g-13-2").group == "13-2" and ids.parse_anchor("p-2-1-3").node == "p-2-1-3"


@pytest.mark.parametrize("link,path,target", [
    (ids.Permalink("nap-2014-2018"), "id/nap-2014-2018/", "nap-2014-2018/"),
    (ids.Permalink("nap-2014-2018", "13.2.9"), "id/nap-2014-2018/13.2.9/", "nap-2014-2018/measures/13-2-9/"),
    (ids.Permalink("cis-2007-2010", "2.4", "ç"), "id/cis-2007-2010/2.4/ç/", "cis-2007-2010/#m-2-4-ch"),
    (ids.Permalink("nap-2014-2018", "13.2.9", lang="en"), "id/en/nap-2014-2018/13.2.9/", "nap-2014-2018/measures/13-2-9/"),
])
def test_permanent_links_build_parse_and_point_to_pages(link, path, target):
    assert link.path == path and link.target == target
    assert ids.parse_permalink("/" + path) == link


@pytest.mark.parametrize("bad", ["/nap/13.2.9/", "/id/", "/id/en/", "/id/a/b/c/d/"])
def test_what_is_not_a_permanent_link_is_refused(bad):
    with pytest.raises(ValueError, match="not a permanent link"):
        ids.parse_permalink(bad)


def test_unit_ids_round_trip_and_refuse_nonsense():
    uid = ids.UnitId("nap-2014-2018", "m-13-2-9", "text")
    assert str(uid) == "nap-2014-2018:m-13-2-9:text" and ids.parse_unit_id(str(uid)) == uid
    with pytest.raises(ValueError, match="unit ids look like"):
        ids.parse_unit_id("nap-2014-2018:m-13-2-9")


@pytest.mark.parametrize("from_url,to_url,href", [
    ("nap-2014-2018/measures/13-2-9/", "bodies/state-security-service/", "../../../bodies/state-security-service/"),
    ("nap-2014-2018/", "nap-2014-2018/parallel/#m-13-5-7", "parallel/#m-13-5-7"),
    ("nap-2014-2018/", "nap-2014-2018/#p-2-1", "#p-2-1"),
    ("measures/", "measures/", "./"),
    ("", "measures/", "measures/"),
])
def test_links_between_pages_are_relative(from_url, to_url, href):
    assert ids.relative(from_url, to_url) == href


@pytest.mark.parametrize("letter,anchor", [("Ə", "letter-ae"), ("I", "letter-iy"), ("İ", "letter-i"), ("X", "letter-x"),
                                           ("Ç", "letter-ch"), ("Ü", "letter-ue")])
def test_index_letters_get_distinct_ascii_anchors(letter, anchor):
    assert ids.letter_anchor(letter) == anchor


# --- closing-note ranges -----------------------------------------------------------------------------------------
KNOWN = ["13.3.1", "13.3.2", "13.3.3", "13.3.4", "13.3.5", "13.4.1"]


def test_ranges_expand_in_document_order():
    assert expand_refs(["13.3.3-13.3.5", "13.4.1"], KNOWN) == ["13.3.3", "13.3.4", "13.3.5", "13.4.1"]
    assert expand_refs(["13.3.2"], KNOWN) == ["13.3.2"]


@pytest.mark.parametrize("ref,message", [
    ("13.3.3-13.3.15", "measure 13.3.15 (in '13.3.3-13.3.15') does not exist; valid numbers run 13.3.1 … 13.4.1"),
    ("13.3.5-13.3.3", "range '13.3.5-13.3.3' must run forward within one group"),
    ("13.3.5-13.4.1", "range '13.3.5-13.4.1' must run forward within one group"),
])
def test_bad_ranges_are_refused_saying_why(ref, message):
    with pytest.raises(ValueError) as e:
        expand_refs([ref], KNOWN)
    assert str(e.value) == message


# --- executors cells ---------------------------------------------------------------------------------------------
FORMS = [("Ailə, Qadın və Uşaq Problemləri üzrə Dövlət Komitəsi", "family"), ("Səhiyyə Nazirliyi", "health"),
         ("Nəqliyyat, Rabitə və Yüksək Texnologiyalar Nazirliyi", "transport"),
         ("Rabitə və Yüksək Texnologiyalar Nazirliyi", "communications"), ("digər aidiyyəti dövlət orqanları", "others")]


def test_a_comma_inside_a_name_never_splits_it():
    named, rest = find_bodies("Ailə, Qadın və Uşaq Problemləri üzrə Dövlət Komitəsi, Səhiyyə Nazirliyi", FORMS, ["və"])
    assert (named, rest) == (["family", "health"], "")


def test_the_longest_name_wins():
    named, rest = find_bodies("Nəqliyyat, Rabitə və Yüksək Texnologiyalar Nazirliyi", FORMS, ["və"])
    assert (named, rest) == (["transport"], "")


def test_words_that_name_no_body_are_left_over():
    named, rest = find_bodies("Səhiyyə Nazirliyi və digər aidiyyəti dövlət orqanları, Turizm Agentliyi", FORMS, ["və"])
    assert (named, rest) == (["health", "others"], "Turizm Agentliyi")


# --- located errors ----------------------------------------------------------------------------------------------
def test_an_error_is_located_at_its_record_and_field():
    text = "bodies:\n  - id: a\n    name: {az: A}\n  - id: b\n    kind: x\n    name:\n      az: B\n"
    raw, tree = yaml.safe_load(text), yaml.compose(text)
    assert locate(raw, tree, ("bodies", 1, "name", "en")) == (7, "body b", "name.en")  # the mapping that lacks it
    assert locate(raw, tree, ("bodies", 1, "kind")) == (5, "body b", "kind")
    assert str(DataError("data/bodies.yml", "required field is missing", 7, "body b", "name.en")) == \
        "data/bodies.yml:7: body b: name.en: required field is missing"


# --- Azerbaijani order and casing --------------------------------------------------------------------------------
def test_azerbaijani_casing_keeps_dotted_and_dotless_i_apart():
    assert az_lower("İŞLƏR") == "işlər" and az_lower("IRAQ") == "ıraq" and "İ".lower() != "i"


@pytest.mark.parametrize("first,second", [
    ("Ekologiya", "Ədliyyə"), ("Ədliyyə", "Əmək"), ("Həmin", "Xarici"), ("Xarici", "Iraq"), ("Iraq", "İqtisadiyyat"),
    ("Kənd", "Qəyyumluq"), ("Qəyyumluq", "Lənkəran"), ("Cəmiyyət", "Çay"), ("Ocaq", "Ölkə"), ("Sərhəd", "Şura"),
    ("Uşaq", "Üzv"), ("Gənc", "Ğ"), ("13.1", "Ailə"),
])
def test_azerbaijani_alphabet_order(first, second):
    assert sort_key(first, "az") < sort_key(second, "az")


def test_index_initials_follow_azerbaijani_capitals():
    assert [initial(w, "az") for w in ("ilham", "ıraq", "əmək", "«Azərbaycan")] == ["İ", "I", "Ə", "A"]


# --- interface strings -------------------------------------------------------------------------------------------
def test_placeholders_are_filled_and_stray_braces_survive():
    assert fill("in {year}", year="2016-cı") == "in 2016-cı"
    assert fill("{start}–{end} {x} {", start=2014, end=2018) == "2014–2018 {x} {"


@pytest.mark.parametrize("link, title", [
    (ids.Permalink("nap-2014-2018", "13.3.7"), "MFP 2014–2018, tədbir 13.3.7"),
    (ids.Permalink("nap-2014-2018", "13.3.7", lang="en"), "NAP 2014–2018, measure 13.3.7"),
    (ids.Permalink("cis-2007-2010", "2.4", "ç"), "MDB 2007–2010, tədbir 2.4 ç)"),
    (ids.Permalink("cis-2007-2010", lang="en"), "CIS 2007–2010"),
])
def test_a_permanent_links_page_is_titled_for_people_not_by_ids(catalog, link, title):
    """Shared-link previews show the redirect page's <title>: the plan's label and the measure, not internal ids."""
    from planreader.publish.redirects import link_title, redirect_page
    assert link_title(link, catalog) == title
    assert f"<title>{title}</title>" in redirect_page(link, catalog)
