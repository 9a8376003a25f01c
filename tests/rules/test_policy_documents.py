"""Policy documents (kind Policy): their text read as untrusted (GK106), judged like a handbook
page (GK971), and acknowledged by their audience (GK503)."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

from governance_kit.loading.policy_bodies import policy_body
from governance_kit.loading.repository import load_repository
from tests.conftest import edit_yaml, line_of
from tests.rules.helpers import brief, check, column_of

SOCIAL = "policy-social-media.yaml"
PRIVATE = "policy-private-accounts.yaml"


def body_file(root: Path, name: str) -> tuple[Path, int, int]:
    """Point the social media policy at `name`; the file, the line and column of the value."""
    path = root / SOCIAL
    edit_yaml(path, lambda data: data["spec"].update(body_file=name))
    line = line_of(path, "body_file:")
    return path, line, column_of(path, line, name)


def gk106(root: Path) -> list[tuple[str, int, int, str]]:
    return [(f.path.name, f.line, f.column, f.message) for f in check(root, "GK106")]


def test_the_example_policies_are_readable_safe_and_acknowledged(example: Path) -> None:
    for code in ("GK106", "GK107", "GK971", "GK503"):
        assert check(example, code) == []
        assert check(example, code, date(2027, 12, 31)) == []


def test_a_missing_body_file_is_reported_at_its_line(example: Path) -> None:
    path, line, column = body_file(example, "texts/missing.md")
    [finding] = check(example, "GK106")
    assert (finding.path, finding.line, finding.column) == (path, line, column)
    assert finding.message == (
        "policy 'nordlys-social-media-policy' has a body file 'texts/missing.md' that does "
        "not exist"
    )
    assert finding.hint == "add the file, or correct the path (from the policy folder)"
    assert finding.target == "nordlys-social-media-policy"
    assert finding.severity == "error"


def test_a_body_file_outside_the_policy_folder_is_never_read(example: Path) -> None:
    (example.parent / "secret.md").write_text("outside\n", encoding="utf-8")
    _, line, column = body_file(example, "../secret.md")
    assert gk106(example) == [
        (
            SOCIAL,
            line,
            column,
            "policy 'nordlys-social-media-policy' has a body file '../secret.md' that lies "
            "outside the policy folder",
        )
    ]
    body_file(example, "/etc/hostname.md")
    assert gk106(example)[0][3].endswith("'/etc/hostname.md' that lies outside the policy folder")


def test_a_link_out_a_pipe_and_a_folder_are_refused(example: Path) -> None:
    (example.parent / "secret.md").write_text("outside\n", encoding="utf-8")
    (example / "texts" / "link.md").symlink_to(example.parent / "secret.md")
    os.mkfifo(example / "texts" / "pipe.md")
    (example / "texts" / "folder.md").mkdir()
    expected = {
        "texts/link.md": "symbolic link points outside the policy repository",
        "texts/pipe.md": "not a regular file",
        "texts/folder.md": "a folder",
    }
    for name, problem in expected.items():
        body_file(example, name)
        [(_, _, _, message)] = gk106(example)
        assert message == (
            f"policy 'nordlys-social-media-policy' has a body file '{name}' that is refused: "
            f"{problem}"
        )


def test_a_body_file_must_be_utf8_markdown(example: Path) -> None:
    (example / "texts" / "latin1.md").write_bytes(b"# Sosiale medier\n\nBl\xe5b\xe6r\n")
    (example / "texts" / "notes.txt").write_text("plain\n", encoding="utf-8")
    body_file(example, "texts/latin1.md")
    assert gk106(example)[0][3] == (
        "policy 'nordlys-social-media-policy' has a body file 'texts/latin1.md' that is "
        "refused: file is not valid UTF-8 (byte 0xe5)"
    )
    body_file(example, "texts/notes.txt")
    assert gk106(example)[0][3] == (
        "policy 'nordlys-social-media-policy' has a body file 'texts/notes.txt' that is not a "
        "Markdown file"
    )


def test_a_policy_needs_exactly_one_text(example: Path) -> None:
    path = example / PRIVATE
    edit_yaml(path, lambda data: data["spec"].update(body_file="texts/social-media-policy.md"))
    line = line_of(path, "body_file:")
    assert gk106(example) == [
        (
            PRIVATE,
            line,
            column_of(path, line, "texts/"),
            "policy 'nordlys-private-accounts' gives both `body` and `body_file`",
        )
    ]
    edit_yaml(path, lambda data: [data["spec"].pop(key) for key in ("body", "body_file")])
    spec = line_of(path, "spec:")
    assert gk106(example) == [
        (PRIVATE, spec + 1, 3, "policy 'nordlys-private-accounts' has no text")
    ]


def test_a_script_in_a_body_file_is_refused_like_a_handbook_page(example: Path) -> None:
    text = example / "texts" / "social-media-policy.md"
    text.write_text("## Rules\n\nBe kind. <script>alert(1)</script>\n", encoding="utf-8")
    assert [(f.path, f.line, f.column, f.code, f.message) for f in check(example, "GK971")] == [
        (text, 3, 10, "GK971", "a raw <script> element is not allowed in a handbook page")
    ]


def test_a_script_in_an_inline_body_names_the_line_of_the_body(example: Path) -> None:
    path = example / PRIVATE
    edit_yaml(path, lambda data: data["spec"].update(body="# Rules\n\n[x](javascript:alert(1))\n"))
    line = line_of(path, "body:")
    [finding] = check(example, "GK971")
    assert (finding.path.name, finding.line, finding.target) == (
        PRIVATE,
        line,
        "nordlys-private-accounts",
    )
    assert finding.message == (
        "a 'javascript:' link is not allowed in a handbook page (line 3 of the policy's body)"
    )


def test_everyone_in_the_audience_acknowledges_the_current_version(example: Path) -> None:
    edit_yaml(
        example / "acknowledgements-policies.yaml",
        lambda data: data["spec"]["acknowledgements"].pop(),  # sigrid's
    )
    people = example / "people.yaml"
    assert brief(check(example, "GK503")) == [
        (
            "people.yaml",
            line_of(people, "- id: sigrid"),
            "GK503",
            "sigrid",
            "person 'sigrid' has not acknowledged version 1.2.0 of 'nordlys-social-media-policy'",
        )
    ]


def test_an_audience_by_employment_leaves_others_out(example: Path) -> None:
    edit_yaml(example / PRIVATE, lambda data: data["spec"].update(acknowledgement_required=True))
    found = check(example, "GK503")
    # every employee on the roster but lars (left); ola works for an agency
    assert [f.target for f in found] == [
        "ana", "ben", "carl", "dina", "erik", "frida", "greta", "hanna", "ivar", "jonas", "kari",
        "marit", "sigrid",
    ]  # fmt: skip
    assert found[0].message == (
        "person 'ana' has not acknowledged version 1.0.0 of 'nordlys-private-accounts'"
    )
    edit_yaml(example / PRIVATE, lambda data: data["metadata"].update(status="draft"))
    assert check(example, "GK503") == []


def test_an_audience_by_role_and_team(example: Path) -> None:
    def audience(data: dict) -> None:
        data["spec"]["acknowledgement_required"] = True
        data["spec"]["audience"] = {"roles": ["support"], "teams": ["Customer Service (DACH)"]}

    edit_yaml(example / PRIVATE, audience)
    assert [f.target for f in check(example, "GK503")] == ["jonas"]


def test_policy_documents_are_not_required_and_may_be_many(example: Path) -> None:
    for name in (SOCIAL, PRIVATE, "acknowledgements-policies.yaml"):
        (example / name).unlink()
    edit_yaml(
        example / "approvals.yaml",
        lambda data: data["spec"].update(
            policy_changes=[
                c
                for c in data["spec"]["policy_changes"]
                if c["document"] not in ("nordlys-social-media-policy", "nordlys-private-accounts")
            ]
        ),
    )
    repository = load_repository(example)
    assert repository.valid, [f.message for f in repository.findings]


def test_a_secret_in_a_body_file_is_reported_at_its_line_and_never_shown(example: Path) -> None:
    token = "ghp_" + "Zq8rT2vLk9Xw4nB7mC1dF6hJ3pS5uY0aE2gI"
    text = example / "texts" / "social-media-policy.md"
    text.write_text(f"## Rules\n\nOur bot logs in with {token} today.\n", encoding="utf-8")
    [finding] = check(example, "GK106")
    assert (finding.path, finding.line, finding.column) == (text, 3, 22)
    assert finding.message == (
        "policy 'nordlys-social-media-policy' has a body file 'texts/social-media-policy.md' "
        "that holds what looks like a GitHub token"
    )
    assert token[4:] not in finding.message + (finding.hint or "")
    assert check(example, "GK971") == []


def test_a_linked_folder_out_of_the_repository_is_not_read(example: Path) -> None:
    """The loader refuses a link out anywhere under the policies (GK001); the body file is
    judged on its own too, its links followed to the end, for a link made after loading."""
    body_file(example, "linked/policy.md")
    repository = load_repository(example)
    outside = example.parent / "elsewhere"
    outside.mkdir()
    (outside / "policy.md").write_text("# Not ours\n", encoding="utf-8")
    (example / "linked").symlink_to(outside)
    document = next(d for d in repository.documents if d.id == "nordlys-social-media-policy")
    body = policy_body(document, example)
    assert body.text is None
    assert [f.message for f in body.problems] == [
        "policy 'nordlys-social-media-policy' has a body file 'linked/policy.md' that is "
        "refused: symbolic link points outside the policy repository"
    ]


def test_an_audience_that_matches_nobody_is_reported(example: Path) -> None:
    path = example / PRIVATE

    def typo(data: dict) -> None:
        data["spec"]["audience"] = {"teams": ["Customer service"], "employment": ["employee"]}

    edit_yaml(path, typo)
    [finding] = check(example, "GK107")
    assert (finding.path.name, finding.line, finding.column) == (
        PRIVATE,
        line_of(path, "audience:"),
        3,
    )
    assert finding.message == (
        "policy 'nordlys-private-accounts' applies to nobody on the roster: no one active or "
        "leaving matches team 'Customer service' and employment employee"
    )
    assert finding.severity == "warning"
    edit_yaml(path, lambda data: data["spec"]["audience"].update(teams=["Legal & Compliance"]))
    assert check(example, "GK107") == []
    edit_yaml(
        path,
        lambda data: data["spec"].update(
            audience={"roles": ["support"], "employment": ["student"]}
        ),
    )
    assert check(example, "GK107")[0].message.endswith(
        "matches role 'support' and employment student"
    )
    edit_yaml(path, lambda data: data["spec"].update(audience={}))
    assert check(example, "GK107") == []


def test_a_policy_to_acknowledge_is_checked_without_any_acknowledgements(example: Path) -> None:
    for name in ("acknowledgements.yaml", "acknowledgements-policies.yaml"):
        (example / name).unlink()
    found = check(example, "GK503")
    assert {f.message.split(" of ")[-1] for f in found} == {"'nordlys-social-media-policy'"}
    assert [f.target for f in found] == [
        "ana", "ben", "carl", "dina", "erik", "frida", "greta", "hanna", "ivar", "jonas", "kari",
        "marit", "ola", "sigrid",
    ]  # fmt: skip


def test_a_body_file_larger_than_4_mib_is_not_read(example: Path) -> None:
    big = example / "texts" / "big.md"
    big.write_bytes(b"a" * (4 * 1024 * 1024 + 1))
    body_file(example, "texts/big.md")
    assert gk106(example)[0][3] == (
        "policy 'nordlys-social-media-policy' has a body file 'texts/big.md' that is larger "
        "than 4 MiB"
    )
