"""The hostile-input corpus: each case, how it is put into a policy folder, and what it must say.

A case is one file dropped beside the example policies. Most are files in `corpus/`, copied as
they are; the others (too large, too deep, or not plain files at all) are made by a function.
`expected` holds the findings of that file exactly as `govkit validate` prints them, without the
leading `path:`. To add a case: add a file to `corpus/` and a line to CASES.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from governance_kit.model import KINDS
from tests.conftest import EXAMPLE, line_of

CORPUS = Path(__file__).resolve().parent / "corpus"
TAG_HINT = "(hint: policy files hold plain text, numbers, dates, lists and mappings only)"
DATE_HINT = "(hint: write dates as YYYY-MM-DD, e.g. 2026-03-31)"
EMPTY_HINT = "(hint: a policy file needs apiVersion, kind, metadata and spec)"
MAPPING = "error: expected a mapping with apiVersion, kind, metadata, spec; found"
SECRET_HINT = (
    "(hint: remove it, rotate the credential (git history keeps it) and store it in the "
    "secret manager; refer to it as e.g. op://vault/item)"
)
FIELDS = "id, rule, target, justification, approved_by, approved_on, expires"
WAIVER = """apiVersion: governance-kit.dev/v1
kind: Waivers
metadata:
  id: hostile-waivers
  title: Waivers written badly on purpose
spec:
  waivers:
    - id: {id}
      rule: GK206
      target: engage-social-hub
      justification: Accepted while the second admin is on leave.
      approved_by: hanna
      approved_on: 2026-10-15
      expires: 2027-01-31
