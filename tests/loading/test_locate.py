"""Finding positions from the parser's events alone agrees with the full builder, everywhere."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from ruamel.yaml import YAML

from governance_kit.loading.parallel import positions
from governance_kit.loading.yaml_events import locate_many
from governance_kit.loading.yaml_source import UnreadableYaml, events, read_yaml
from tests.conftest import EXAMPLE, examples


def every_path(data: Any, path: tuple = ()) -> list[tuple]:
    found = [path]
    items = (
        data.items()
        if isinstance(data, dict)
        else enumerate(data)
        if isinstance(data, list)
        else []
    )
    for step, value in items:
        found += every_path(value, (*path, step))
    return found


def wanted_everywhere(data: Any) -> list[tuple[tuple, bool]]:
    """Every path twice (value and key), plus paths that go past what exists."""
    paths = every_path(data)
    extra = [(*p, "absent") for p in paths] + [(*p, 99) for p in paths] + [("spec", 0, "x")]
    return [(p, key) for p in paths + extra for key in (False, True)]


@pytest.mark.parametrize("path", sorted(EXAMPLE.rglob("*.yaml")), ids=lambda p: p.name)
def test_agrees_with_the_builder_on_every_example_path(path: Path) -> None:
    file = read_yaml(path)
    wanted = wanted_everywhere(file.data)
    expected = [file.locate(where, key=key) for where, key in wanted]
    assert locate_many(events(path.read_text(encoding="utf-8")), wanted) == expected


def test_aliases_and_merge_keys_on_a_wanted_path_are_left_to_the_builder(tmp_path: Path) -> None:
    text = (
        "base: &base\n  a: 1\n  b: [1, 2]\n"
        "copy: *base\n"
        "merged:\n  <<: *base\n  c: 3\n"
        "plain:\n  d: 4\n"
    )
    source = tmp_path / "anchors.yaml"
    source.write_text(text, encoding="utf-8")
    file = read_yaml(source)
    assert locate_many(events(text), [(("copy", "a"), False)]) is None
    assert locate_many(events(text), [(("merged", "c"), True)]) is None
    assert locate_many(events(text), [(("plain", "d"), True), (("plain", "d"), False)]) == [
        (9, 3),
        (9, 6),
    ]
    wanted = wanted_everywhere(file.data)
    assert positions((source, None, wanted)) == [file.locate(p, key=k) for p, k in wanted]


keys = st.text(alphabet="abcxyz", min_size=1, max_size=3)
scalars = st.one_of(st.integers(), st.text(alphabet="abc xyz:#-'\"", max_size=8), st.none())
documents = st.recursive(
    scalars,
    lambda children: st.one_of(
        st.lists(children, max_size=4), st.dictionaries(keys, children, min_size=1, max_size=4)
    ),
    max_leaves=25,
)


@pytest.mark.slow
@settings(max_examples=examples(150), deadline=None)
@given(data=st.dictionaries(keys, documents, min_size=1, max_size=4), flow=st.booleans())
def test_agrees_with_the_builder_on_generated_documents(
    tmp_path_factory: pytest.TempPathFactory, data: dict, flow: bool
) -> None:
    yaml = YAML(typ="safe", pure=True)
    yaml.default_flow_style = flow
    path = tmp_path_factory.mktemp("gen") / "doc.yaml"
    with path.open("w", encoding="utf-8") as stream:
        yaml.dump(data, stream)
    try:
        file = read_yaml(path)
    except UnreadableYaml:  # the dumper's flow style is not always YAML 1.2 libyaml reads
        assume(False)
    wanted = wanted_everywhere(file.data)
    expected = [file.locate(where, key=key) for where, key in wanted]
    assert locate_many(events(path.read_text(encoding="utf-8")), wanted) == expected
