"""GK004 rule-not-run."""

from ..findings import RULE_NOT_RUN
from .base import Rule


class RuleNotRun(Rule):
    """A rule did not run because a document it needs is invalid or missing.

    ### What it checks
    `govkit check` checks every valid document even when others are invalid: each rule runs
    when every document of the kinds it needs (`govkit rules CODE` shows them under "Needs
    valid") is valid and each required one is there. A rule that needs an invalid document, a
    missing required kind, a kind that must be single but is repeated, or any kind while a file
    whose kind cannot be told is invalid, does not run; one line per such kind says so, at the
    file that stopped the rules, naming them. An invalid Settings document is
    reported too (the default settings are used), and an invalid Waivers document (its waivers
    do not apply).

    ### Why it matters
    A rule that cannot see all of what it judges would report problems that are not there, or
    miss those that are. Saying which rules did not run keeps a partial check honest: the
    findings shown are all true, and the missing ones are named.

    ### Example
    ```yaml
    kind: AccountRegistry
    spec:
      accounts:
        - id: instagram-teampro
          credentials: {password: Fjellstue-Sommer-2026}
    ```

    ### Fix
    Fix the invalid document (the other findings of the file say how) or add the missing one;
    the rules run again once it is valid.
    ```yaml
    kind: AccountRegistry
    spec:
      accounts:
        - id: instagram-teampro
          credentials:
            password: null  # removed: the login lives in the vault (secret_ref)
    ```
    """

    code = RULE_NOT_RUN
    name = "rule-not-run"
    severity = "info"
    controls = ("ISO27001:A.5.36",)
    validation = True