"""
LEVELS = 10_000
KIND_NAMES = ", ".join(KINDS)


@dataclass(frozen=True)
class Case:
    """One hostile file: its name in the policy folder, its findings, and how to make it."""

    name: str
    expected: tuple[str, ...]
    make: Callable[[Path], None] | None = None
    secrets: tuple[str, ...] = ()
    """GK305 findings, which `govkit validate` and `govkit check` add to the validation
    findings."""
    checked: tuple[str, ...] = ()
    """Findings of the rules that `govkit check` runs over a file that is valid but for a
    broken reference (GK003 does not stop the rules)."""

    def install(self, policies: Path) -> None:
        if self.make is not None:
            self.make(policies / self.name)
        else:
            shutil.copyfile(CORPUS / self.name, policies / self.name)

    @property
    def codes(self) -> set[str]:
        return {line.rsplit("[", 1)[1].split("]")[0] for line in self.expected}


def case(
    name: str,
    *expected: str,
    make: Callable[[Path], None] | None = None,
    secrets: tuple[str, ...] = (),
    checked: tuple[str, ...] = (),
) -> Case:
    return Case(name, expected, make, secrets, checked)


def canary(target: Path) -> Path:
    """The file a YAML tag would create if anything were ever constructed from it."""
    return target.parent.parent / f"CANARY-{target.stem}"


def _python_tag(tag: str) -> Callable[[Path], None]:
    def make(target: Path) -> None:
        payload = f'kind: {tag} ["touch {canary(target)}"]\n'
        target.write_text(WAIVER.format(id="w-tag").replace("kind: Waivers\n", payload), "utf-8")

    return make


def _huge_scalar(target: Path) -> None:
    target.write_text(WAIVER.format(id="w" * 5_000_000), encoding="utf-8")


def _deep(opening: str, closing: str) -> Callable[[Path], None]:
    def make(target: Path) -> None:
        target.write_text(f"deep: {opening * LEVELS}{closing * LEVELS}\n", encoding="utf-8")

    return make


def _deep_block_mapping(target: Path) -> None:
    with target.open("w", encoding="utf-8") as stream:
        for level in range(LEVELS):
            stream.write(" " * level + "k:\n")


def _deep_block_sequence(target: Path) -> None:
    target.write_text("- " * LEVELS + "x\n", encoding="utf-8")


def _escalation_cycle(target: Path) -> None:
    text = target.read_text(encoding="utf-8")
    tier = "          within: PT1H\n          approver: legal-compliance\n"
    assert text.count(tier) == 1
    target.write_text(text.replace(tier, tier + "          escalates_to: customer-complaint\n"))


def _symlink_outside(target: Path) -> None:
    outside = target.parent.parent / "outside.yaml"
    outside.write_text(WAIVER.format(id="w-outside"), encoding="utf-8")
    target.symlink_to(outside)


def _symlink_loop(target: Path) -> None:
    target.symlink_to(target)


def _dangling_symlink(target: Path) -> None:
    target.symlink_to(target.parent / "gone.yaml")


def _fifo(target: Path) -> None:
    os.mkfifo(target)


def _unreadable(target: Path) -> None:
    target.write_text(WAIVER.format(id="w-unreadable"), encoding="utf-8")
    target.chmod(0)


def _cycle(start: str, other: str) -> str:
    line = line_of(EXAMPLE / "moderation.yaml", f"- id: {start}")
    return (
        f"{line}:7: error: escalation paths form a cycle: {start} -> {other} -> {start} [GK003] "
        "(hint: make the last tier hand over to nobody, or to a path that ends)"
    )


CASES = [
    # Malformed YAML
    case(
        "tab-indent.yaml",
        "9:1: error: invalid YAML: a tab character cannot indent YAML [GK001] "
        "(hint: indent with spaces)",
    ),
    case(
        "bad-indent.yaml",
        "10:6: error: invalid YAML: did not find expected '-' indicator (while parsing a block "
        "collection) [GK001] (hint: check the indentation of the list items)",
    ),
    case(
        "unclosed-double-quote.yaml",
        "11:22: error: invalid YAML: a quoted text is not closed [GK001] "
        "(hint: add the closing quote)",
    ),
    case(
        "unclosed-single-quote.yaml",
        "5:10: error: invalid YAML: a quoted text is not closed [GK001] "
        "(hint: add the closing quote)",
    ),
    case(
        "unclosed-bracket.yaml",
        "7:12: error: invalid YAML: a '[' list is not closed [GK001] "
        "(hint: add the closing ']' or a missing comma)",
    ),
    case(
        "unclosed-brace.yaml",
        "3:11: error: invalid YAML: a '{' mapping is not closed [GK001] "
        "(hint: add the closing '}' or a missing comma)",
    ),
    case(
        "stray-document-start.yaml",
        "6:1: error: invalid YAML: more than one YAML document in the file [GK001] "
        "(hint: keep one document per file)",
    ),
    case(
        "stray-document-end.yaml",
        "7:1: error: invalid YAML: more text after the end of the document [GK001] "
        "(hint: remove the '...' line; keep one document per file)",
    ),
    case(
        "flow-empty-key.yaml",
        "3:33: error: invalid YAML: did not find expected node content (while parsing a flow "
        "node) [GK001]",
    ),
    case(
        "flow-key-without-value.yaml",
        "3:38: error: metadata.title: no value given [GK002] (hint: write the value after the ':')",
    ),
    case(
        "duplicate-key.yaml",
        "15:7: error: duplicate key 'approved_by' (first defined on line 12) [GK001] "
        "(hint: remove one of the two)",
    ),
    case(
        "control-character.yaml",
        "11:30: error: invalid YAML: control character U+001B is not allowed [GK001] "
        "(hint: delete it; policy files hold printable text only)",
    ),
    case(
        "nul-byte.yaml",
        "11:30: error: invalid YAML: control character U+0000 is not allowed [GK001] "
        "(hint: delete it; policy files hold printable text only)",
    ),
    # Not a document
    case("empty.yaml", f"1:1: error: file is empty [GK001] {EMPTY_HINT}"),
    case("whitespace-only.yaml", f"1:1: error: file is empty [GK001] {EMPTY_HINT}"),
    case("comment-only.yaml", f"1:1: error: file is empty [GK001] {EMPTY_HINT}"),
    case("top-level-list.yaml", f"1:1: {MAPPING} a list [GK002]"),
    case("top-level-scalar.yaml", f"1:1: {MAPPING} a single value (str) [GK002]"),
    case(
        "kind-near-miss.yaml",
        "2:7: error: unknown kind 'Waiver' [GK002] (hint: did you mean 'Waivers'?)",
    ),
    case(
        "kind-is-a-list.yaml",
        f"2:7: error: kind must be one name; found a list [GK002] (hint: kinds: {KIND_NAMES})",
    ),
    case(
        "api-version-unknown.yaml",
        "1:13: error: unsupported apiVersion 'governance-kit.dev/v2' [GK002] "
        "(hint: this version of governance-kit reads 'governance-kit.dev/v1')",
    ),
    # Wrong fields, types and dates
    case(
        "unknown-key-near-miss.yaml",
        "11:7: error: spec.waivers[0].justifcation: unknown field 'justifcation' [GK002] "
        "(hint: did you mean 'justification'?)",
    ),
    case(
        "key-is-a-number.yaml",
        f"15:7: error: spec.waivers[0]['1']: unknown field '1' [GK002] "
        f"(hint: allowed fields: {FIELDS})",
    ),
    case(
        "wrong-type-list-for-text.yaml",
        "11:22: error: spec.waivers[0].justification: input should be a valid string [GK002]",
    ),
    case(
        "wrong-type-mapping-for-list.yaml",
        "7:12: error: spec.waivers: input should be a valid list [GK002]",
    ),
    case(
        "wrong-type-number-for-id.yaml",
        "8:11: error: spec.waivers[0].id: expected text, found a number [GK002] "
        "(hint: put the value in quotes to make it text)",
    ),
    case(
        "date-impossible.yaml",
        "14:16: error: spec.waivers[0].expires: '2026-02-30' is not a valid date (day value is "
        f"outside expected range) [GK002] {DATE_HINT}",
    ),
    case(
        "date-day-month-year.yaml",
        "14:16: error: spec.waivers[0].expires: '30.11.2026' is not a date written YYYY-MM-DD "
        "[GK002] (hint: write it as 2026-11-30)",
    ),
    case(
        "date-year-slash.yaml",
        "14:16: error: spec.waivers[0].expires: '2026/11/30' is not a date written YYYY-MM-DD "
        "[GK002] (hint: write it as 2026-11-30)",
    ),
    case(
        "date-us-order.yaml",
        "14:16: error: spec.waivers[0].expires: '11/30/2026' is not a date written YYYY-MM-DD "
        "[GK002] (hint: write it as 2026-11-30)",
    ),
    case(
        "date-in-words.yaml",
        "14:16: error: spec.waivers[0].expires: 'next monday' is not a date written YYYY-MM-DD "
        f"[GK002] {DATE_HINT}",
    ),
    case(
        "date-as-number.yaml",
        "14:16: error: spec.waivers[0].expires: '20261130' is not a date written YYYY-MM-DD "
        "[GK002] (hint: write it as 2026-11-30)",
    ),
    # Encodings
    case(
        "latin-1.yaml",
        "11:35: error: file is not valid UTF-8 (byte 0xf8) [GK001] (hint: save it as UTF-8)",
    ),
    case(
        "utf-16-le-bom.yaml", "1:1: error: file is UTF-16 encoded [GK001] (hint: save it as UTF-8)"
    ),
    case(
        "utf-16-be-bom.yaml", "1:1: error: file is UTF-16 encoded [GK001] (hint: save it as UTF-8)"
    ),
    # Size and depth
    case(
        "huge-scalar.yaml",
        f"8:11: error: spec.waivers[0].id: '{'w' * 59}…' is not a valid id [GK002] (hint: ids "
        "use lower-case letters, digits, '.', '_' and '-', e.g. instagram-main)",
        make=_huge_scalar,
    ),
    case(
        "deep-flow-sequence.yaml",
        "1:71: error: nesting deeper than 64 levels [GK001]",
        make=_deep("[", "]"),
    ),
    case(
        "deep-flow-mapping.yaml",
        "1:263: error: nesting deeper than 64 levels [GK001]",
        make=_deep("{a: ", "}"),
    ),
    case(
        "deep-block-mapping.yaml",
        "66:66: error: nesting deeper than 64 levels [GK001]",
        make=_deep_block_mapping,
    ),
    case(
        "deep-block-sequence.yaml",
        "1:131: error: nesting deeper than 64 levels [GK001]",
        make=_deep_block_sequence,
    ),
    # Aliases
    case(
        "billion-laughs.yaml",
        "1:1: error: aliases expand to more than 200,000 values [GK001] "
        "(hint: remove the nested anchors and aliases (an 'alias bomb'))",
    ),
    case(
        "merge-key-bomb.yaml",
        "1:1: error: aliases expand to more than 200,000 values [GK001] "
        "(hint: remove the nested anchors and aliases (an 'alias bomb'))",
    ),
    case(
        "recursive-alias.yaml", "3:7: error: an alias refers to the value that contains it [GK001]"
    ),
    case(
        "undefined-alias.yaml",
        "12:20: error: invalid YAML: found undefined alias [GK001] "
        "(hint: define the anchor (&name) before using the alias (*name))",
    ),
    # Tags: refused, never constructed (the python/ ones would create a canary file)
    case(
        "tag-python-object-apply.yaml",
        f"2:7: error: YAML tag '!!python/object/apply:os.system' is not allowed [GK001] {TAG_HINT}",
        make=_python_tag("!!python/object/apply:os.system"),
    ),
    case(
        "tag-python-object-new.yaml",
        f"2:7: error: YAML tag '!!python/object/new:os.system' is not allowed [GK001] {TAG_HINT}",
        make=_python_tag("!!python/object/new:os.system"),
    ),
    case(
        "tag-python-name.yaml",
        f"2:7: error: YAML tag '!!python/name:os.system' is not allowed [GK001] {TAG_HINT}",
        make=_python_tag("!!python/name:os.system"),
    ),
    case("tag-local.yaml", f"10:15: error: YAML tag '!account' is not allowed [GK001] {TAG_HINT}"),
    case("tag-binary.yaml", f"11:22: error: YAML tag '!!binary' is not allowed [GK001] {TAG_HINT}"),
    case("tag-set.yaml", f"6:7: error: YAML tag '!!set' is not allowed [GK001] {TAG_HINT}"),
    case("tag-omap.yaml", f"3:11: error: YAML tag '!!omap' is not allowed [GK001] {TAG_HINT}"),
    # Secrets in values that fail validation: never echoed
    case(
        "secret-as-date.yaml",
        "14:16: error: spec.waivers[0].expires: a value that looks like a GitHub token (not "
        f"repeated here) is not a date written YYYY-MM-DD [GK002] {DATE_HINT}",
        secrets=(
            f"14:16: error: value of 'expires' looks like a GitHub token [GK305] {SECRET_HINT}",
        ),
    ),
    case(
        "secret-as-id.yaml",
        "8:11: error: spec.waivers[0].id: a value that looks like a Slack token (not repeated "
        "here) is not a valid id [GK002] (hint: ids use lower-case letters, digits, '.', '_' "
        "and '-', e.g. instagram-main)",
        secrets=(f"8:11: error: value of 'id' looks like a Slack token [GK305] {SECRET_HINT}",),
    ),
    case(
        "secret-as-key.yaml",
        "15:7: error: spec.waivers[0][…]: unknown field a name that looks like an AWS access key "
        f"(not repeated here) [GK002] (hint: allowed fields: {FIELDS})",
        secrets=(
            f"15:7: error: key looks like an AWS access key [GK305] {SECRET_HINT}",
            f"15:29: error: value of '…' looks like a high-entropy token [GK305] {SECRET_HINT}",
        ),
    ),
    case(
        "secret-as-duplicate-key.yaml",
        "2:1: error: duplicate key a name that looks like a Stripe key (not repeated here) "
        "(first defined on line 1) [GK001] (hint: remove one of the two)",
        secrets=(
            f"1:1: error: line holds what looks like a Stripe key [GK305] {SECRET_HINT}",
            f"2:1: error: line holds what looks like a Stripe key [GK305] {SECRET_HINT}",
        ),
    ),
    case(
        "secret-under-unknown-key.yaml",
        "10:7: error: spec.waivers[0].password: unknown field 'password' [GK002] "
        f"(hint: allowed fields: {FIELDS})",
        secrets=(
            "10:17: error: value of 'password' looks like a plaintext credential [GK305] (hint: "
            "rotate this password now: it is in the Git history; then store it in the secret "
            "manager and reference it, e.g. credentials.secret_ref: op://vault/item)",
        ),
    ),
    # References between files
    case(
        "missing-reference.yaml",
        "12:20: error: unknown person 'hana' [GK003] (hint: did you mean 'hanna'?)",
        # the waiver is valid but for its approver: the rules run, and the example's own
        # waiver of the same finding is the one applied
        checked=(
            "8:7: info: waiver 'w-hostile' of GK206 for 'engage-social-hub' matches no finding "
            "[GK902] (hint: delete it if the risk is gone, or correct its 'rule' or 'target')",
        ),
    ),
    case(
        "moderation.yaml",
        *(
            _cycle(start, other)
            for start, other in [
                ("customer-complaint", "safety-legal"),
                ("safety-legal", "customer-complaint"),
            ]
        ),
        make=_escalation_cycle,
    ),
    # Not plain files
    case(
        "symlink-outside.yaml",
        "1:1: error: symbolic link points outside the policy repository; not read [GK001] "
        "(hint: copy the file into the repository instead)",
        make=_symlink_outside,
    ),
    case(
        "symlink-loop.yaml",
        "1:1: error: symbolic link points outside the policy repository; not read [GK001] "
        "(hint: copy the file into the repository instead)",
        make=_symlink_loop,
    ),
]

NOT_YET = [
    # What is not a regular file is passed on to read_yaml(), which reports it.
    case(
        "fifo.yaml",
        "1:1: error: not a regular file; not read [GK001] "
        "(hint: policy files are plain files, not pipes, sockets or devices)",
        make=_fifo,
    ),
    case(
        "dangling-symlink.yaml",
        "1:1: error: cannot read file: No such file or directory [GK001]",
        make=_dangling_symlink,
    ),
]

UNREADABLE = case(
    "unreadable.yaml", "1:1: error: cannot read file: Permission denied [GK001]", make=_unreadable
)
