"""data.yamledit: the English of a text unit set in a data file's own text, every other byte kept."""
import pytest

from planreader.data.yamledit import EditError, checked_edit, set_english

BLOCK = """# a comment that must stay
id: x  # and this one
place:
  az: Bakı şəhəri
  en: Baku
other: {az: bir, en: one}
"""


def test_block_mapping_changes_only_the_en_value():
    assert set_english(BLOCK, {("place",): "Baku city"}) == BLOCK.replace("en: Baku\n", 'en: "Baku city"\n')


def test_flow_mapping_changes_only_the_en_value():
    assert set_english(BLOCK, {("other",): "One"}) == BLOCK.replace("en: one}", 'en: "One"}')


def test_two_edits_in_one_file():
    new = set_english(BLOCK, {("place",): "B", ("other",): "O"})
    assert new == BLOCK.replace("en: Baku\n", 'en: "B"\n').replace("en: one}", 'en: "O"}')


def test_missing_en_is_inserted_after_az_in_block_and_flow_style():
    text = "a:\n  az: bir\nb: {az: iki}\nc: 1\n"
    assert set_english(text, {("a",): "one", ("b",): "two"}) == \
        'a:\n  az: bir\n  en: "one"\nb: {az: iki, en: "two"}\nc: 1\n'


def test_empty_en_gets_a_value():
    assert set_english("a:\n  az: bir\n  en:\nb: 2\n", {("a",): "one"}) == 'a:\n  az: bir\n  en: "one"\nb: 2\n'


def test_after_a_block_scalar_and_in_sequences():
    text = "items:\n  - text:\n      az: |-\n        bir\n      en: >-\n        one\n  - text: {az: iki}\n"
    new = set_english(text, {("items", 0, "text"): "One", ("items", 1, "text"): "Two"})
    assert new == 'items:\n  - text:\n      az: |-\n        bir\n      en: "One"\n  - text: {az: iki, en: "Two"}\n'


def test_quotes_backslashes_and_yaml_syntax_survive_as_text():
    hostile = 'He said "no": #1 \\ {x: y} & *a'
    new = checked_edit("data/x.yml", BLOCK, {("place",): hostile})
    from planreader.data.yamlfile import parse
    from pathlib import Path
    assert parse(Path("x.yml"), new).raw["place"]["en"] == hostile


@pytest.mark.parametrize("path", [("nowhere",), ("id",), ("place", "az")])
def test_a_path_that_is_not_a_text_is_refused(path):
    with pytest.raises(EditError):
        set_english(BLOCK, {path: "x"})
