"""Validation against NIST's official OSCAL 1.2.1 JSON Schemas, patterns really evaluated.

The schemas' patterns use `\\p{L}` and `\\p{N}` (tokens) and ECMAScript's `$` (end of text,
not before a final newline). Python's `re` rejects the first and reads the second differently,
so the `pattern` keyword is evaluated here by regress, the ECMAScript regular expression engine
that check-jsonschema uses, in Unicode mode.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

import regress
from jsonschema import Draft7Validator, ValidationError, validators

AR_SCHEMA = "oscal/oscal_assessment-results_schema.json"
COMPONENT_SCHEMA = "oscal/oscal_component_schema.json"


@cache
def _compiled(pattern: str) -> regress.Regex:
    return regress.Regex(pattern, flags="u")


def _pattern(
    validator: Any, pattern: str, instance: Any, schema: dict[str, Any]
) -> Iterator[ValidationError]:
    if isinstance(instance, str) and _compiled(pattern).find(instance) is None:
        yield ValidationError(f"{instance!r} does not match {pattern!r}")


OscalValidator = validators.extend(Draft7Validator, {"pattern": _pattern})


def errors(document: dict[str, Any], reference: Path, schema_name: str) -> list[str]:
    """Every schema error of `document`, as 'path: message', empty when it is valid."""
    schema = json.loads((reference / schema_name).read_text(encoding="utf-8"))
    validator = OscalValidator(schema, format_checker=Draft7Validator.FORMAT_CHECKER)
    return sorted(
        f"{'/'.join(str(p) for p in error.absolute_path)}: {error.message}"
        for error in validator.iter_errors(document)
    )
