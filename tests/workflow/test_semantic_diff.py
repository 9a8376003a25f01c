"""The semantic diff in words, between real commits and against the working tree."""

from __future__ import annotations

from typing import Any

from tests.conftest import edit_yaml, govkit

from .conftest import PolicyRepo


def _account(data: Any, ident: str) -> Any:
    return next(a for a in data["spec"]["accounts"] if a["id"] == ident)


def _person(data: Any, ident: str) -> Any:
    return next(p for p in data["spec"]["people"] if p["id"] == ident)


def _change_accounts(data: Any) -> None:
    instagram = _account(data, "instagram-nordlysoutdoor")
    instagram["backup_owner"] = "ben"
    instagram["credentials"]["secret_ref"] = "op://social/instagram-new-secret-place"
    instagram["access"].append({"person": "dina", "level": "analyst"})
    instagram["access"] = [a for a in instagram["access"] if a["person"] != "ivar"]
    data["metadata"]["version"] = "4.4.0"
    data["metadata"]["change_summary"] = "Ben is the new backup of Instagram."


def _change_people(data: Any) -> None:
    carl = _person(data, "carl")
    carl["status"] = "left"
    carl["end_date"] = "2026-12-01"
    carl["phone"] = "+47 900 00 000"
    data["metadata"]["version"] = "3.3.0"


def _new_waiver(data: Any) -> None:
    data["spec"]["waivers"].append(
        {
            "id": "w-2026-tiktok-mfa",
            "rule": "GK205",
            "target": "tiktok-nordlysoutdoor",
            "justification": "The hardware key is being replaced this month.",
            "approved_by": "hanna",
            "approved_on": "2026-11-20",
            "expires": "2026-12-31",
        }
    )


EXPECTED = """\
## Governance changes

10 changes in 4 documents between `main` and `change`.

### Social media account and credential registry (`nordlys-accounts`)

- version 4\\.3\\.0 -> 4\\.4\\.0: Ben is the new backup of Instagram\\.
- account `instagram-nordlysoutdoor`: access granted to dina (analyst)
- account `instagram-nordlysoutdoor`: access revoked from ivar (analyst)
- account `instagram-nordlysoutdoor`: backup owner changed from carl to ben
- account `instagram-nordlysoutdoor`: credentials: credential reference changed

### Social media brand guide (`nordlys-brand`)

- review interval of `nordlys-brand`: P2Y -> P6M

### Social media roles and roster (`nordlys-people`)

- version 3\\.2\\.0 -> 3\\.3\\.0
- person `carl`: status active -> left (2026-12-01)
- person `carl`: phone changed

### Accepted risks \\(waivers\\) (`nordlys-waivers`)

- new waiver `w-2026-tiktok-mfa` for GK205 on `tiktok-nordlysoutdoor` (expires 2026-12-31)
"""


def test_diff_between_two_commits(policy_repo: PolicyRepo) -> None:
    policies = policy_repo.policies
    edit_yaml(policies / "accounts.yaml", _change_accounts)
    edit_yaml(policies / "people.yaml", _change_people)
    edit_yaml(
        policies / "brand.yaml",
        lambda d: d["metadata"]["review"].__setitem__("interval", "P6M"),
    )
    edit_yaml(policies / "waivers.yaml", _new_waiver)
    policy_repo.commit("Several changes")
    run = govkit("diff", "main", "change", policies)
    assert run.exit_code == 0, run.stderr
    assert run.stdout == EXPECTED
    assert "op://" not in run.stdout
    assert "+47" not in run.stdout


def test_diff_against_the_working_tree(policy_repo: PolicyRepo) -> None:
    policies = policy_repo.policies

    def remove_account(data: Any) -> None:
        data["spec"]["accounts"] = [
            a for a in data["spec"]["accounts"] if a["id"] != "pinterest-nordlysoutdoor"
        ]

    edit_yaml(policies / "accounts.yaml", remove_account)
    run = govkit("diff", "main", policies)
    assert run.exit_code == 0, run.stderr
    assert run.stdout == (
        "## Governance changes\n\n"
        "1 change in 1 document between `main` and working tree.\n\n"
        "### Social media account and credential registry (`nordlys-accounts`)\n\n"
        "- account `pinterest-nordlysoutdoor` removed\n"
    )


def test_no_changes(policy_repo: PolicyRepo) -> None:
    run = govkit("diff", "main", "change", policy_repo.policies)
    assert run.exit_code == 0
    assert run.stdout == (
        "## Governance changes\n\nNo governance changes between `main` and `change`.\n"
    )


def test_unknown_ref_is_one_line(policy_repo: PolicyRepo) -> None:
    run = govkit("diff", "v9", "change", policy_repo.policies)
    assert run.exit_code == 2
    assert run.stderr.strip().count("\n") == 0
    assert "'v9' is not a commit, branch or tag" in run.stderr


