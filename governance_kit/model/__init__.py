"""The governance model: one pydantic class per document kind, the single source of truth.

JSON Schemas in `schemas/` are generated from these classes (`govkit schema export`).

The modules that define models do not use `from __future__ import annotations`: pydantic would
then compile each of some 500 annotation strings when the classes are defined, 5 ms of every
start (tests/test_model.py checks it). A name used before its class is defined is quoted.
"""

from __future__ import annotations

import os

# The toolkit uses no pydantic plugin; without this, building the first model scans the
# metadata of every installed distribution for one (about 5 ms at every start).
os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")

from .envelope import API_VERSION
from .kinds import ENTITY_LISTS, KINDS, POLICY_KINDS, RECORD_KINDS, REQUIRED_KINDS, SINGLE_KINDS

__all__ = [
    "API_VERSION",
    "ENTITY_LISTS",
    "KINDS",
    "POLICY_KINDS",
    "RECORD_KINDS",
    "REQUIRED_KINDS",
    "SINGLE_KINDS",
]
