"""The sample exports of examples/exports reconciled against the example policies: exactly
these findings, at these places, each citing its export's SHA-256 and date."""

from __future__ import annotations

import hashlib
import json

from tests.conftest import line_of

from .conftest import EXPORTS, inside, reconcile, sources

POLICIES = "../../policies"
ENTRA = "entra-users-2026-11-20.csv"
EXPECTED = [
    f"{POLICIES}/accounts.yaml:248:11: warning: marit has moderator access to linkedin-nordlys"
    " in the registry but no role in the LinkedIn export [GKR04] (hint: remove marit from the"
    " access list of linkedin-nordlys, or grant the role on the platform)",
    f"{POLICIES}/accounts.yaml:447:21: warning: the login of pinterest-nordlysoutdoor"
    " (credentials.secret_ref) is not an item of its vault in the 1Password export [GKR06]"
    " (hint: store the login under the title the registry names, or correct the secret_ref)",
    f"{POLICIES}/people.yaml:235:7: error: marit has access to accounts but is not a user in"
    " the Microsoft Entra ID export [GKR02] (hint: if 'marit.li@nordlys.example' is marit, add"
    " it to identities (upn: or google:))",
    "entra-users-2026-11-20.csv:12:1: error: 'kari.nordli@nordlys.example' is disabled in"
    " Microsoft Entra ID, but kari is active on the roster [GKR01] (hint: if kari has left, set"
    " status: left and end_date in the People document and remove their access)",
    "google-users-2026-10-01.csv:1:1: warning: the export is 54 days old (dated 2026-10-01 by"
    " its file name); Settings allow 30 [GKR10] (hint: export again from the system of record"
    " and reconcile with the new file)",
    "google-users-2026-10-01.csv:4:3: error: carl is admin of instagram-nordlysoutdoor and 11"
    " more accounts but has not enrolled in two-step verification in Google Workspace [GKR09]"
    " (hint: enrol in two-step verification and enforce it for admins)",
    "meta-business-users-2026-11-20.json:5:1: error: sigrid holds business ADMIN on facebook-no"
    " but is not in its access list [GKR03] (hint: register sigrid's access to facebook-no, or"
    " remove the role on the platform)",
    "meta-business-users-2026-11-20.json:5:1: error: sigrid holds business ADMIN on facebook-se"
    " but is not in its access list [GKR03] (hint: register sigrid's access to facebook-se, or"
    " remove the role on the platform)",
    "meta-facebook-no-assigned-users-2026-11-20.json:7:1: error: ivar holds the MODERATE task"
    " (moderator) on facebook-no, but is registered as analyst [GKR05] (hint: lower the role on"
    " the platform to analyst, or register moderator access)",
    "meta-facebook-no-assigned-users-2026-11-20.json:8:1: error: lars, who left on 2026-06-30,"
    " still holds the MANAGE task on facebook-no [GKR03] (hint: remove the role on the platform"
    " and rotate the account's credentials)",
    "meta-facebook-no-assigned-users-2026-11-20.json:9:1: error: '10229918234410057' (Jonas"
    " Becker) holds the MODERATE task on facebook-no but matches nobody on the roster [GKR03]"
    " (hint: did you mean 'Jonas Becker'? If so, add the identifier to the person's identities,"
    " or remove the role)",
    "op-items-2026-11-20.json:25:1: warning: item 'twitter-nordlys-campaign-2019' of vault"
    " 'social-accounts' in the 1Password export belongs to no registered account [GKR07]"
    " (hint: register the account, or close it and delete the item)",
    "op-vault-users-social-accounts-2026-11-20.json:7:1: error: vault 'social-accounts' is"
    " shared with sigrid, who has access to none of its accounts (per the 1Password export)"
    " [GKR08] (hint: remove them from the vault, or register the access they need)",
    "platform-admins-2026-11-20.csv:5:2: error: greta holds admin on tiktok-nordlysoutdoor, but"
    " is registered as editor [GKR05] (hint: lower the role on the platform to editor, or"
    " register admin access)",
]


def digest(name: str) -> str:
    return hashlib.sha256((EXPORTS / name).read_bytes()).hexdigest()


def test_the_samples_reconcile_to_exactly_these_findings() -> None:
    with inside(EXPORTS):
        run = reconcile(*sources(), policies=POLICIES)
    assert run.exit_code == 1
    assert "example-not-a-real" not in run.stdout  # the samples' made-up passwords and notes
    lines = run.stdout.splitlines()
    assert lines[: len(EXPECTED)] == EXPECTED
    assert lines[len(EXPECTED)] == (
        "evidence: entra-users-2026-11-20.csv (entra-users) sha256 "
        f"{digest('entra-users-2026-11-20.csv')}, exported 2026-11-20 (by its file name)"
    )
    assert len(lines) == len(EXPECTED) + 10 + 1
    assert lines[-1] == (
        f"{POLICIES}: 10 errors, 4 warnings, 0 info, 0 waived (10 rules, today 2026-11-24)"
    )


