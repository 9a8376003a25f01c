"""GK001 invalid-yaml."""

from ..findings import INVALID_YAML
from .base import Rule


class InvalidYaml(Rule):
    """A policy file cannot be read as YAML.

    ### What it checks
    The file has a syntax error (a tab used for indentation, an unclosed quote or bracket, a key
    that is not aligned with its neighbours), is not UTF-8, is empty, holds more than one document,
    uses a YAML tag or alias expansion that policy files never need, is a link (to a file or a
    folder) that leaves the repository, or is a pipe, socket or device.

    ### Why it matters
    Nothing in the file is checked until it can be read, and nothing outside the repository is ever
    read.

    ### Example
    ```yaml
    # file: broken.yaml
    kind: [People
    ```

    ### Fix
    Correct the YAML at the position the message gives: close the bracket or quote, fix the
    indentation, or remove the tab.
    """

    code = INVALID_YAML
    name = "invalid-yaml"
    severity = "error"
    controls = ("SOC2:CC8.1", "ISO27001:A.5.36")
    validation = True
