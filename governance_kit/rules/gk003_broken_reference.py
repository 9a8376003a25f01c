"""GK003 broken-reference."""

from ..findings import BROKEN_REFERENCE
from .base import Rule


class BrokenReference(Rule):
    """A document names an id nothing defines, or ids collide.

    ### What it checks
    A document names a person, role, channel, account, course, plan, escalation path or policy
    document that no file defines, or Settings map a rule to a control id that is neither in the
    catalogue nor among the company's own controls (`controls.extra`); an id is defined twice; a
    kind of document every governance model needs is missing, or a kind that must be unique appears
    twice; or escalation paths hand over to each other in a circle.

    ### Why it matters
    A reference to an id nothing defines usually hides a spelling mistake or a renamed entity: the
    rules that follow the reference would judge nothing, so govkit stops after validation and
    `govkit check` exits with 2.

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
    duplicate. Account owners are checked by the orphaned-account rules instead, so that a departed
    owner is reported as a governance gap rather than a typing error.
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