def test_the_lines_point_at_what_they_name() -> None:
    people = EXPORTS.parent.parent / "policies" / "people.yaml"
    assert line_of(people, "- id: marit") == 235
    entra = EXPORTS / "entra-users-2026-11-20.csv"
    assert line_of(entra, "kari.nordli@") == 12
    meta = EXPORTS / "meta-facebook-no-assigned-users-2026-11-20.json"
    assert line_of(meta, "Lars Moen") == 8


def test_json_and_sarif_carry_the_evidence_of_each_finding() -> None:
    with inside(EXPORTS):
        report = json.loads(reconcile(*sources(), "--format", "json", policies=POLICIES).stdout)
        sarif = json.loads(reconcile(*sources(), "--format", "sarif", policies=POLICIES).stdout)
    kari = next(f for f in report["findings"] if f["code"] == "GKR01")
    assert kari["evidence"] == {
        "path": "entra-users-2026-11-20.csv",
        "kind": "entra-users",
        "system": "Microsoft Entra ID",
        "sha256": digest("entra-users-2026-11-20.csv"),
        "exported": "2026-11-20",
        "dated_by": "file name",
    }
    stale = next(f for f in report["findings"] if f["code"] == "GKR04")
    assert stale["path"] == f"{POLICIES}/accounts.yaml"
    assert stale["evidence"]["path"] == "linkedin-organization-acls-2026-11-20.json"
    assert [e["kind"] for e in report["evidence"]] == [
        "entra-users",
        "google-users",
        "1password-items",
        "1password-vault-users",
        "bitwarden",
        "bitwarden-csv",
        "meta-assigned-users",
        "meta-business-users",
        "linkedin-acls",
        "platform-admins",
    ]
    run = sarif["runs"][0]
    assert [r["ruleId"] for r in run["results"]] == [
        "GKR04", "GKR06", "GKR02", "GKR01", "GKR10", "GKR09", "GKR03", "GKR03", "GKR05",
        "GKR03", "GKR03", "GKR07", "GKR08", "GKR05",
    ]  # fmt: skip
    assert run["results"][3]["properties"]["evidence"]["sha256"] == kari["evidence"]["sha256"]
    assert run["properties"]["evidence"] == report["evidence"]
    assert {rule["id"] for rule in run["tool"]["driver"]["rules"]} >= {"GKR01", "GKR10"}


def test_github_and_junit_name_the_reconciliation_rules() -> None:
    with inside(EXPORTS):
        github = reconcile(*sources(), "--format", "github", policies=POLICIES).stdout
        junit = reconcile(*sources(), "--format", "junit", policies=POLICIES).stdout
    assert github.splitlines()[3] == (
        "::error file=entra-users-2026-11-20.csv,line=12,col=1,title=GKR01 gone-per-idp::"
        "'kari.nordli@nordlys.example' is disabled in Microsoft Entra ID, but kari is active on"
        " the roster (hint: if kari has left, set status: left and end_date in the People"
        " document and remove their access) (evidence: entra-users-2026-11-20.csv sha256"
        f" {digest('entra-users-2026-11-20.csv')}, exported 2026-11-20)"
    )
    assert '<testcase classname="GKR08" name="vault-shared-without-access"' in junit
    assert "entra-users-2026-11-20.csv:12:1: 'kari.nordli@nordlys.example' is disabled" in junit
    assert f"(evidence: entra-users-2026-11-20.csv sha256 {digest(ENTRA)}, exported" in junit
    assert 'failures="10"' in junit


def test_a_clean_reconciliation_exits_0() -> None:
    with inside(EXPORTS):
        names = ("bitwarden-nattravn-2026-11-20.json", "bitwarden-nattravn-2026-11-20.csv")
        run = reconcile(*sources(*names), policies=POLICIES)
    assert run.exit_code == 0
    assert run.stdout.splitlines()[-1] == (
        f"{POLICIES}: 0 errors, 0 warnings, 0 info, 0 waived (10 rules, today 2026-11-24)"
    )


def test_select_runs_only_the_rules_named() -> None:
    with inside(EXPORTS):
        run = reconcile(*sources(), "--select", "GKR1", "--format", "json", policies=POLICIES)
        unknown = reconcile(*sources(), "--select", "GK101", policies=POLICIES)
    assert [f["code"] for f in json.loads(run.stdout)["findings"]] == ["GKR10"]
    assert unknown.exit_code == 2
    assert unknown.stderr == (
        "govkit: error: --select: unknown rule code 'GK101' (hint: GK101 is a rule of"
        " 'govkit check')\n"
    )
