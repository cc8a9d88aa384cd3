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


def test_untranslated_export_holds_only_new_units(catalog):
    text, count = export(catalog, only="new")
    assert count == sum(1 for u in all_units(catalog) if not u.text.en)


def test_stale_export_holds_the_unit_whose_azerbaijani_changed(data_copy):
    import re
    from planreader.data.load import load_catalog
    state = data_copy / "translation-state.yml"
    text = state.read_text(encoding="utf-8")
    unit_id, fp = re.search(r"^  ([^:\s]+:[^:\s]+:[^:\s]+): '?([0-9a-f]{12})'?$", text, re.M).groups()
    state.write_text(text.replace(fp, "'ffffffffffff'", 1), encoding="utf-8")
    xml, count = export(load_catalog(data_copy), only="needs-review-translation")
    assert count == 1
    assert [tu.get("id") for tu in ET.fromstring(xml).iter(X + "trans-unit")] == [unit_id]
