"""`govkit report`: the posture now and as on a date in Git history, in every format."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import git

from governance_kit.loading.repository import load_repository
from governance_kit.model.confidential import confidential_values
from tests.conftest import EXAMPLE, TODAY, edit_yaml, govkit
from tests.report.conftest import commit

CAREERS = "| `linkedin-careers` | linkedin | Nordlys Careers | active | {owner} | Carl Johansson |"


def sha(policies: Path, message: str) -> str:
    repo = git.Repo(policies.parent)
    found = next(c for c in repo.iter_commits() if c.summary == message)
    return found.hexsha[:12]


def report(*args: str | Path) -> str:
    run = govkit("report", *args)
    assert run.exit_code == 0, run.stderr
    assert run.stderr == ""
    return run.stdout


def test_as_of_june_the_account_belongs_to_its_first_owner(history: Path) -> None:
    text = report(history, "--as-of", "2026-06-30")
    lines = text.splitlines()
    first = sha(history, "Register the careers page")
    assert f"State: as of 2026-06-30: commit {first} of 2026-05-12; checked as on 2026-06-30." in (
        lines
    )
    assert CAREERS.format(owner="Ana Berg Haugen") in lines
    assert not any("`nordlys-objectives`" in line and "commit" in line for line in lines)
    assert "## Reviews from 2025-06-30 to 2026-06-30" in lines


def test_as_of_september_the_owner_changed_and_the_review_is_recorded(history: Path) -> None:
    lines = report(history, "--as-of", "2026-09-30").splitlines()
    assert CAREERS.format(owner="Carl Johansson") in lines
    review = sha(history, "Review of the objectives")
    assert (
        f"| 2026-08-19 | `nordlys-objectives` Social media objectives and KPIs 2026\\-2027 "
        f"| Ivar Dahl | commit {review} of 2026-08-20 |"
    ) in lines
    assert not any("2026-10-28" in line for line in lines)


def test_before_the_first_commit_there_is_nothing_to_report(history: Path) -> None:
    run = govkit("report", history, "--as-of", "2026-03-31")
    assert run.exit_code == 2
    assert run.stdout == ""
    assert run.stderr == (
        "govkit: error: no commit on or before 2026-03-31 on the current branch\n"
    )


def test_as_of_outside_git_is_one_line(tmp_path: Path) -> None:
    import shutil

    shutil.copytree(EXAMPLE, tmp_path / "policies")
    run = govkit("report", tmp_path / "policies", "--as-of", "2026-06-30")
    assert run.exit_code == 2
    assert run.stderr == f"govkit: error: {tmp_path / 'policies'}: not inside a Git repository\n"


def test_working_tree_lists_both_reviews_of_the_objectives(history: Path) -> None:
    lines = report(history, "--today", TODAY).splitlines()
    assert "State: working tree; checked as on 2026-11-24." in lines
    recorded = [
        line for line in lines if line.startswith("| 2026-") and "nordlys-objectives" in line
    ]
    assert [line.split(" | ")[0] for line in recorded] == ["| 2026-08-19", "| 2026-10-28"]
    assert recorded[1].endswith(
        f"commit {sha(history, 'Second review of the objectives')} of 2026-10-29 |"
    )


def test_controls_list_rules_findings_and_waivers() -> None:
    text = report(EXAMPLE, "--today", TODAY)
    lines = text.splitlines()
    assert "Findings: 0 errors, 0 warnings, 0 info, 1 waived." in lines
    start = lines.index(
        "### SOC2:CC6.2: Users are registered and authorised before access is granted"
    )
    block = lines[start : lines.index("", start + 2)]
    assert "- `GK206` single-admin: 1 finding (1 waived)" in block
    waived = (
        "- `policies/accounts.yaml:475:9: warning: account 'engage-social-hub' has a single "
        "admin, 'carl' [GK206] (waived by w-2026-engage-single-admin)`"
    )
    assert waived in lines
    assert "### NORDLYS-SM-2: Nobody leaves with a working login to an official account" in lines
    assert (
        "| `w-2026-engage-single-admin` | GK206 | `engage-social-hub` | Hanna Kristiansen "
        "| 2026-10-15 | 2028-03-31 | in force |"
    ) in lines


def test_every_rule_serves_a_listed_control() -> None:
    data = json.loads(report(EXAMPLE, "--today", TODAY, "--format", "json"))
    served = {rule["code"] for control in data["controls"] for rule in control["rules"]}
    from governance_kit.rules import all_rules

    assert served == {r.code for r in all_rules()}


def test_json_shape() -> None:
    data = json.loads(report(EXAMPLE, "--today", TODAY, "--format", "json"))
    assert list(data) == [
        "report", "organisation", "as_of", "today", "source", "period", "counts",
        "controls", "accounts", "waivers", "reviews",
    ]  # fmt: skip
    assert data["report"] == "governance-posture"
    assert data["as_of"] is None and data["today"] == TODAY
    assert data["period"] == {"since": "2025-11-24", "until": TODAY}
    assert data["counts"] == {"error": 0, "warning": 0, "info": 0, "waived": 1}
    [gk206] = next(c for c in data["controls"] if c["id"] == "CIS:5")["findings"]
    assert gk206 == {
        "code": "GK206",
        "severity": "warning",
        "path": "policies/accounts.yaml",
        "line": 475,
        "column": 9,
        "message": "account 'engage-social-hub' has a single admin, 'carl'",
        "waived_by": "w-2026-engage-single-admin",
        "text": gk206["text"],
    }
    account = next(a for a in data["accounts"] if a["id"] == "x-nordlyssupport")
    assert account == {
        "id": "x-nordlyssupport",
        "platform": "x",
        "handle": "@NordlysSupport",
        "status": "active",
        "business_owner": "Erik Nyström",
        "backup_owner": "Ana Berg Haugen",
    }
    [waiver] = data["waivers"]
    assert (waiver["approved_by"], waiver["expires"], waiver["in_force"]) == (
        "Hanna Kristiansen",
        "2028-03-31",
        True,
    )
    assert {"document", "title", "reviewed", "reviewer", "source"} == set(data["reviews"][0])


def test_no_confidential_value_in_any_format() -> None:
    values = confidential_values(d.model for d in load_repository(EXAMPLE).documents)
    assert len(values) >= 10
    for fmt in ("markdown", "html", "json"):
        text = report(EXAMPLE, "--today", TODAY, "--format", fmt)
        assert [v for v in values if v in text] == [], fmt


def test_html_escapes_every_text(example: Path, tmp_path: Path) -> None:
    evil = "<script>alert('x')</script> & Co"
    edit_yaml(example / "scope.yaml", lambda d: d["spec"]["organisation"].update(name=evil))
    edit_yaml(
        example / "people.yaml",
        lambda d: d["spec"]["people"][0].update(name="<img src=x onerror=alert(1)>"),
    )
    out = tmp_path / "posture.html"
    report(example, "--today", TODAY, "--format", "html", "--output", out)
    page = out.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>")
    assert "<script>" not in page and "<img" not in page
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; &amp; Co" in page
    assert "&lt;img src=x onerror=alert(1)&gt;" in page
    markdown = report(example, "--today", TODAY)
    assert "<script>" not in markdown and "<img" not in markdown


def test_unknown_format_is_a_usage_error() -> None:
    run = govkit("report", EXAMPLE, "--format", "pdf")
    assert run.exit_code == 2
    assert "'pdf' is not one of" in run.stderr


def test_invalid_policies_exit_2(example: Path) -> None:
    (example / "scope.yaml").write_text("kind: [\n", encoding="utf-8")
    run = govkit("report", example, "--today", TODAY)
    assert run.exit_code == 2
    assert run.stdout == ""
    assert "scope.yaml:" in run.stderr and "[GK001]" in run.stderr


def test_handbook_page_holds_no_confidential_value(tmp_path: Path) -> None:
    from datetime import date

    from governance_kit.handbook.site import generate

    repository = load_repository(EXAMPLE)
    generate(repository, tmp_path / "docs", date(2026, 11, 24))
    page = (tmp_path / "docs" / "posture.md").read_text(encoding="utf-8")
    assert page.startswith("# Governance posture: Nordlys Outdoor AS\n")
    assert "| `instagram-teampro` | instagram |" in page
    values = confidential_values(d.model for d in repository.documents)
    assert [v for v in values if v in page] == []
    home = (tmp_path / "docs" / "index.md").read_text(encoding="utf-8")
    assert "- [Governance posture](posture.md)" in home


def test_as_of_april_the_account_does_not_exist_yet(history: Path) -> None:
    text = report(history, "--as-of", "2026-04-30")
    assert "linkedin-careers" not in text
    assert f"commit {sha(history, 'Policies as adopted')} of 2026-04-01" in text


def gk960(data: dict) -> list[dict]:
    """The GK960 findings of a JSON report (GK960 serves SOC2:CC8.1)."""
    control = next(c for c in data["controls"] if c["id"] == "SOC2:CC8.1")
    return [f for f in control["findings"] if f["code"] == "GK960"]


def test_as_of_reads_codeowners_from_the_commit_not_the_working_tree(tmp_path: Path) -> None:
    policies = tmp_path / "policies"
    shutil.copytree(EXAMPLE, policies)
    repo = git.Repo.init(tmp_path)
    assert govkit("codeowners", policies).exit_code == 0
    codeowners = tmp_path / ".github" / "CODEOWNERS"
    in_sync = codeowners.read_text(encoding="utf-8")
    commit(repo, "Policies and their code owners", "2026-04-01T09:00:00+0200")
    codeowners.write_text(in_sync.replace("@", "@old-", 1), encoding="utf-8")
    commit(repo, "Hand-edited code owners", "2026-06-01T09:00:00+0200")
    codeowners.write_text(in_sync, encoding="utf-8")  # fixed, not yet committed

    def found(*args: str) -> list[dict]:
        return gk960(json.loads(report(policies, *args, "--format", "json")))

    assert found("--as-of", "2026-05-01") == []
    [stale] = found("--as-of", "2026-06-30")
    assert (stale["path"], stale["message"]) == (
        ".github/CODEOWNERS",
        ".github/CODEOWNERS differs from the approvers in the approval flow",
    )
    assert found("--today", "2026-06-30") == []


def test_as_of_judges_mkdocs_yml_as_committed(tmp_path: Path) -> None:
    policies = tmp_path / "policies"
    shutil.copytree(EXAMPLE, policies)
    repo = git.Repo.init(tmp_path)
    config = policies / "mkdocs.yml"
    clean = config.read_text(encoding="utf-8")
    commit(repo, "Policies and handbook settings", "2026-04-01T09:00:00+0200")
    config.write_text(clean + "hooks:\n  - build.py\n", encoding="utf-8")
    commit(repo, "A build hook", "2026-06-01T09:00:00+0200")
    config.write_text(clean, encoding="utf-8")  # removed, not yet committed

    def found(*args: str) -> list[tuple[str, int, str]]:
        data = json.loads(report(policies, *args, "--format", "json"))
        control = next(c for c in data["controls"] if c["id"] == "SOC2:CC8.1")
        return [
            (f["path"], f["line"], f["message"])
            for f in control["findings"]
            if f["code"] == "GK970"
        ]

    assert found("--as-of", "2026-05-01") == []
    hook_line = len(clean.splitlines()) + 1
    assert found("--as-of", "2026-06-30") == [
        ("policies/mkdocs.yml", hook_line, "'hooks' runs Python files when the site is built")
    ]
    assert found("--today", "2026-06-30") == []
