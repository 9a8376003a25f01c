"""HTML, script and link injection into EVERY free-text field of every document of the example.

tests/handbook injects into three fields; here each free-text string (not an id, date, choice,
pattern-checked value, reference or confidential field) gets a payload with its own marker, and
the built site must show the payloads as text: no live script, event handler or script link.
"""

from __future__ import annotations

import re
import shutil
import typing
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pydantic import BaseModel

from governance_kit.loading.repository import load_repository
from tests.conftest import EXAMPLE, TODAY, edit_yaml, govkit

pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("handbook-injection")]
"""One worker runs the module, so that the injected copy is built once."""
Path_ = tuple[str | int, ...]


def payload(marker: str) -> str:
    return (
        f"{marker} <script>alert('{marker}')</script> <img src=x onerror=alert(1)> "
        f'[link](javascript:alert(1)) <a href="javascript:alert(1)">{marker}a</a>'
    )


def free_text(annotation: Any, metadata: list[Any]) -> bool:
    """A plain text field: str (or list of str) with no pattern."""
    if any(getattr(item, "pattern", None) for item in metadata):
        return False
    args = [a for a in typing.get_args(annotation) if a is not type(None)]
    if typing.get_origin(annotation) is typing.Annotated:
        return False
    if annotation is str:
        return True
    if typing.get_origin(annotation) is list:
        return args == [str]
    return len(args) == 1 and annotation is not str and free_text(args[0], metadata)


def text_paths(
    model: BaseModel, path: Path_ = (), *, confidential: bool = False, markdown: bool = False
) -> Iterator[Path_]:
    """Paths (as written in the file) of every free-text value present in a model; those of
    confidential fields too when `confidential`, and of the company's Markdown (a Policy's
    `body`, published as written once judged, never escaped) when `markdown`."""
    for name, field in type(model).model_fields.items():
        value = getattr(model, name)
        if value is None:
            continue
        step = (*path, field.alias or name)
        extra = field.json_schema_extra if isinstance(field.json_schema_extra, dict) else {}
        if "x-references" in extra:
            continue
        if not confidential and extra.get("x-classification") == "confidential":
            continue
        if not markdown and extra.get("x-format") == "markdown":
            continue
        if isinstance(value, BaseModel):
            yield from text_paths(value, step, confidential=confidential, markdown=markdown)
        elif isinstance(value, list) and value and isinstance(value[0], BaseModel):
            for index, item in enumerate(value):
                yield from text_paths(
                    item, (*step, index), confidential=confidential, markdown=markdown
                )
        elif free_text(field.annotation, field.metadata):
            if isinstance(value, list):
                yield from ((*step, index) for index in range(len(value)))
            else:
                yield step


def set_at(data: Any, path: Path_, value: str) -> None:
    for step in path[:-1]:
        data = data[step]
    data[path[-1]] = value


@pytest.fixture(scope="module")
def injected(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    base = tmp_path_factory.mktemp("every-field")
    policies = base / "policies"
    shutil.copytree(EXAMPLE, policies)
    markers: dict[str, str] = {}
    for document in load_repository(policies).documents:
        paths = list(text_paths(document.model))
        if not paths:
            continue

        def change(data: Any, paths: list[Path_] = paths, name: str = document.path.name) -> None:
            for path in paths:
                marker = f"MARK{len(markers):04d}X"
                markers[marker] = f"{name}:{'.'.join(map(str, path))}"
                set_at(data, path, payload(marker))

        edit_yaml(document.path, change)
    run = govkit("docs", "build", policies, "--site-dir", base / "site", "--today", TODAY)
    assert run.exit_code == 0, run.stdout + run.stderr
    return base / "site", markers


def test_every_free_text_field_was_injected(injected: tuple[Path, dict[str, str]]) -> None:
    _, markers = injected
    assert len(markers) >= 100
    files = {where.split(":")[0] for where in markers.values()}
    assert len(files) >= 10


def test_no_payload_is_live_anywhere(injected: tuple[Path, dict[str, str]]) -> None:
    site, _ = injected
    for page in site.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        assert "<script>alert" not in text, page
        assert not re.search(r"<img[^>]*onerror", text, re.IGNORECASE), page
        assert not re.search(r"href=[\"']?\s*javascript:", text, re.IGNORECASE), page
        assert not re.search(r"<a href=.javascript", text, re.IGNORECASE), page


def test_published_markers_are_escaped_text(injected: tuple[Path, dict[str, str]]) -> None:
    site, markers = injected
    pages = {page: page.read_text(encoding="utf-8") for page in site.rglob("*.html")}
    shown = {m for m in markers if any(m in text for text in pages.values())}
    assert len(shown) >= len(markers) // 2, sorted(set(markers) - shown)
    for marker in shown:
        escaped = re.compile(rf"&lt;script&gt;alert\((&#39;|&#x27;|'){marker}")
        assert any(escaped.search(text) for text in pages.values() if marker in text), marker
