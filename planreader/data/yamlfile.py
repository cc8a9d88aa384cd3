"""Parses one YAML data file strictly: bounded nesting, no anchors, aliases or tags, no duplicate keys, real dates.

PyYAML's own loaders accept all of these, and each hurts a contributor: a second `en:` silently replaces the
first; eleven lines of nested aliases take minutes and gigabytes; `[` × 100,000 overflows libyaml's recursive
composer and kills the process; `2008-02-30` raises a ValueError deep inside PyYAML. The loader below keeps
libyaml's parser (fast, and not recursive: it only produces events) and composes its events with PyYAML's own
Python Composer, refusing anchors, aliases, tags and excess depth as each event arrives, before anything is
built; PyYAML's SafeConstructor then builds the data, with its mapping and timestamp constructors made strict.
Composing in Python costs about what libyaml's composer does, because both call the same Python resolver.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml
from yaml.composer import Composer
from yaml.constructor import SafeConstructor
from yaml.events import MappingEndEvent, MappingStartEvent, ScalarEvent, SequenceEndEvent
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode
from yaml.resolver import Resolver

from planreader.data.errors import DataError, DataErrors, locate, rel
from planreader.data.files import read_text

try:  # libyaml's parser, when PyYAML was built with it (its wheels are): the data is parsed on every build
    from yaml.cyaml import CParser as _Parser
except ImportError:  # pragma: no cover - PyYAML's pure-Python parser: slower, same results
    from yaml.parser import Parser
    from yaml.reader import Reader
    from yaml.scanner import Scanner

    class _Parser(Reader, Scanner, Parser):  # type: ignore[no-redef]
        def __init__(self, stream: str) -> None:
            Reader.__init__(self, stream)
            Scanner.__init__(self)
            Parser.__init__(self)

# Collections inside collections. The deepest data file today nests 9 (a document's node in a node's children);
# 50 leaves room for far deeper documents while keeping the composer's Python recursion small.
MAX_DEPTH = 50
MERGE_TAG = "tag:yaml.org,2002:merge"


class _Refused(yaml.MarkedYAMLError):
    """A construct the data files never need, refused where it stands."""

    def __init__(self, message: str, node_or_event: Any):
        super().__init__(problem=message, problem_mark=node_or_event.start_mark)


class NotADate(str):
    """A value shaped like a date that is not one (2008-02-30); kept as text until it is reported."""


# compose_node below is written out from PyYAML's Composer.compose_node and its compose_*_node helpers as they are
# in this version; a different PyYAML may compose differently (new events, marks, styles).
KNOWN_PYYAML = "6.0.3"


def check_pyyaml_version() -> None:
    if yaml.__version__ != KNOWN_PYYAML:
        raise SystemExit(f"error: PyYAML {yaml.__version__} is installed, but planreader/data/yamlfile.py composes "
                         f"events as PyYAML {KNOWN_PYYAML} does; check compose_node against yaml/composer.py, then "
                         f"update KNOWN_PYYAML")


class _StrictComposer(Composer):
    """PyYAML's Composer, with compose_node written out so that each event is checked as it arrives (and, since
    this runs once per value, without the calls the original makes per event: composing in Python is then
    about as fast as libyaml's composer, which calls the same Python resolver)."""

    depth = 0

    def compose_node(self, parent: Node | None, index: Any) -> Node:
        event = self.get_event()
        if event.anchor is not None or event.tag is not None:  # an alias event has an anchor (and no tag)
            if event.anchor is not None:
                raise _Refused("anchors and aliases (&name, *name) are not allowed in data files; write the value "
                               "out in full", event)
            tag = event.tag.replace("tag:yaml.org,2002:", "!!")
            raise _Refused(f"tags such as {tag!r} are not allowed in data files; write the value plainly", event)
        if event.__class__ is ScalarEvent:
            return ScalarNode(self.resolve(ScalarNode, event.value, event.implicit), event.value,
                              event.start_mark, event.end_mark, style=event.style)
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise _Refused(f"nested more than {MAX_DEPTH} levels deep, the most a data file may nest", event)
        node: MappingNode | SequenceNode
        if event.__class__ is MappingStartEvent:
            node = MappingNode(self.resolve(MappingNode, None, event.implicit), [], event.start_mark, None,
                               flow_style=event.flow_style)
            while not self.check_event(MappingEndEvent):
                key = self.compose_node(node, None)
                node.value.append((key, self.compose_node(node, key)))
        else:
            node = SequenceNode(self.resolve(SequenceNode, None, event.implicit), [], event.start_mark, None,
                                flow_style=event.flow_style)
            while not self.check_event(SequenceEndEvent):
                node.value.append(self.compose_node(node, len(node.value)))
        node.end_mark = self.get_event().end_mark
        self.depth -= 1
        return node


