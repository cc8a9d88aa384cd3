"""English text, glossary, terminology check, translation status, exchange formats and UI catalogs."""
from __future__ import annotations

import datetime as dt
import re
import subprocess
import sys
import xml.etree.ElementTree as ET

import pytest
import yaml

from conftest import ROOT, run_command
from planreader.translation.glossary import occurs_az, occurs_en
from planreader.i18n import act_date, az_ordinal_suffix, long_date
from planreader.data.load import load_catalog
from planreader.translation.terminology import misses, occurrences
from planreader.data.units import all_units
from planreader.translation.status import fingerprint


def test_every_unit_has_english(catalog):
    units = list(all_units(catalog))
    assert len(units) > 600
    assert [u.id for u in units if not u.text.en.strip()] == []


def test_english_is_not_a_copy_of_the_azerbaijani(catalog):
    same = [u.id for u in all_units(catalog) if u.text.en == u.text.az and any(c in u.text.az for c in "əğıöüşçƏĞİÖÜŞÇ")]
    assert same == []


def test_glossary_is_substantial_and_used(catalog):
    assert len(catalog.glossary) > 60
    found = occurrences(catalog)
    unused = [t for t, units in found.items() if not units]
    assert unused == []  # every concept occurs in some text; a concept that occurs nowhere is listed by make status
    for t in catalog.glossary.values():
        assert t.definition.az and t.definition.en and t.az.term and t.en.term


def test_azerbaijani_inflected_forms_are_found():
    from planreader.data.model import Term
    t = Term.model_validate({"id": "victim", "az": {"term": "qurban", "forms": ["qurbanlarının", "qurbanı"]},
                             "en": {"term": "victim"}, "definition": {"az": "x", "en": "y"}})
    assert occurs_az(t, "insan alveri QURBANLARININ hüquqları")
    assert not occurs_az(t, "qurbanlıq")  # a different word that merely starts the same
    assert occurs_en(t, "Victims of trafficking") and not occurs_en(t, "victimology")


def test_terminology_check_passes_on_the_real_data(catalog):
    found, stale = misses(catalog)
    assert found == [] and stale == [], [str(m) for m in found][:5] + stale


def test_terminology_check_catches_a_planted_inconsistency(data_copy):
    path = data_copy / "measures" / "nap-2014-2018.yml"
    text = path.read_text(encoding="utf-8")
    assert text.count("forced labour") >= 2
    path.write_text(text.replace("forced labour", "compulsory work", 1), encoding="utf-8")
    found, _ = misses(load_catalog(data_copy))
    assert any(m.term == "forced-labour" and "compulsory work" in m.english for m in found)
    proc = run_command("status", data=data_copy)
    assert proc.returncode == 1 and "forced-labour" in proc.stdout


def test_a_reviewed_exception_silences_one_miss_and_a_stale_one_is_reported(data_copy):
    path = data_copy / "measures" / "nap-2014-2018.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("forced labour", "compulsory work", 1), encoding="utf-8")
    (miss,) = [m for m in misses(load_catalog(data_copy))[0] if m.term == "forced-labour"]
    exc = data_copy / "glossary" / "exceptions.yml"
    data = yaml.safe_load(exc.read_text(encoding="utf-8")) or {}
    data.setdefault("exceptions", []).append({"unit": miss.unit, "term": "forced-labour", "reason": "Reviewed: planted for the test."})
    exc.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    found, stale = misses(load_catalog(data_copy))
    assert not [m for m in found if m.term == "forced-labour"] and stale == []
    path.write_text(path.read_text(encoding="utf-8").replace("compulsory work", "forced labour", 1), encoding="utf-8")
    found, stale = misses(load_catalog(data_copy))
    assert any(miss.unit in s and "no longer needed" in s for s in stale)


AZ_CHANGED = "Needs review: the Azerbaijani changed since the English was reviewed"
EN_CHANGED = "Needs review: the English changed since it was reviewed"


