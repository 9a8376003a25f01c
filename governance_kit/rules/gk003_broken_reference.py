"""GK003 broken-reference."""

from ..findings import BROKEN_REFERENCE
from .base import Rule


class BrokenReference(Rule):
    """A document names an id nothing defines, or ids collide.

    ### What it checks
    A document names a person (an account's business or backup owner too), role, channel, account,
    course, plan, escalation path or policy document that no file defines, or Settings map a rule to
    a control id that is neither in the catalogue nor among the company's own controls
    (`controls.extra`); an id is defined twice; a kind of document every governance model needs is
    missing, or a kind that must be unique appears twice; or escalation paths hand over to each
    other in a circle. Ids of a kind whose document is invalid are not judged (they may stand in the
    invalid file), and a kind that is there but invalid is not missing.

    ### Why it matters
    A reference to an id nothing defines usually hides a spelling mistake or a renamed entity, or
    an owner removed from the roster while still owning an account: nobody anyone can reach
    answers for it. `govkit validate` (and so the pre-commit hook and the CI validate step)
    reports it, and `govkit check` exits with 2.

    ### Example
    ```yaml
    kind: AccountRegistry
    spec:
      accounts:
        - id: instagram-teampro
          channel: instagram-brnd
    ```

    ### Fix
    Add the missing entity, correct the id (the hint names the closest known one), or remove the
    duplicate. Keep people who have left on the roster with `status: left` until their accounts
    are handed over: the orphaned-account rules (GK203, GK204) then report the gap.
    ```yaml
    kind: AccountRegistry
    spec:
      accounts:
        - id: instagram-teampro
          channel: instagram-brand
    ```
    """

    code = BROKEN_REFERENCE
    name = "broken-reference"
    severity = "error"
    controls = ("SOC2:CC2.1", "SOC2:CC8.1", "ISO27001:A.5.9")
    validation = True
