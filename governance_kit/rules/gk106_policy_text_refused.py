"""GK106 policy-text-refused."""

from __future__ import annotations

from collections.abc import Iterator

from ..findings import Finding
from ..loading.policy_bodies import policy_body
from ..model.policy import Policy
from .base import Context, Rule


class PolicyTextRefused(Rule):
    """A Policy document's text is missing, its body file cannot be read, or holds a secret.

    ### What it checks
    A Policy document holds its text in `spec.body` (Markdown in the file) or names a Markdown
    file of the policy folder in `spec.body_file` (by its path from the policy folder). The rule
    reports a Policy with neither or with both, and a body file that does not exist, lies outside
    the policy folder (an absolute path, `..`, a symbolic link out), is not a regular file (a
    folder, pipe or device), is not a `.md` file, or is not UTF-8; and a body file that holds
    what looks like a credential (a password, a token, a private key), at its line in the file.
    (A secret in `body` is in the policy file itself, where GK305 finds it.)

    ### Why it matters
    The policy is what people acknowledge and what the handbook publishes: a policy whose text
    cannot be read has an owner, a version and acknowledgements of nothing. The policy folder
    comes from pull requests, so the body file is read like every untrusted file: nothing outside
    the repository is ever opened, and a pipe or device is never read. A secret in the text is
    in the repository for everyone who can read it (the handbook redacts it, like a secret in any
    other text): it must be rotated.

    ### Example
    ```yaml
    kind: Policy
    spec:
      body: null
      body_file: texts/private-accounts.md
    ```

    ### Fix
    Add the file (or correct the path, written from the policy folder), or write the text in
    `body`.
    ```text
    # file: texts/private-accounts.md
    # Your private accounts

    What you post on your own accounts is your own business, within a few rules.
    ```
    """

    code = "GK106"
    name = "policy-text-refused"
    severity = "error"
    needs = (Policy,)
    controls = ("ISO27001:A.5.1", "SOC2:CC5.3", "NIST:PL-1")

    def check(self, context: Context) -> Iterator[Finding]:
        if context.root is None:
            return
        for document in context.governance.of_kind(Policy):
            body = policy_body(document, context.root)
            yield from (*body.problems, *body.secrets)