def test_status_reports_a_stale_translation(data_copy):
    proc = run_command("status", data=data_copy)
    assert "Untranslated: 0" in proc.stdout and f"{AZ_CHANGED}: 0" in proc.stdout
    path = data_copy / "measures" / "nap-2014-2018.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("telefon «qaynar xətt»in", "telefon «qaynar xətti»nin", 1),
                    encoding="utf-8")
    proc = run_command("status", data=data_copy)
    assert proc.returncode == 1
    assert f"{AZ_CHANGED}: 1\n  nap-2014-2018:m-13-2-1:text" in proc.stdout
    assert run_command("status", "--reviewed", "nap-2014-2018:m-13-2-1:text", data=data_copy).returncode == 0
    assert f"{AZ_CHANGED}: 0" in run_command("status", data=data_copy).stdout


def test_an_english_only_revision_needs_review_until_reviewed(data_copy):
    path = data_copy / "measures" / "nap-2014-2018.yml"
    text = path.read_text(encoding="utf-8")
    assert text.count('en: "on a regular basis"') > 1
    path.write_text(text.replace('en: "on a regular basis"', 'en: "regularly"', 1), encoding="utf-8")
    proc = run_command("status", data=data_copy)
    assert proc.returncode == 1 and f"{AZ_CHANGED}: 0" in proc.stdout
    (changed,) = re.findall(rf"{EN_CHANGED}: 1\n  (\S+)  regularly\n", proc.stdout)
    assert run_command("status", "--reviewed", changed, "--by", "A. Translator", data=data_copy).returncode == 0
    entry = re.search(rf"^  {re.escape(changed)}: (.*)$", (data_copy / "translation-state.yml").read_text("utf-8"), re.M)
    az, en = fingerprint("mütəmadi"), fingerprint("regularly")
    assert entry.group(1) == f"{{az: '{az}', en: '{en}', by: \"A. Translator\", date: {dt.date.today().isoformat()}}}"
    proc = run_command("status", data=data_copy)
    assert proc.returncode == 0 and f"{EN_CHANGED}: 0" in proc.stdout


def test_status_counts_the_translators_notes(catalog):
    from planreader.translation.status import translator_notes
    notes = translator_notes(catalog)
    assert [where for where, _ in notes] == ["nap-2014-2018:p-3-3", "nap-2014-2018:m-13-9-1"]
    proc = run_command("status")
    assert "Translators' notes: 2\n  nap-2014-2018:p-3-3  «qoşulduğu» literally reads" in proc.stdout


def test_status_lists_untranslated_units(data_copy):
    path = data_copy / "bodies.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("en: Ministry of Health}", "en: ''}", 1), encoding="utf-8")
    proc = run_command("status", data=data_copy)
    assert "Untranslated: 1" in proc.stdout and "bodies:ministry-of-health:name" in proc.stdout


def test_tbx_is_well_formed_with_one_entry_per_concept(site, catalog):
    ns = {"t": "urn:iso:std:iso:30042:ed-2"}
    root = ET.parse(site / "data" / "glossary.tbx").getroot()
    assert root.tag == "{urn:iso:std:iso:30042:ed-2}tbx" and root.get("type") == "TBX-Basic"
    entries = root.findall(".//t:conceptEntry", ns)
    assert len(entries) == len(catalog.glossary)
    assert len({e.get("id") for e in entries}) == len(entries)
    lang = "{http://www.w3.org/XML/1998/namespace}lang"
    for e in entries:
        secs = {s.get(lang): s for s in e.findall("t:langSec", ns)}
        assert set(secs) == {"az", "en"}
        t = catalog.glossary[e.get("id")]
        assert secs["az"].find("t:termSec/t:term", ns).text == t.az.term
        assert secs["en"].find("t:termSec/t:term", ns).text == t.en.term
        assert secs["en"].find("t:termSec/t:termNote", ns).text == "preferredTerm-admn-sts"


