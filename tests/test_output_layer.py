"""The output layer is the only way out: a structural check of the modules that write output.

Read with `ast`, not run: the reporters, renderers and commands never escape on their own,
never format a finding's texts or a file name except through `governance_kit.output`, and every
line the command line prints is built from the output layer (or is the toolkit's own text).
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

from governance_kit import output
from governance_kit.findings import Finding
from governance_kit.redaction import CONFIDENTIAL, protect, redact
from tests.conftest import edit_yaml, govkit, line_of
from tests.planted import planted

PACKAGE = Path(output.__file__).parent
OUTPUT_MODULES = sorted(
    [
        *PACKAGE.glob("formats/*.py"),
        *PACKAGE.glob("cli/*.py"),
        *PACKAGE.glob("handbook/pages/*.py"),
        PACKAGE / "posture" / "render.py",
        PACKAGE / "posture" / "trend_render.py",
        PACKAGE / "posture" / "chart.py",
        PACKAGE / "workflow" / "semantic_diff.py",
        PACKAGE / "workflow" / "ical.py",
        PACKAGE / "edit" / "handover.py",
        PACKAGE / "git" / "codeowners.py",
        PACKAGE / "markup" / "escape.py",
        PACKAGE / "handbook" / "site.py",
    ]
)
LAYER = {
    *("out", "output", "terminal", "text", "cell", "link", "code", "code_cell", "t", "c", "p"),
    *("fail", "_table"),
}
"""Names under which modules use the output layer (`out.markdown`, `terminal`, the handbook's
`text`/`cell`/`link`, which are the layer's Markdown functions, `fail`, whose message and hint
go through `terminal`, and the HTML report's `_table`, which puts every cell through
`out.html`)."""
ESCAPERS = {("html", "escape"), ("json", "dumps"), ("saxutils", "escape"), ("markupsafe", "escape")}
FINDING_TEXTS = {"message", "hint", "waiver", "target"}
NOT_OUTPUT = {"fingerprint", "findings_of", "leaked", "secret_values", "_secret_pieces"}
"""Functions that use texts without printing them (hashes, grouping, leak checks)."""
TOOLKIT_TEXT = {"when", "problems", "bound", "rule", "error"}
"""Names click.echo may format as they are: dates, counts, a port, the toolkit's own rules, an
operating-system error's message (its file name goes through the layer); and calls of
len, int and type."""
FINDING_MODULES = {"formats", "cli", "render.py"}
"""Where findings are printed: the texts of a finding are checked there."""


def modules() -> Iterator[tuple[Path, ast.Module]]:
    for path in OUTPUT_MODULES:
        yield path, ast.parse(path.read_text(encoding="utf-8"))


def _parents(tree: ast.AST) -> dict[ast.AST, ast.AST]:
    return {child: node for node in ast.walk(tree) for child in ast.iter_child_nodes(node)}


def _layer_call(node: ast.AST) -> bool:
    if not isinstance(node, ast.Call):
        return False
    func = node.func
    if isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name):
        return func.value.id in LAYER
    return isinstance(func, ast.Name) and func.id in LAYER


def _allowed(node: ast.AST, parents: dict[ast.AST, ast.AST]) -> bool:
    """Inside an output-layer call, a test (`if finding.hint`), or a function that only hashes."""
    current = node
    while current in parents:
        parent = parents[current]
        if _layer_call(parent) and current is not getattr(parent, "func", None):
            return True
        if isinstance(parent, ast.Compare | ast.BoolOp) or (
            isinstance(parent, ast.If | ast.IfExp) and current is parent.test
        ):
            return True
        if isinstance(parent, ast.FunctionDef) and (
            parent.name in NOT_OUTPUT or _returns_json(parent)
        ):
            return True
        current = parent
    return False


def _returns_json(function: ast.FunctionDef) -> bool:
    """A function whose result is `out.json(...)`: every text in the document is redacted."""
    return any(
        isinstance(node, ast.Return)
        and isinstance(node.value, ast.Call)
        and isinstance(node.value.func, ast.Attribute)
        and node.value.func.attr == "json"
        and _layer_call(node.value)
        for node in ast.walk(function)
    )


def _raw_finding_texts(tree: ast.Module) -> Iterator[ast.AST]:
    parents = _parents(tree)
    for node in ast.walk(tree):
        texts = isinstance(node, ast.Attribute) and node.attr in FINDING_TEXTS
        path = (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr == "display_path"
        )
        if (texts or path) and not _allowed(node, parents):
            yield node


def test_only_the_output_layer_escapes() -> None:
    found = []
    for path, tree in modules():
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Attribute)
                and isinstance(node.value, ast.Name)
                and (node.value.id, node.attr) in ESCAPERS
                and path.name != "site.py"
            ):
                found.append(f"{path.relative_to(PACKAGE)}:{node.lineno}")
            if isinstance(node, ast.Constant) and node.value in ("%25", "&lt;", "&amp;"):
                found.append(f"{path.relative_to(PACKAGE)}:{node.lineno}")
    assert found == [], found


def test_finding_texts_and_file_names_leave_only_through_the_output_layer() -> None:
    found = [
        f"{path.relative_to(PACKAGE)}:{node.lineno}"
        for path, tree in modules()
        if {path.parent.name, path.name} & FINDING_MODULES
        for node in _raw_finding_texts(tree)
    ]
    assert found == [], found


def _echoed(tree: ast.Module) -> Iterator[ast.AST]:
    """The first argument of every click.echo."""
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr == "echo"
            and node.args
        ):
            yield node.args[0]


def _raw_values(argument: ast.AST) -> Iterator[ast.AST]:
    """Formatted values of an echoed f-string that are not made by the output layer."""
    for node in ast.walk(argument):
        if not isinstance(node, ast.FormattedValue):
            continue
        value = node.value
        if _layer_call(value):
            continue
        root = value
        while isinstance(root, ast.Attribute):
            root = root.value
        if isinstance(root, ast.Call) and getattr(root.func, "id", None) in {"len", "int", "type"}:
            continue
        if _count_in_words(root):
            continue
        if isinstance(root, ast.Name) and root.id in TOOLKIT_TEXT:
            continue
        yield node


def _count_in_words(node: ast.AST) -> bool:
    """`counted(len(...), "noun")`: a number and a noun written in the source, nothing else."""
    if not (isinstance(node, ast.Call) and len(node.args) == 2):
        return False
    name = getattr(node.func, "id", None) or getattr(node.func, "attr", None)
    number, noun = node.args
    return (
        name == "counted"
        and isinstance(noun, ast.Constant)
        and isinstance(noun.value, str)
        and isinstance(number, ast.Call)
        and getattr(number.func, "id", None) == "len"
    )


def test_every_echoed_line_is_built_by_the_output_layer() -> None:
    found = []
    for path, tree in modules():
        if path.parent.name != "cli":
            continue
        for argument in _echoed(tree):
            if isinstance(argument, ast.Call) and isinstance(argument.func, ast.Name):
                assert argument.func.id not in {"str", "repr"}, (path, argument.lineno)
            found += [f"{path.name}:{node.lineno}" for node in _raw_values(argument)]
    assert found == [], found


def test_the_checked_modules_exist_and_use_the_layer() -> None:
    assert len(OUTPUT_MODULES) >= 30
    for path, tree in modules():
        names = {n.id for n in ast.walk(tree) if isinstance(n, ast.Name)}
        # modules that print through others, or print nothing (locate.py: finding PATH;
        # program.py: the process around the commands; counts.py: numbers in words)
        delegates = {
            "__init__.py", "progress.py", "main.py", "posture.py", "trend.py", "locate.py",
            "program.py", "counts.py",
        }  # fmt: skip
        assert names & LAYER or path.name in delegates, path


def test_a_finding_is_redacted_when_it_is_made() -> None:
    token = next(planted())
    finding = Finding(Path("a.yaml"), 1, 1, f"value {token.text} is wrong", hint=token.text)
    assert finding.message == f"value [redacted: looks like a {token.shape}] is wrong"
    assert finding.hint == f"[redacted: looks like a {token.shape}]"


def test_confidential_values_are_redacted_in_every_medium() -> None:
    phone = "+47 912 34 567"
    protect(lambda: [phone, "op://social/instagram-main"])
    assert redact(f"call {phone} now") == f"call {CONFIDENTIAL} now"
    assert redact("ref 'op://social/instagram-main'.") == f"ref '{CONFIDENTIAL}'."
    for medium in (output.markdown, output.html, output.xml, output.terminal, output.github_data):
        assert phone not in medium(f"phone: {phone}")


@pytest.mark.parametrize(
    ("medium", "expected"),
    [
        (output.terminal, "a\\x1b[31mb<U+202E>c\\nd"),
        (output.xml, "a\\x1b[31mb<U+202E>c\\nd"),
        (output.html, "a\\x1b[31mb&lt;U+202E&gt;c\\nd"),
        (output.github_data, "a\\x1b[31mb<U+202E>c%0Ad"),
        (output.github_property, "a\\x1b[31mb<U+202E>c%0Ad"),
        (output.markdown, "a\\\\x1b\\[31mb&lt;U\\+202E&gt;c d"),
    ],
)
def test_control_and_bidi_characters_are_shown_in_every_medium(medium, expected: str) -> None:
    assert medium("a\x1b[31mb\u202ec\nd") == expected


def test_a_validation_error_never_quotes_a_confidential_value(
    example: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def change(data: dict) -> None:
        data["spec"]["accounts"][0]["credentials"]["login_email"] = "anne-at-home-no-at-sign"

    edit_yaml(example / "accounts.yaml", change)
    monkeypatch.chdir(example.parent)
    run = govkit("validate", "policies")
    line = line_of(example / "accounts.yaml", "anne-at-home-no-at-sign")
    assert run.stdout == (
        f"policies/accounts.yaml:{line}:22: error: spec.accounts[0].credentials.login_email: a "
        "confidential value (not repeated here) is not a valid e-mail address [GK002]\n"
    )


def test_a_random_folder_in_a_path_is_not_taken_for_a_token() -> None:
    """A temporary folder's random name (`/tmp/tmpy8kwd21_/policies`) is judged as a part of
    the path, not the whole path as one word; a token that is a part of a path still is one."""
    from governance_kit.redaction import redact

    summary = "/tmp/tmpy8kwd21_/policies: 0 errors, 0 warnings"
    assert redact(summary) == summary
    leaked = "/home/runner/work/xK9q2Lm8vB4rT6yU1wE3sD5fG7hJ/policies"
    assert redact(leaked) == "[redacted: looks like a high-entropy token]"


def test_govkit_temporary_file_names_are_not_taken_for_tokens() -> None:
    """tempfile's eight random characters in `.brand.yaml.fes36k78.tmp` are no credential; a
    random-looking name in front of them still is."""
    from governance_kit.redaction import redact

    mine = "/tmp/run/policies/.brand.yaml.fes36k78.tmp"
    assert redact(f"{mine}: changed by another command") == f"{mine}: changed by another command"
    hidden = "policies/.Zk3Jq9XwP2mL8vT4rY6nB1cD.yaml.fes36k78.tmp"
    assert redact(hidden) == "[redacted: looks like a high-entropy token]"
