"""Sets values (the English of text units, a glossary term's English) in a data file's own text, changing no other
byte.

A round-trip YAML library (ruamel.yaml) re-emits the whole file: it keeps comments, but re-wraps long lines,
re-quotes scalars and re-indents sequences unless every file's style is configured exactly, and the data files
mix block and flow mappings. Editing the text is smaller and exact: PyYAML's node tree (yamlfile.compose) gives
each value's start and end as character offsets, and only the `en` value's span is replaced (or an `en:` key
inserted after the mapping's last key). The result is parsed again and compared with the original data, with the edits applied,
before anyone writes it.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from planreader.data.yamlfile import compose, parse

KeyPath = tuple[str | int, ...]


class EditError(ValueError):
    """An edit that cannot be made safely (a path that is not a text, a value the editor does not write)."""


def scalar(text: str) -> str:
    """A YAML double-quoted scalar: JSON's string syntax is valid YAML 1.1 for text without control characters
    (which Text fields never hold: the import refuses them)."""
    return json.dumps(text, ensure_ascii=False)


def _child(node: Node, key: str | int) -> Node:
    if isinstance(node, MappingNode) and isinstance(key, str):
        for k, v in node.value:
            if isinstance(k, ScalarNode) and k.value == key:
                return v
    elif isinstance(node, SequenceNode) and isinstance(key, int) and key < len(node.value):
        return node.value[key]
    raise EditError(f"no {key!r} here")


Value = str | list[str]


def _render(value: Value) -> str:
    return "[" + ", ".join(map(scalar, value)) + "]" if isinstance(value, list) else scalar(value)


def _splice(text: str, mapping: MappingNode, key: str, value: Value) -> tuple[int, int, str]:
    """(start, end, replacement) that gives `mapping` the `value` at `key`."""
    pairs = {k.value: (k, v) for k, v in mapping.value if isinstance(k, ScalarNode)}
    if key in pairs:
        node = pairs[key][1]
        start, end = node.start_mark.index, node.end_mark.index
        if isinstance(node, SequenceNode) and node.flow_style and isinstance(value, list):
            return start, end, _render(value)
        if not isinstance(node, ScalarNode) or isinstance(value, list) != (node.tag.endswith(":seq")):
            raise EditError(f"its {key} is not a {'list' if isinstance(value, list) else 'text'} written in one line")
        if node.style in ("|", ">"):  # a block scalar's span ends after its last line break: keep one
            return start, end, _render(value) + "\n"
        lead = " " if start == end and text[start - 1:start] == ":" else ""  # `key:` with no value yet
        return start, end, lead + _render(value)
    last_key, last = mapping.value[-1]
    if isinstance(last, (MappingNode, SequenceNode)) and not last.flow_style:
        raise EditError(f"cannot add {key} after a nested block")  # its end mark lies past comments and blank lines
    end = last.end_mark.index
    if mapping.flow_style:
        return end, end, f", {key}: {_render(value)}"
    indent = " " * last_key.start_mark.column
    if text[end - 1:end] == "\n":  # after a block scalar
        return end, end, f"{indent}{key}: {_render(value)}\n"
    return end, end, f"\n{indent}{key}: {_render(value)}"


def set_values(text: str, edits: dict[KeyPath, Value]) -> str:
    """`text` with each key path (ending in the key of a mapping) set to a text or a list of texts."""
    tree = compose(text)
    splices = []
    for path, value in edits.items():
        node: Node | None = tree
        try:
            for key in path[:-1]:
                node = _child(node, key)  # type: ignore[arg-type]
            if not isinstance(node, MappingNode) or not isinstance(path[-1], str):
                raise EditError("not a mapping")
            splices.append(_splice(text, node, path[-1], value))
        except EditError as e:
            raise EditError(f"{'.'.join(map(str, path))}: {e}") from None
    for start, end, new in sorted(splices, reverse=True):  # from the end, so earlier offsets stay valid
        text = text[:start] + new + text[end:]
    return text


def set_english(text: str, edits: dict[KeyPath, str]) -> str:
    """`text` with the English at each key path (to an {az, en} mapping) replaced by the given text."""
    return set_values(text, {(*path, "en"): english for path, english in edits.items()})


def _with_edits(raw: Any, edits: dict[KeyPath, Value]) -> Any:
    out = json.loads(json.dumps(raw, default=str))  # a deep copy in the JSON shape both sides compare in
    for path, value in edits.items():
        target = out
        for key in path[:-1]:
            target = target[key]
        target[path[-1]] = value
    return out


def checked_edit(path_name: str, text: str, edits: dict[KeyPath, str]) -> str:
    """set_english, proven: the new text parses to the old data with exactly these English texts changed."""
    return checked_values(path_name, text, {(*path, "en"): english for path, english in edits.items()})


def checked_values(path_name: str, text: str, edits: dict[KeyPath, Value]) -> str:
    """set_values, proven: the new text parses to the old data with exactly these values changed."""
    new = set_values(text, edits)
    before = parse(Path(path_name), text).raw
    after = parse(Path(path_name), new).raw
    if json.loads(json.dumps(after, default=str)) != _with_edits(before, edits):
        raise EditError(f"{path_name}: the edited file would not hold the same data; nothing was written")
    return new