def test_rota_and_handover_changes(policy_repo: PolicyRepo) -> None:
    policies = policy_repo.policies

    captured: dict[str, Any] = {}

    def move(data: Any) -> None:
        shift = data["spec"]["rota"]["shifts"][0]
        captured["shift"] = dict(shift)
        shift["person"] = "greta" if shift["person"] != "greta" else "frida"

    edit_yaml(policies / "moderation.yaml", move)
    run = govkit("diff", "main", policies)
    shift = captured["shift"]
    new = "greta" if shift["person"] != "greta" else "frida"
    days = ", ".join(shift["days"])
    assert (
        f"- rota shift {days} {shift['start']}-{shift['end']}: {shift['person']} -> {new}\n"
        in run.stdout
    )


BESIDE = """\
### Files beside the policies

- **Site configuration changed** (`policies/mkdocs.yml`): reviewers, check that it only sets \
names, colours, links and files in handbook/; `govkit check` (GK970) refuses settings that run \
code or read files.
- **Handbook pages changed** (`policies/handbook/a.md`, `policies/handbook/b.md`, \
`policies/handbook/c.md`, `policies/handbook/d.md`, `policies/handbook/e.md` and 2 more): \
reviewers, read them as every employee will; `govkit check` (GK971) refuses scripts, frames \
and includes.
- **CI configuration changed** (`.github/workflows/publish.yml`, `.gitlab-ci.yml`): reviewers, \
check what the jobs run and which secrets and permissions they get.
- **Code owners changed** (`.github/CODEOWNERS`): reviewers, check that it matches \
`govkit codeowners` (GK960): it decides who must approve.
"""


def test_files_beside_the_policies_are_named_not_shown(policy_repo: PolicyRepo) -> None:
    root, policies = policy_repo.root, policy_repo.policies
    (root / ".gitlab-ci.yml").write_text("stages: [check]\n")
    policy_repo.commit("CI for GitLab")
    policy_repo.repo.git.branch("-f", "main", "HEAD")
    with (policies / "mkdocs.yml").open("a", encoding="utf-8") as config:
        config.write("hooks:\n  - hidden-content-7351.py\n")
    for name in "abcdefg":
        (policies / "handbook" / f"{name}.md").write_text(f"# {name}\n")
    (root / ".github" / "workflows").mkdir(parents=True)
    (root / ".github" / "workflows" / "publish.yml").write_text("on: push\n")
    (root / ".github" / "CODEOWNERS").write_text("* @someone\n")
    (root / ".gitlab-ci.yml").unlink()
    policy_repo.commit("Outside the policies")

    run = govkit("diff", "main", "change", policies)

    assert run.exit_code == 0, run.stderr
    assert run.stdout == (
        "## Governance changes\n\nNo governance changes between `main` and `change`.\n\n" + BESIDE
    )
    assert "hidden-content-7351" not in run.stdout


def test_working_tree_changes_beside_the_policies(policy_repo: PolicyRepo) -> None:
    page = policy_repo.policies / "handbook" / "welcome.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nMore.\n", encoding="utf-8")
    (policy_repo.root / ".pre-commit-config.yaml").write_text("repos: []\n")
    (policy_repo.root / "README.md").write_text("Not watched.\n")
    run = govkit("diff", "main", policy_repo.policies)
    assert run.exit_code == 0, run.stderr
    assert run.stdout.endswith(
        "### Files beside the policies\n\n"
        "- **Handbook pages changed** (`policies/handbook/welcome.md`): reviewers, read them as "
        "every employee will; `govkit check` (GK971) refuses scripts, frames and includes.\n"
        "- **CI configuration changed** (`.pre-commit-config.yaml`): reviewers, check what the "
        "jobs run and which secrets and permissions they get.\n"
    )
    assert "README" not in run.stdout


def test_milestone_changes_are_told_in_words(policy_repo: PolicyRepo) -> None:
    policies = policy_repo.policies

    def done(data: Any) -> None:
        drill = next(m for m in data["spec"]["milestones"] if m["id"] == "m-crisis-drill")
        drill["status"] = "done"
        drill["done_on"] = "2026-11-24"

    edit_yaml(policies / "roadmap.yaml", done)
    run = govkit("diff", "main", policies)
    assert run.exit_code == 0, run.stderr
    assert run.stdout == (
        "## Governance changes\n\n"
        "2 changes in 1 document between `main` and working tree.\n\n"
        "### Rollout plan (`nordlys-rollout-60-days`)\n\n"
        "- milestone `m-crisis-drill`: status: planned -> done\n"
        "- milestone `m-crisis-drill`: done on set to 2026\\-11\\-24\n"
    )
