"""The search's pure text functions, Python and JavaScript, against the same committed tables (fast, no browser)."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from jsrun import call_js
from planreader.search.expand import (AZ_HARDEN, AZ_MIN_STEM, AZ_SUFFIXES, DEFINITION_PATTERNS, NUMBER_PATTERN,
                                      NUMBER_WORDS, SPELLING_RULES, az_stems, correct, definition_subject,
                                      edit_distance, measure_number, spelling_variants, synonym_groups)
from planreader.search.lexicon import fold, pagefind_normal

HERE = Path(__file__).parent
FOLDING = yaml.safe_load((HERE / "folding_cases.yml").read_text(encoding="utf-8"))["fold"]


@pytest.fixture(scope="module")
def js_folding() -> list[tuple[str, str | None]]:
    calls = [["fold", c["in"]] for c in FOLDING] + [["pagefindNormal", c["in"]] for c in FOLDING]
    out = call_js(calls)
    return list(zip(out[:len(FOLDING)], out[len(FOLDING):]))


def test_the_folding_table_covers_the_letters_readers_leave_out():
    typed = "".join(c["in"] for c in FOLDING)
    assert set("əƏıİşŞçÇğĞöÖüÜ") <= set(typed)
    assert len(FOLDING) >= 30


@pytest.mark.parametrize("case", FOLDING, ids=[c["in"] for c in FOLDING])
def test_python_fold(case):
    assert fold(case["in"]) == case["out"]
    if "pagefind" in case:
        assert pagefind_normal(case["in"]) == case["pagefind"]


def test_javascript_fold_agrees_with_the_table_and_with_python(js_folding):
    wrong = [(c["in"], c["out"], js) for c, (js, _pf) in zip(FOLDING, js_folding) if js != c["out"]]
    assert not wrong, wrong
    drift = [(c["in"], pagefind_normal(c["in"]), pf) for c, (_js, pf) in zip(FOLDING, js_folding)
             if pf != pagefind_normal(c["in"])]
    assert not drift, drift


EXPANSION = yaml.safe_load((HERE / "expansion_cases.yml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", EXPANSION["az_stems"], ids=[c["in"] for c in EXPANSION["az_stems"]])
def test_python_azerbaijani_stems(case):
    assert az_stems(case["in"]) == case["out"]


@pytest.mark.parametrize("case", EXPANSION["spelling"], ids=[c["in"] for c in EXPANSION["spelling"]])
def test_python_spelling_variants(case):
    assert spelling_variants(case["in"]) == case["out"]


def test_javascript_expansion_agrees_with_the_table():
    stems, spells = EXPANSION["az_stems"], EXPANSION["spelling"]
    out = call_js([["azStems", c["in"], AZ_SUFFIXES, AZ_MIN_STEM, AZ_HARDEN] for c in stems]
                  + [["spellingVariants", c["in"], SPELLING_RULES] for c in spells])
    wrong = [(c["in"], c["out"], js) for c, js in zip(stems + spells, out) if js != c["out"]]
    assert not wrong, wrong


def test_every_spelling_rule_is_exercised():
    """A rule no case reaches could be wrong in either language unnoticed."""
    used = {i for c in EXPANSION["spelling"] if c["out"] for i, (p, _r) in enumerate(SPELLING_RULES)
            if re.search(p, fold(c["in"]))}
    assert used == set(range(len(SPELLING_RULES))), sorted(set(range(len(SPELLING_RULES))) - used)


def test_synonym_groups_hold_the_glossary_variants_and_reader_synonyms(catalog):
    en = synonym_groups(catalog, "en")
    assert ["money laundering", "legalisation of funds or other property", "legalisation of proceeds"] in en
    # the glossary term, its admitted variant, then the everyday names of aliases.yml
    assert ["trafficking in human beings", "trafficking in persons", "human trafficking", "people trafficking"] in en
    az = synonym_groups(catalog, "az")
    assert az[0] == ["cirkli pullarin yuyulmasi", "leqallasdirilmasi"]  # synonyms.yml first, folded
    assert ["pul vesaitleri ve ya diger emlakin leqallasdirilmasi", "leqallasdirilma"] in az  # glossary variant
    assert all(len(g) > 1 and all(p == fold(p) for p in g) for g in en + az)


def test_recall_and_mean_reciprocal_rank():
    from planreader.search.metrics import first_rank, mean_reciprocal_rank, recall_at, reciprocal_rank

    ranks = [1, 2, 3, 4, None]
    assert recall_at(ranks, 3) == 3 / 5
    assert recall_at(ranks, 1) == 1 / 5
    assert mean_reciprocal_rank(ranks) == pytest.approx((1 + 1 / 2 + 1 / 3 + 1 / 4 + 0) / 5)
    assert reciprocal_rank(None) == 0.0
    assert first_rank(["a", "b", "c"], {"c", "b"}) == 2
    assert first_rank(["a"], {"z"}) is None
    with pytest.raises(ValueError):
        recall_at([])
    with pytest.raises(ValueError):
        reciprocal_rank(0)


def test_a_malformed_synonym_table_is_a_one_line_error(catalog, tmp_path, monkeypatch):
    import planreader.search.expand as expand

    bad = tmp_path / "synonyms.yml"
    bad.write_text("en:\n  - [money laundering]\n", encoding="utf-8")
    monkeypatch.setattr(expand, "SYNONYMS", bad)
    with pytest.raises(SystemExit, match=r"synonyms.yml: en: group 1: must be a list of two or more phrases"):
        synonym_groups(catalog, "en")
    bad.write_text("en: [\n", encoding="utf-8")
    with pytest.raises(SystemExit, match=r"synonyms.yml: cannot be read") as e:
        synonym_groups(catalog, "en")
    assert "\n" not in str(e.value)


@pytest.mark.parametrize("case", EXPANSION["measure_number"], ids=lambda c: c["in"])
def test_python_measure_number(case):
    assert measure_number(case["in"]) == case["out"]


@pytest.mark.parametrize("case", EXPANSION["definition_subject"], ids=lambda c: c["in"])
def test_python_definition_subject(case):
    assert definition_subject(case["in"], case["lang"]) == case["out"]


@pytest.mark.parametrize("case", EXPANSION["correct"], ids=lambda c: c["in"])
def test_python_typo_correction(case):
    assert correct(case["in"], case["words"]) == case["out"]


def test_edit_distance_counts_a_swap_once_and_stops_at_the_limit():
    assert edit_distance("shleter", "shelter", 2) == 1
    assert edit_distance("kitten", "sitting", 5) == 3
    assert edit_distance("kitten", "sitting", 1) == 2  # limit + 1
    assert edit_distance("a", "abcdef", 2) == 3


def test_javascript_number_definition_and_correction_agree_with_the_table():
    numbers, subjects, fixes = EXPANSION["measure_number"], EXPANSION["definition_subject"], EXPANSION["correct"]
    calls = ([["measureNumber", c["in"], NUMBER_WORDS, NUMBER_PATTERN] for c in numbers]
             + [["definitionSubject", c["in"], DEFINITION_PATTERNS[c["lang"]]] for c in subjects]
             + [["correct", c["in"], c["words"]] for c in fixes]
             + [["editDistance", "shleter", "shelter", 2], ["editDistance", "kitten", "sitting", 5]])
    out = call_js(calls)
    assert out == [c["out"] for c in numbers + subjects + fixes] + [1, 3]


def test_question_words_are_stopwords_in_both_languages():
    from planreader.search.expand import STOPWORDS
    assert {"who", "what", "where", "how", "which", "must", "can"} <= set(STOPWORDS["en"])
    assert {"kim", "ne", "harada", "nece", "hansi", "etmelidir", "olar", "demekdir", "nedir"} <= set(STOPWORDS["az"])
    assert all(w == fold(w) for ws in STOPWORDS.values() for w in ws)  # folded, as search.js compares them


def test_aliases_name_bodies_and_terms_and_feed_the_synonyms(catalog):
    from planreader.search.aliases import load_aliases
    from planreader.search.lexicon import entities
    aliases = load_aliases(catalog)
    assert "police" in aliases["bodies"]["ministry-of-internal-affairs"]["en"]
    police = [e for e in entities(catalog, "en") if "police" in e["keys"]]
    assert [e["url"] for e in police] == ["bodies/ministry-of-internal-affairs/"]
    assert "polis" not in {k for e in entities(catalog, "en") for k in e["keys"]}  # each language its own
    helpline = next(g for g in synonym_groups(catalog, "en") if "helpline" in g)
    assert "hotline" in helpline


@pytest.mark.parametrize("text,message", [
    ("bodies:\n  no-such-body:\n    en: [x]\n", r"aliases.yml:3: bodies.no-such-body: no body has the id 'no-such-body'"),
    ("terms:\n  shelter:\n    fr: [abri]\n", r"aliases.yml:3: .*unknown language 'fr'"),
    ("terms:\n  shelter:\n    en: [ok, '']\n", r"aliases.yml:3: .*must be a phrase of 1 to 80 characters"),
    ("places:\n  x: {}\n", r"aliases.yml:2: places: unknown section 'places'"),
    ("bodies: [\n", r"aliases.yml:\d+: YAML syntax error"),
])
def test_a_bad_alias_file_is_a_one_line_located_error(catalog, tmp_path, text, message):
    from planreader.search.aliases import load_aliases
    bad = tmp_path / "aliases.yml"
    bad.write_text(text, encoding="utf-8")
    with pytest.raises(SystemExit) as e:
        load_aliases(catalog, bad)
    assert re.search(message, str(e.value)) and "\n" not in str(e.value), str(e.value)
