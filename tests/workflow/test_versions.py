"""Version discipline against a real Git history: GK951-GK955."""

from __future__ import annotations

from pathlib import Path

import pytest

from governance_kit.git.refs import GitProblem
from governance_kit.workflow.versions import version_findings
from tests.conftest import TODAY, edit_yaml, govkit, line_of

from .conftest import PolicyRepo


def _rows(findings: list) -> list[tuple[str, str, int, str, str]]:
    return [(f.code, f.path.name, f.line, f.severity, f.message) for f in findings]


def test_unchanged_branch_has_no_findings(policy_repo: PolicyRepo) -> None:
    assert version_findings(policy_repo.policies, "main") == []


def test_change_without_bump(policy_repo: PolicyRepo) -> None:
    brand = policy_repo.policies / "brand.yaml"
    edit_yaml(brand, lambda d: d["spec"]["disclosure"].__setitem__("ads_label", "#reklame"))
    policy_repo.commit("Change the ads label")
    findings = version_findings(policy_repo.policies, "main")
    assert _rows(findings) == [
        (
            "GK951",
            "brand.yaml",
            line_of(brand, "  version: 2.2.0"),
            "error",
            "'nordlys-brand' changed since main but its version is still 2.2.0",
        )
    ]
    assert findings[0].column == 12
    assert findings[0].target == "nordlys-brand"


def test_uncommitted_change_counts_too(policy_repo: PolicyRepo) -> None:
    brand = policy_repo.policies / "brand.yaml"
    edit_yaml(brand, lambda d: d["metadata"].__setitem__("title", "Brand guide"))
    assert [f.code for f in version_findings(policy_repo.policies, "main")] == ["GK951"]


def test_recording_a_review_needs_no_bump(policy_repo: PolicyRepo) -> None:
    def review(data):
        data["metadata"]["review"]["last_reviewed"] = "2026-11-20"
        data["metadata"]["review"]["note"] = "Checked."

    edit_yaml(policy_repo.policies / "brand.yaml", review)
    assert version_findings(policy_repo.policies, "main") == []


def test_minor_bump_is_clean(policy_repo: PolicyRepo) -> None:
    def change(data):
        data["spec"]["disclosure"]["ads_label"] = "#reklame"
        data["metadata"]["version"] = "2.3.0"

    edit_yaml(policy_repo.policies / "brand.yaml", change)
    assert version_findings(policy_repo.policies, "main") == []


def test_major_bump_without_new_summary(policy_repo: PolicyRepo) -> None:
    brand = policy_repo.policies / "brand.yaml"

    def change(data):
        data["spec"]["disclosure"]["ads_label"] = "#reklame"
        data["metadata"]["version"] = "3.0.0"

    edit_yaml(brand, change)
    policy_repo.commit("Major")
    assert _rows(version_findings(policy_repo.policies, "main")) == [
        (
            "GK952",
            "brand.yaml",
            line_of(brand, "  version: 3.0.0"),
            "error",
            "'nordlys-brand' goes from 2.2.0 to 3.0.0, a major version, "
            "without a new change_summary",
        )
    ]

    edit_yaml(brand, lambda d: d["metadata"].__setitem__("change_summary", "New ad label."))
    assert version_findings(policy_repo.policies, "main") == []


def test_version_going_backwards(policy_repo: PolicyRepo) -> None:
    scope = policy_repo.policies / "scope.yaml"
    edit_yaml(scope, lambda d: d["metadata"].__setitem__("version", "2.0.9"))
    policy_repo.commit("Oops")
    assert _rows(version_findings(policy_repo.policies, "main")) == [
        (
            "GK953",
            "scope.yaml",
            line_of(scope, "  version: 2.0.9"),
            "error",
            "version of 'nordlys-scope' went backwards: 2.1.0 at main, 2.0.9 now",
        )
    ]


def test_added_and_removed_documents(policy_repo: PolicyRepo) -> None:
    objectives = policy_repo.policies / "objectives.yaml"
    removed_line = line_of(objectives, "  version: 3.0.0")
    objectives.unlink()
    extra = policy_repo.policies / "brand-extra.yaml"
    text = (policy_repo.policies / "brand.yaml").read_text(encoding="utf-8")
    extra.write_text(text.replace("id: nordlys-brand", "id: nordlys-brand-2"), encoding="utf-8")
    policy_repo.commit("Swap documents")
    assert _rows(version_findings(policy_repo.policies, "main")) == [
        (
            "GK954",
            "brand-extra.yaml",
            line_of(extra, "  version: 2.2.0"),
            "info",
            "new document 'nordlys-brand-2' (version 2.2.0), not at main",
        ),
        (
            "GK955",
            "objectives.yaml",
            removed_line,
            "info",
            "document 'nordlys-objectives' (version 3.0.0 at main) was removed",
        ),
    ]


def test_compares_with_the_merge_base(policy_repo: PolicyRepo) -> None:
    """Changes on main after the branch left it are not the branch's changes."""
    repo = policy_repo.repo
    repo.heads.main.checkout()
    edit_yaml(
        policy_repo.policies / "brand.yaml",
        lambda d: d["spec"]["disclosure"].__setitem__("ads_label", "#annonse"),
    )
    policy_repo.commit("Change on main without a bump")
    repo.heads.change.checkout()
    assert version_findings(policy_repo.policies, "main") == []