def test_glossary_csv_and_json(site, catalog):
    import csv
    import json
    rows = list(csv.DictReader((site / "data" / "glossary.csv").open(encoding="utf-8-sig")))
    assert len(rows) == len(catalog.glossary) and {"id", "term_az", "term_en", "definition_az", "definition_en"} <= set(rows[0])
    data = json.loads((site / "data" / "glossary.json").read_text(encoding="utf-8"))
    assert {d["id"] for d in data} == set(catalog.glossary)


def test_babel_catalogs_compile_with_nothing_untranslated(tmp_path):
    from babel.messages.pofile import read_po
    for lang in ("az", "en"):
        po = ROOT / "locale" / lang / "LC_MESSAGES" / "messages.po"
        catalog = read_po(po.open("rb"), locale=lang)
        untranslated = [m.id for m in catalog if m.id and (not m.string or m.fuzzy)]
        assert untranslated == [], (lang, untranslated)
        out = tmp_path / f"{lang}.mo"
        proc = subprocess.run([str(ROOT / ".venv" / "bin" / "pybabel") if (ROOT / ".venv" / "bin" / "pybabel").exists()
                               else "pybabel", "compile", "-i", str(po), "-o", str(out), "-l", lang, "--statistics"],
                              capture_output=True, text=True)
        assert proc.returncode == 0 and out.stat().st_size > 500, proc.stderr


def test_catalog_covers_every_string_in_the_code(tmp_path):
    pot = tmp_path / "messages.pot"
    subprocess.run([sys.executable, "-m", "babel.messages.frontend", "-q", "extract", "-F", "babel.cfg", "-k", "N_",
                    "--no-location", "-o", str(pot), "."], cwd=ROOT, check=True)
    from babel.messages.pofile import read_po
    ids = {m.id for m in read_po(pot.open("rb")) if m.id}
    az = {m.id for m in read_po((ROOT / "locale" / "az" / "LC_MESSAGES" / "messages.po").open("rb"), locale="az") if m.string}
    assert ids - az == set(), "run `make i18n` and translate the new strings"


@pytest.mark.parametrize("year,suffix", [(2014, "-cü"), (2016, "-cı"), (2010, "-cu"), (2008, "-ci"), (2009, "-cu"), (2000, "-ci")])
def test_azerbaijani_ordinal_suffix(year, suffix):
    assert az_ordinal_suffix(year) == suffix


def test_dates_are_formatted_per_locale():
    d = dt.date(2014, 7, 24)
    assert long_date(d, "az") == "24 iyul 2014" and long_date(d, "en") == "24 July 2014"
    assert act_date(d, "az") == "2014-cü il 24 iyul"


def test_translated_interface_strings_keep_their_placeholders(tmp_path, monkeypatch):
    from planreader import i18n
    assert i18n.placeholder_problems("az") == [] and i18n.placeholder_problems("en") == []
    po = (ROOT / "locale" / "az" / "LC_MESSAGES" / "messages.po").read_text(encoding="utf-8")
    broken = po.replace('msgstr "{year} ildə"', 'msgstr "{il} ildə"', 1)
    assert broken != po
    (tmp_path / "az" / "LC_MESSAGES").mkdir(parents=True)
    (tmp_path / "az" / "LC_MESSAGES" / "messages.po").write_text(broken, encoding="utf-8")
    monkeypatch.setattr(i18n, "LOCALE_DIR", tmp_path)
    (problem,) = i18n.placeholder_problems("az")
    line = broken[: broken.index('msgstr "{il} ildə"')].count("\n")  # the msgid's line, just above
    assert problem == (f"locale/az/LC_MESSAGES/messages.po:{line}: msgid 'in {{year}}': the translation must keep the "
                       "placeholders ['year'] (it has ['il'])")
    # and a page still renders: the stray placeholder is shown, not a traceback
    assert i18n.fill("{il} ildə {year}", year="2016-cı") == "{il} ildə 2016-cı"
