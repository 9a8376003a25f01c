"""Partial checking (issue #15): a repository with one invalid document still gets every other
finding, exactly.

The every-rule fixture (tests/fixtures/every-rule, where every rule fires; its findings are
`EXPECTED`) is copied and one document is broken. The findings are then exactly those of the
rules that could run, the broken file's own validation findings, and one line (GK004) per
reason naming the rules that did not run. The rules each break stops are written out here by
hand, not taken from the rules' `needs`.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from tests.conftest import TODAY, govkit, line_of
from tests.rules.helpers import DAY, stopped_by_an_unknown_file
from tests.rules.test_every_rule import EXPECTED, FIXTURE

Row = tuple[str, int, str, str | None, str | None]


def copy(tmp_path: Path) -> Path:
    return Path(shutil.copytree(FIXTURE, tmp_path / "policies"))


def replace_in(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def report(root: Path, *options: str) -> tuple[int, list[dict]]:
    run = govkit("check", root, "--today", TODAY, "--format", "json", *options)
    return run.exit_code, json.loads(run.stdout)["findings"]


def rows(findings: list[dict]) -> list[Row]:
    return [
        (Path(f["path"]).name, f["line"], f["code"], f["target"], f["waived_by"]) for f in findings
    ]


def without(*codes: str) -> list[Row]:
    return [row for row in EXPECTED if row[2] not in codes]


def not_run(name: str, message: str, hint: str = "it runs once the document is valid") -> dict:
    return {"path": name, "line": 1, "column": 1, "code": "GK004", "message": message, "hint": hint}


def lines_of(findings: list[dict], *codes: str) -> list[dict]:
    """The findings of `codes` as (file name, line, column, code, message, hint)."""
    keys = ("line", "column", "code", "message", "hint")
    return [
        {"path": Path(f["path"]).name, **{key: f[key] for key in keys}}
        for f in findings
        if f["code"] in codes
    ]


TRAINING_RULES = ("GK501", "GK502", "GK503")
ACCOUNT_RULES = (
    *("GK201", "GK203", "GK204", "GK205", "GK206", "GK207", "GK208", "GK209"),
    *("GK301", "GK302", "GK303", "GK304", "GK306", "GK307", "GK308", "GK309"),
    *("GK312", "GK314", "GK401", "GK501", "GK502", "GK503"),
    *("GK701", "GK702", "GK703", "GK704"),
)
MODERATION_RULES = (
    *("GK501", "GK502", "GK503", "GK601", "GK602", "GK603", "GK604", "GK605", "GK606"),
    "GK607",
)


def test_an_invalid_training_plan_stops_only_the_training_rules(tmp_path: Path) -> None:
    root = copy(tmp_path)
    replace_in(root / "training.yaml", "  courses:", "  curses:")
    code, findings = report(root)
    assert code == 2
    spec = line_of(root / "training.yaml", "  curses:")
    assert sorted(rows(findings), key=str) == sorted(
        [
            *without(*TRAINING_RULES),
            ("training.yaml", 1, "GK004", None, None),
            ("training.yaml", spec, "GK002", None, None),
        ],
        key=str,
    )
    assert lines_of(findings, "GK002", "GK004") == [
        not_run(
            "training.yaml",
            "4 rules did not run (GK501, GK502, GK503, GK960): training.yaml is not a valid "
            "TrainingPlan document",
        ),
        {
            "path": "training.yaml",
            "line": spec,
            "column": 3,
            "code": "GK002",
            "message": "spec.curses: unknown field 'curses'",
            "hint": "did you mean 'courses'?",
        },
    ]


def test_a_password_in_credentials_stops_the_account_rules_and_is_a_leaked_secret(
    tmp_path: Path,
) -> None:
    """The issue's case: a password typed into an account's `credentials` block. Every rule
    that does not read the registry still reports; the password is GK305 for that account.
    The waiver of GK304 is not called unused (GK902): GK304 did not run."""
    root = copy(tmp_path)
    accounts = root / "accounts.yaml"
    replace_in(
        accounts,
        "        last_rotated: 2026-07-01\n      created: 2020-03-02",
        "        password: Fj3ll-2026\n      created: 2020-03-02",
    )
    code, findings = report(root)
    assert code == 2
    line = line_of(accounts, "password: Fj3ll-2026")
    assert sorted(rows(findings), key=str) == sorted(
        [
            *without(*ACCOUNT_RULES, "GK902"),
            ("accounts.yaml", 1, "GK004", None, None),
            ("accounts.yaml", line, "GK002", None, None),
            ("accounts.yaml", line, "GK305", "insta-main", None),
        ],
        key=str,
    )
    rotate = (
        "rotate this password now: it is in the Git history; then store it in the secret "
        "manager and reference it, e.g. credentials.secret_ref: op://vault/item"
    )
    assert [f for f in lines_of(findings, "GK002", "GK004", "GK305") if f["line"] != 60] == [
        not_run(
            "accounts.yaml",
            f"27 rules did not run ({', '.join(ACCOUNT_RULES)}, GK960): accounts.yaml is "
            "not a valid AccountRegistry document",
        ),
        {
            "path": "accounts.yaml",
            "line": line,
            "column": 9,
            "code": "GK002",
            "message": "spec.accounts[0].credentials.password: unknown field 'password'",
            "hint": "allowed fields: secret_ref, login_email, mfa, mfa_method, last_rotated",
        },
        {
            "path": "accounts.yaml",
            "line": line,
            "column": 19,
            "code": "GK305",
            "message": "account 'insta-main': value of 'password' looks like a plaintext "
            "credential",
            "hint": rotate,
        },
    ]


def test_unreadable_yaml_whose_kind_line_is_readable_stops_only_that_kinds_rules(
    tmp_path: Path,
) -> None:
    root = copy(tmp_path)
    moderation = root / "moderation.yaml"
    replace_in(moderation, "spec:\n", "spec: [\n")
    code, findings = report(root)
    assert code == 2
    assert sorted(rows(findings), key=str) == sorted(
        [
            *(row for row in without(*MODERATION_RULES) if row[0] != "moderation.yaml"),
            ("moderation.yaml", 1, "GK004", None, None),
            *[row for row in rows(findings) if row[:3] == ("moderation.yaml", row[1], "GK001")],
        ],
        key=str,
    )
    assert [row[2] for row in rows(findings) if row[0] == "moderation.yaml"] == ["GK004", "GK001"]
    assert lines_of(findings, "GK004") == [
        not_run(
            "moderation.yaml",
            "11 rules did not run (GK501, GK502, GK503, GK601, GK602, GK603, GK604, GK605, "
            "GK606, GK607, GK960): moderation.yaml is not a valid ModerationPolicy "
            "document",
        )
    ]


def test_a_file_of_unknown_kind_stops_every_rule_that_needs_a_kind(tmp_path: Path) -> None:
    root = copy(tmp_path)
    (root / "notes.yaml").write_text("kind: [\n", encoding="utf-8")
    code, findings = report(root)
    assert code == 2
    per_document = ("GK101", "GK102", "GK103", "GK104", "GK105", "GK305")
    assert sorted(rows(findings), key=str) == sorted(
        [
            *(row for row in EXPECTED if row[2] in per_document),
            ("notes.yaml", 1, "GK004", None, None),
            ("notes.yaml", 1, "GK001", None, None),
        ],
        key=str,
    )
    [stopped] = lines_of(findings, "GK004")
    assert stopped["message"] == (
        f"{stopped_by_an_unknown_file()}: notes.yaml is invalid and its kind cannot be told"
    )


@pytest.mark.parametrize("fmt", ["text", "github", "sarif", "junit"])
def test_the_findings_that_ran_are_in_every_format(tmp_path: Path, fmt: str) -> None:
    root = copy(tmp_path)
    replace_in(root / "training.yaml", "  courses:", "  curses:")
    run = govkit("check", root, "--today", TODAY, "--format", fmt)
    assert run.exit_code == 2
    for text in ("GK004", "GK002", "GK101", "GK206", "GK601", "GK901"):
        assert text in run.stdout, (fmt, text)


def test_select_shows_only_the_selected_rules_that_did_not_run(tmp_path: Path) -> None:
    root = copy(tmp_path)
    replace_in(root / "training.yaml", "  courses:", "  curses:")
    run = govkit("check", root, "--today", TODAY, "--select", "GK502,GK101")
    assert run.exit_code == 2
    training = root / "training.yaml"
    assert [line for line in run.stdout.splitlines() if "GK004" in line] == [
        f"{training}:1:1: info: GK502 training-expired did not run: training.yaml is not a valid "
        "TrainingPlan document [GK004] (hint: it runs once the document is valid)"
    ]
    assert "[GK101]" in run.stdout


def test_rules_ignored_by_settings_or_the_command_line_are_not_listed(tmp_path: Path) -> None:
    root = copy(tmp_path)
    replace_in(root / "training.yaml", "  courses:", "  curses:")
    replace_in(root / "settings.yaml", "  check:\n", "  check:\n    ignore: [GK501]\n")
    run = govkit("check", root, "--today", TODAY, "--ignore", "GK960")
    assert run.exit_code == 2
    assert [line.split(": info: ")[1] for line in run.stdout.splitlines() if "GK004" in line] == [
        "2 rules did not run (GK502, GK503): training.yaml is not a valid TrainingPlan document "
        "[GK004] (hint: it runs once the document is valid)"
    ]


def _reference_patterns() -> list[tuple[str, tuple]]:
    """One reference of each kind of field in the fixture: (file name, path in the file)."""
    from governance_kit.loading.references import references_in
    from governance_kit.loading.repository import load_repository

    seen: dict[tuple, tuple[str, tuple]] = {}
    for document in load_repository(FIXTURE).governance.documents:
        for path, _, _ in references_in(document.model, ()):
            pattern = (document.kind, tuple(step for step in path if isinstance(step, str)))
            seen.setdefault(pattern, (document.path.name, path))
    return list(seen.values())


@pytest.mark.parametrize(("name", "path"), _reference_patterns(), ids=str)
def test_every_rule_runs_over_a_dangling_reference(tmp_path: Path, name: str, path: tuple) -> None:
    """A broken reference (GK003) does not stop the rules: none of them fails on an id that
    nothing defines."""
    from governance_kit.checker import run_check, select_rules
    from governance_kit.loading.repository import load_repository
    from tests.conftest import edit_yaml

    root = copy(tmp_path)

    def dangle(data: dict) -> None:
        *parents, last = path
        for step in parents:
            data = data[step]
        data[last] = "zz-nothing"

    edit_yaml(root / name, dangle)
    result = run_check(load_repository(root), DAY, select_rules())
    unknown = [f for f in result.findings if f.code == "GK003" and "'zz-nothing'" in f.message]
    assert [f.path.name for f in unknown] == [name]


def test_a_second_document_of_a_single_kind_stops_the_rules_that_need_it(tmp_path: Path) -> None:
    root = copy(tmp_path)
    text = (root / "scope.yaml").read_text(encoding="utf-8")
    (root / "scope2.yaml").write_text(text.replace("id: er-scope", "id: er-scope-2"), "utf-8")
    code, findings = report(root)
    assert code == 2
    assert lines_of(findings, "GK004") == [
        not_run(
            "scope2.yaml",
            "4 rules did not run (GK603, GK604, GK701, GK960): scope2.yaml is a second Scope "
            "document",
            "it runs once there is one",
        )
    ]
    assert {row[2] for row in rows(findings)} >= {"GK101", "GK206", "GK601", "GK003"}


def test_a_committed_state_knows_the_kind_of_its_invalid_file(tmp_path: Path) -> None:
    """`govkit report --as-of` and the trend judge a commit like the working tree: the
    invalid file's kind is read from its committed text, and only its rules are stopped."""
    import git

    from governance_kit.checker import run_check, select_rules
    from governance_kit.git.history import state_at

    root = copy(tmp_path)
    replace_in(root / "training.yaml", "  courses:", "  curses:")
    repo = git.Repo.init(tmp_path)
    repo.index.add([str(path) for path in sorted(root.iterdir())])
    commit = repo.index.commit("Policies with a broken training plan")
    repository = state_at(root, commit).repository
    assert repository.invalid == {root / "training.yaml": "TrainingPlan"}
    result = run_check(repository, DAY, select_rules(["GK5"]))
    assert result.not_run == {
        code: "training.yaml is not a valid TrainingPlan document"
        for code in ("GK501", "GK502", "GK503")
    }