def test_unknown_ref_and_no_repository(policy_repo: PolicyRepo, tmp_path: Path) -> None:
    with pytest.raises(GitProblem, match="'nope' is not a commit, branch or tag"):
        version_findings(policy_repo.policies, "nope")
    outside = tmp_path / "plain"
    outside.mkdir()
    with pytest.raises(GitProblem, match="not inside a Git repository"):
        version_findings(outside, "main")


def test_check_with_base_reports_version_findings(policy_repo: PolicyRepo) -> None:
    brand = policy_repo.policies / "brand.yaml"
    edit_yaml(brand, lambda d: d["spec"]["disclosure"].__setitem__("ads_label", "#reklame"))
    plain = govkit("check", policy_repo.policies, "--today", TODAY, "--select", "GK9")
    assert "GK951" not in plain.stdout
    run = govkit("check", policy_repo.policies, "--today", TODAY, "--base", "main")
    assert run.exit_code == 1
    line = line_of(brand, "  version: 2.2.0")
    assert (
        f"{brand}:{line}:12: error: 'nordlys-brand' changed since main but its version is "
        "still 2.2.0 [GK951] (hint: bump metadata.version and say what changed in "
        "metadata.change_summary)"
    ) in run.stdout
    ignored = govkit(
        "check", policy_repo.policies, "--today", TODAY, "--base", "main", "--ignore", "GK951"
    )
    assert "GK951" not in ignored.stdout


def test_check_with_unknown_base(policy_repo: PolicyRepo) -> None:
    run = govkit("check", policy_repo.policies, "--today", TODAY, "--base", "nope")
    assert run.exit_code == 2
    assert "'nope' is not a commit, branch or tag" in run.stderr


def test_check_with_base_judges_the_valid_documents_when_one_is_invalid(
    policy_repo: PolicyRepo,
) -> None:
    """The version rules compare each valid document with the base; whether a document was
    removed cannot be told while one is invalid (GK955 says it did not run)."""
    brand, training = policy_repo.policies / "brand.yaml", policy_repo.policies / "training.yaml"
    edit_yaml(brand, lambda d: d["spec"]["disclosure"].__setitem__("ads_label", "#reklame"))
    text = training.read_text(encoding="utf-8")
    training.write_text(text.replace("spec:\n", "spec:\n  colour: blue\n", 1), encoding="utf-8")
    run = govkit(
        "check", policy_repo.policies, "--today", TODAY, "--base", "main", "--select", "GK9"
    )
    assert run.exit_code == 2
    assert [line.split(": ", 2)[1:] for line in run.stdout.splitlines()[:-1]] == [
        [
            "error",
            "'nordlys-brand' changed since main but its version is still 2.2.0 [GK951] (hint: "
            "bump metadata.version and say what changed in metadata.change_summary)",
        ],
        [
            "info",
            "2 rules did not run (GK955, GK960): training.yaml is not a valid TrainingPlan "
            "document [GK004] (hint: it runs once the document is valid)",
        ],
        ["error", "spec.colour: unknown field 'colour' [GK002] (hint: did you mean 'courses'?)"],
    ]


def test_a_changed_policy_text_file_needs_a_new_version(policy_repo: PolicyRepo) -> None:
    text = policy_repo.policies / "texts" / "social-media-policy.md"
    text.write_text(text.read_text(encoding="utf-8") + "\nNew duty: disclose AI images.\n")
    policy_repo.commit("Change the policy text")
    policy = policy_repo.policies / "policy-social-media.yaml"
    version = next(line for line in policy.read_text().splitlines() if "  version: " in line)
    findings = version_findings(policy_repo.policies, "main")
    assert _rows(findings) == [
        (
            "GK951",
            "policy-social-media.yaml",
            line_of(policy, version),
            "error",
            f"the text of 'nordlys-social-media-policy' (social-media-policy.md) changed since "
            f"main but its version is still {version.split(': ')[1]}",
        )
    ]


def test_a_changed_policy_text_with_a_new_version_is_clean(policy_repo: PolicyRepo) -> None:
    text = policy_repo.policies / "texts" / "social-media-policy.md"
    text.write_text(text.read_text(encoding="utf-8") + "\nNew duty: disclose AI images.\n")
    policy = policy_repo.policies / "policy-social-media.yaml"

    def bump(data):
        major, minor, _ = data["metadata"]["version"].split(".")
        data["metadata"]["version"] = f"{major}.{int(minor) + 1}.0"

    edit_yaml(policy, bump)
    policy_repo.commit("Change the policy text and its version")
    assert version_findings(policy_repo.policies, "main") == []


def test_check_base_names_a_changed_policy_text(policy_repo: PolicyRepo) -> None:
    text = policy_repo.policies / "texts" / "social-media-policy.md"
    text.write_text(text.read_text(encoding="utf-8").replace("a", "e", 1))
    run = govkit(
        "check", policy_repo.policies, "--today", TODAY, "--base", "main", "--select", "GK951"
    )
    assert run.exit_code == 1
    assert (
        "the text of 'nordlys-social-media-policy' (social-media-policy.md) changed" in run.stdout
    )