class _StrictConstructor(SafeConstructor):
    def __init__(self) -> None:
        super().__init__()
        self.duplicates: list[tuple[dict, Any, int, int]] = []  # (mapping, key, first line, second line)
        self.bad_dates: list[NotADate] = []

    def construct_yaml_int(self, node: ScalarNode) -> int:  # type: ignore[override]
        try:
            return super().construct_yaml_int(node)
        except ValueError:  # Python converts at most 4,300 digits
            raise _Refused(f"a number of {len(node.value):,} characters is not a value of any field", node) from None

    def construct_yaml_map(self, node: MappingNode):  # type: ignore[override]
        data: dict = {}
        yield data
        first: dict[Any, int] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, ScalarNode):
                raise _Refused("a key must be a plain word or number, not a list or a mapping", key_node)
            if key_node.tag == MERGE_TAG:
                raise _Refused("merge keys (<<:) are not allowed in data files; write the fields out in full", key_node)
            key = self.construct_object(key_node)
            line = key_node.start_mark.line + 1
            if key in first:
                self.duplicates.append((data, key, first[key], line))
            else:
                first[key] = line
            data[key] = self.construct_object(value_node)

    def construct_yaml_timestamp(self, node: ScalarNode) -> Any:  # type: ignore[override]
        try:
            return super().construct_yaml_timestamp(node)
        except ValueError:  # the resolver takes any digits for a date: 2008-02-30, 2008-13-01
            bad = NotADate(node.value)
            bad.line = node.start_mark.line + 1  # type: ignore[attr-defined]
            self.bad_dates.append(bad)
            return bad


_StrictConstructor.add_constructor("tag:yaml.org,2002:map", _StrictConstructor.construct_yaml_map)
_StrictConstructor.add_constructor("tag:yaml.org,2002:int", _StrictConstructor.construct_yaml_int)
_StrictConstructor.add_constructor("tag:yaml.org,2002:timestamp", _StrictConstructor.construct_yaml_timestamp)


class StrictLoader(_StrictComposer, _Parser, _StrictConstructor, Resolver):
    def __init__(self, text: str) -> None:
        _Parser.__init__(self, text)
        _StrictComposer.__init__(self)
        _StrictConstructor.__init__(self)
        Resolver.__init__(self)


def compose(text: str) -> Node | None:
    """The node tree of a text that already loaded (for line numbers in error messages)."""
    loader = StrictLoader(text)
    try:
        return loader.get_single_node()
    finally:
        loader.dispose()


def _paths(value: Any, want, prefix: tuple = ()):
    """Every path in the loaded data to a value for which want(value) holds."""
    if want(value):
        yield prefix
    if isinstance(value, dict):
        for k, v in value.items():
            yield from _paths(v, want, prefix + (k,))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            yield from _paths(v, want, prefix + (i,))


class Parsed:
    """One data file: its path, its plain data and, only when an error needs a line number, its node tree."""

    def __init__(self, path: Path, raw: Any, text: str):
        self.path, self.raw, self._text = path, raw, text
        self.name = rel(path)
        self._tree: Node | None = None

    def error(self, loc: tuple[Any, ...], message: str) -> DataError:
        if self._tree is None:
            self._tree = compose(self._text)
        line, record, field = locate(self.raw, self._tree, loc)
        return DataError(self.name, message, line, record, field)

    def error_at(self, line: int, loc: tuple[Any, ...], message: str) -> DataError:
        """An error at a known line, with the record and field that `loc` names."""
        _, record, field = locate(self.raw, None, loc)
        return DataError(self.name, message, line, record, field)


def parse(path: Path, text: str) -> Parsed:
    """The text as data, or DataErrors naming every refused duplicate key and impossible date, or the first
    other problem (a syntax error, an alias, too deep a nesting …) with its line."""
    check_pyyaml_version()
    name = rel(path)
    loader = StrictLoader(text)
    try:
        raw = loader.get_single_data()
    except yaml.MarkedYAMLError as e:
        mark = e.problem_mark or e.context_mark
        line = mark.line + 1 if mark else None
        prefix = "" if isinstance(e, _Refused) else "YAML syntax error: "
        raise DataErrors([DataError(name, f"{prefix}{e.problem or e.context}", line)]) from None
    except yaml.YAMLError as e:
        raise DataErrors([DataError(name, f"YAML error: {e}")]) from None
    except (ValueError, TypeError, OverflowError, RecursionError) as e:  # a value PyYAML cannot build; none known
        raise DataErrors([DataError(name, f"cannot read the file: {e}")]) from None
    finally:
        loader.dispose()
    if not isinstance(raw, dict):
        raise DataErrors([DataError(name, "the file must hold a mapping (key: value) at the top level", 1)])
    parsed = Parsed(path, raw, text)
    errors = []
    for mapping, key, first, second in loader.duplicates:
        loc = next(_paths(raw, lambda v, m=mapping: v is m))
        errors.append(parsed.error_at(second, loc, f"duplicate key {key!r} (first at line {first}); "
                                                   f"keep one of the two"))
    for bad in loader.bad_dates:
        for loc in list(_paths(raw, lambda v, b=bad: v is b)) or [()]:  # () when the date is a key
            errors.append(parsed.error_at(bad.line, loc, f"{bad} is not a date"))  # type: ignore[attr-defined]
    if errors:
        raise DataErrors(sorted(errors, key=lambda e: e.line or 0))
    return parsed


def read_yaml(path: Path, inside: Path | None = None) -> Parsed:
    """Read and parse one data file; `inside` is the data folder it must live in (default: the file's folder)."""
    return parse(path, read_text(path, inside or path.parent))

