"""The XLIFF export: one trans-unit per translatable unit, with source, target, state and page."""
import xml.etree.ElementTree as ET

from planreader.data.units import all_units
from planreader.translation.xliff import NS, export

X = f"{{{NS}}}"


def test_export_has_every_unit_once(catalog):
    text, count = export(catalog)
    units = list(all_units(catalog))
    tus = ET.fromstring(text).iter(X + "trans-unit")
    by_id = {tu.get("id"): tu for tu in tus}
    assert count == len(units) == len(by_id)
    u = units[0]
    assert by_id[u.id].find(X + "source").text == u.text.az
    assert by_id[u.id].find(X + "note").text == f"page: {u.page}"


def test_notes_give_the_translators_note_and_the_glossary_terms_of_the_unit(catalog):
    tu = next(t for t in ET.fromstring(export(catalog)[0]).iter(X + "trans-unit")
              if t.get("id") == "nap-2014-2018:p-3-3:text")
    notes = [(n.get("from"), n.text) for n in tu.iter(X + "note")]
    assert notes[0] == ("planreader", "page: nap-2014-2018/#p-3-3")
    assert notes[1][0] == "translator" and notes[1][1].startswith("translator's note: «qoşulduğu» literally reads")
    assert ("glossary", "glossary: istismar = 'exploitation'") in notes
    assert ("glossary", "glossary: insan alveri = 'trafficking in human beings' or an admitted variant "
                        "('trafficking in persons')") in notes


def test_an_english_revision_exports_as_needing_review(data_copy):
    from planreader.data.load import load_catalog
    path = data_copy / "documents" / "nap-2014-2018.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("  en: Baku\n", "  en: Baku city\n", 1), encoding="utf-8")
    xml, count = export(load_catalog(data_copy), only="needs-review-translation")
    (tu,) = ET.fromstring(xml).iter(X + "trans-unit")
    assert count == 1 and tu.get("id") == "nap-2014-2018:meta:place"
    assert tu.find(X + "target").get("state") == "needs-review-translation"


def test_an_empty_export_is_still_valid_xliff_with_one_file(catalog):
    root = ET.fromstring(export(catalog, only="new")[0])
    assert [f.get("original") for f in root.iter(X + "file")] == ["data"] and not list(root.iter(X + "trans-unit"))


def test_untranslated_export_holds_only_new_units(catalog):
    text, count = export(catalog, only="new")
    assert count == sum(1 for u in all_units(catalog) if not u.text.en)


def test_stale_export_holds_the_unit_whose_azerbaijani_changed(data_copy):
    import re
    from planreader.data.load import load_catalog
    state = data_copy / "translation-state.yml"
    text = state.read_text(encoding="utf-8")
    unit_id, fp = re.search(r"^  ([^:\s]+:[^:\s]+:[^:\s]+): \{az: '([0-9a-f]{12})'", text, re.M).groups()
    state.write_text(text.replace(f"az: '{fp}'", "az: 'ffffffffffff'", 1), encoding="utf-8")
    xml, count = export(load_catalog(data_copy), only="needs-review-translation")
    assert count == 1
    assert [tu.get("id") for tu in ET.fromstring(xml).iter(X + "trans-unit")] == [unit_id]
