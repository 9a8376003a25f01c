"""Every hostile file of the corpus, beside the valid example policies: exit code 2, its exact
findings and nothing else, no traceback, nothing constructed from a YAML tag."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
import yaml as pyyaml
from pydantic import BaseModel, ValidationError, field_validator

from governance_kit.loading import documents
from governance_kit.loading.yaml_source import read_yaml
from tests.conftest import TODAY, edit_yaml, govkit, line_of

from .cases import CASES, CORPUS, NOT_YET, UNREADABLE, WAIVER, Case, canary
from .conftest import assert_no_crash


def lines_of(case: Case, policies: Path, *, checked: bool = False) -> list[str]:
    """The lines `govkit validate` prints for a case (its GK305 lines included); with the
    findings of the rules that ran for `check`."""
    lines = [*case.expected, *case.secrets, *(case.checked if checked else ())]
    return [f"{policies / case.name}:{line}" for line in sorted(lines, key=_position)]


def _position(line: str) -> tuple[int, int, str]:
    number, column, _ = line.split(":", 2)
    return int(number), int(column), line.rsplit("[", 1)[1]


def check_case(case: Case, policies: Path) -> None:
    """`validate` prints the case's lines (GK305 included); `check` prints them, says at an
    invalid file which rules did not run (GK004), and of the valid files' findings (the
    example's one waived finding) only those of the rules that ran: nothing else."""
    before = set(govkit("check", policies, "--today", TODAY).stdout.splitlines()[:-1])
    case.install(policies)
    run = govkit("validate", policies)
    assert_no_crash(run)
    assert run.stdout.splitlines() == lines_of(case, policies)
    problems = len(case.expected) + len(case.secrets)
    assert run.stderr == f"{problems} {'problem' if problems == 1 else 'problems'} in {policies}\n"
    assert run.exit_code == 2
    checked = govkit("check", policies, "--today", TODAY)
    assert_no_crash(checked)
    lines = checked.stdout.splitlines()[:-1]
    mine = [line for line in lines if line.startswith(f"{policies / case.name}:")]
    assert [line for line in mine if "[GK004]" not in line] == lines_of(
        case, policies, checked=True
    )
    stopped = any(line.startswith(f"{policies / case.name}:1:1: info: ") for line in mine)
    assert stopped == bool(case.codes - {"GK003"})
    assert set(lines) - set(mine) <= before
    assert checked.exit_code == 2


def test_the_corpus_is_large_and_every_file_has_a_case() -> None:
    assert len(CASES) >= 40
    names = [case.name for case in CASES]
    assert len(set(names)) == len(names)
    made = {case.name for case in CASES if case.make is not None}
    assert sorted(p.name for p in CORPUS.iterdir()) == sorted(set(names) - made)


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_hostile_file_gives_its_findings_and_nothing_else(case: Case, example: Path) -> None:
    check_case(case, example)
    assert not canary(example / case.name).exists()


@pytest.mark.parametrize("case", NOT_YET, ids=[case.name for case in NOT_YET])
def test_what_is_not_a_plain_file_is_reported(case: Case, example: Path) -> None:
    check_case(case, example)


def test_not_a_plain_file_never_hangs_or_crashes(example: Path) -> None:
    for case in NOT_YET:
        case.install(example)
    run = govkit("validate", example)
    assert_no_crash(run)
    assert run.exit_code in (0, 2)


def test_a_pipe_given_to_the_reader_is_refused_without_blocking(tmp_path: Path) -> None:
    fifo = tmp_path / "fifo.yaml"
    os.mkfifo(fifo)
    with pytest.raises(Exception, match="not a regular file; not read") as raised:
        read_yaml(fifo)
    assert raised.value.finding.code == "GK001"  # type: ignore[attr-defined]


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their permissions")
def test_unreadable_file(example: Path) -> None:
    check_case(UNREADABLE, example)


def test_python_tags_would_run_code_in_an_unsafe_loader(tmp_path: Path) -> None:
    """The canary is live: PyYAML's unsafe loader does create the file the tag names."""
    case = next(case for case in CASES if case.name == "tag-python-object-apply.yaml")
    (tmp_path / "policies").mkdir()
    case.install(tmp_path / "policies")
    target = tmp_path / "policies" / case.name
    pyyaml.unsafe_load(target.read_text(encoding="utf-8"))
    assert canary(target).exists()


def test_all_hostile_files_at_once_and_every_good_file_still_checked(example: Path) -> None:
    """Nothing stops at the first bad file: a planted error in a good file is still found."""
    together = [case for case in CASES if "GK003" not in case.codes]
    for case in together:
        case.install(example)
    edit_yaml(example / "accounts.yaml", lambda d: d["spec"]["accounts"][1].update(status="gone"))
    line = line_of(example / "accounts.yaml", "status: gone")
    planted = (
        f"{example / 'accounts.yaml'}:{line}:15: error: spec.accounts[1].status: 'gone' is not "
        "one of: active, dormant, archived [GK002]"
    )
    expected = sorted([planted, *(line for c in together for line in lines_of(c, example))])
    run = govkit("validate", example)
    assert_no_crash(run)
    assert run.exit_code == 2
    assert sorted(run.stdout.splitlines()) == expected
    assert not any(canary(example / case.name).exists() for case in together)


def test_utf8_byte_order_mark_is_accepted(example: Path) -> None:
    settings = example / "settings.yaml"
    settings.write_bytes(b"\xef\xbb\xbf" + settings.read_bytes())
    run = govkit("validate", example)
    assert (run.exit_code, run.stdout) == (0, "")


def test_folder_named_like_a_yaml_file_is_a_folder(example: Path) -> None:
    folder = example / "archive.yaml"
    folder.mkdir()
    assert govkit("validate", example).exit_code == 0
    (folder / "waivers.yaml").write_text(WAIVER.format(id="W-Upper"), encoding="utf-8")
    run = govkit("validate", example)
    assert run.exit_code == 2
    assert run.stdout.splitlines() == [
        f"{folder / 'waivers.yaml'}:8:11: error: spec.waivers[0].id: 'W-Upper' is not a valid id "
        "[GK002] (hint: ids use lower-case letters, digits, '.', '_' and '-', e.g. instagram-main)"
    ]


def test_number_and_boolean_keys_are_names_not_duplicates(tmp_path: Path) -> None:
    path = tmp_path / "keys.yaml"
    path.write_text("1: one\ntrue: yes\n1.0: float\nnull: nothing\n", encoding="utf-8")
    assert read_yaml(path).data == {"1": "one", "true": "yes", "1.0": "float", "null": "nothing"}


def test_a_models_own_message_never_repeats_a_secret_or_a_page() -> None:
    class Control(BaseModel):
        control: str

        @field_validator("control")
        @classmethod
        def known(cls, value: str) -> str:
            raise ValueError(f"unknown control {value!r}")

    token = "ghp_R8x2Lq9ZtV4mN7pK3wY6sB1cD5fH0jGa2eUo"
    for value, message in [
        (
            token,
            "control: invalid value, which looks like a GitHub token (not repeated here)",
        ),
        ("x" * 500, "control: " + f"unknown control '{'x' * 500}'"[:199] + "…"),
    ]:
        file = read_yaml(Path("c.yaml"), f"control: {value}\n")
        try:
            Control.model_validate(file.data)
        except ValidationError as error:
            (finding,) = [documents._explain(file, Control, e) for e in error.errors()]
        assert finding.message == message
