"""An HR system's CSV export, read with the columns Settings name (spec.reconcile.hr)."""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import edit_yaml

from .conftest import inside, reconcile

HR = (
    "Employee No,Full Name,Work Email,Employment Status,Department\n"
    "1043,Ana Berg Haugen,ana.haugen@nordlys.example,Active,Marketing\n"
    "2011,Kari Nordli,kari.nordli@nordlys.example,Terminated,Customer Service\n"
    "2012,Marit Lie,marit.lie@nordlys.example,On leave,Customer Service\n"
)
COLUMNS = {
    "login": "Work Email",
    "name": "Full Name",
    "status": "Employment Status",
    "active": ["Active", "On leave"],
}


def run(folder: Path, policies: Path, *args: str) -> tuple[int, str, str]:
    (folder / "hr-2026-11-20.csv").write_text(HR, encoding="utf-8")
    with inside(folder):
        result = reconcile("--from", "hr-2026-11-20.csv", *args, policies=policies)
    return result.exit_code, result.stdout, result.stderr


def test_the_columns_settings_name_are_read(tmp_path: Path, example: Path) -> None:
    edit_yaml(example / "settings.yaml", lambda d: d["spec"].update(reconcile={"hr": COLUMNS}))
    code, stdout, _ = run(tmp_path, example, "--select", "GKR01", "--format", "json")
    assert code == 1
    assert [(f["path"], f["line"], f["column"], f["message"]) for f in json.loads(stdout)[
        "findings"
    ]] == [
        (
            "hr-2026-11-20.csv",
            3,
            3,
            "'kari.nordli@nordlys.example' is disabled in the HR system, but kari is active on"
            " the roster",
        )
    ]  # fmt: skip
    assert json.loads(stdout)["evidence"][0]["kind"] == "hr-csv"


def test_without_settings_the_hr_kind_says_what_to_set(tmp_path: Path, example: Path) -> None:
    code, stdout, stderr = run(tmp_path, example, "--kind", "hr-csv")
    assert (code, stdout) == (2, "")
    assert stderr == (
        "hr-2026-11-20.csv:1:1: error: the columns of the HR export are not set (hint: name"
        " them in Settings: spec.reconcile.hr (login, status, active))\n"
    )


def test_without_settings_an_hr_export_is_not_guessed(tmp_path: Path, example: Path) -> None:
    code, _, stderr = run(tmp_path, example)
    assert code == 2
    assert stderr.startswith("hr-2026-11-20.csv:1:1: error: cannot tell which export this is")
