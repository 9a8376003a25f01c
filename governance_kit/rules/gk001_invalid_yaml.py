"""GK001 invalid-yaml."""

from ..findings import INVALID_YAML
from .base import Rule


class InvalidYaml(Rule):
    """A policy file cannot be read as YAML.

    The file has a syntax error (a tab used for indentation, an unclosed quote or bracket, a key
    that is not aligned with its neighbours), is not UTF-8, is empty, holds more than one
    document, uses a YAML tag or alias expansion that policy files never need, is a link (to a
    file or a folder) that leaves the repository, or is a pipe, socket or device. Nothing in the
    file is checked until it can be read, and nothing outside the repository is ever read.

    Fix the file at the line and column given; the hint says what is most likely wrong. Save
    files as UTF-8, indent with spaces, and keep one document per file.
    """

    code = INVALID_YAML
    name = "invalid-yaml"
    severity = "error"
    controls = ("SOC2:CC8.1", "ISO27001:A.5.36")
    validation = True
