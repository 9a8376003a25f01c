"""GK002 invalid-document."""

from ..findings import INVALID_DOCUMENT
from .base import Rule


class InvalidDocument(Rule):
    """A policy file does not match the model of its kind.

    ### What it checks
    A required field is missing, a field is not known (often a spelling mistake; the hint names the
    closest field), a value has the wrong type or form (a date that is not YYYY-MM-DD or does not
    exist, an id with capitals or spaces, a status that is not one of the allowed values), or the
    envelope (apiVersion, kind, metadata, spec) is wrong.

    ### Why it matters
    A document that does not match its model cannot be trusted by any other rule: govkit stops after
    validation, and `govkit check` exits with 2 until the file is corrected.

    ### Example
    ```yaml
    kind: AccountRegistry
    spec:
      accounts:
        - id: instagram-teampro
          status: sleeping
    ```

    ### Fix
    Fix the value at the line and column given. Editors that read the `# yaml-language-server` line
    at the top of each file complete and check fields while you type.
    ```yaml
    kind: AccountRegistry
    spec:
      accounts:
        - id: instagram-teampro
          status: active
    ```
    """

    code = INVALID_DOCUMENT
    name = "invalid-document"
    severity = "error"
    controls = ("SOC2:CC8.1", "ISO27001:A.5.36", "NIST:CM-3")
    validation = True
