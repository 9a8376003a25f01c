"""GK953 version-decreased."""

from __future__ import annotations

from .base import Rule


class VersionDecreased(Rule):
    """A policy document's version went backwards.

    Versions only move forward: a lower version than at the base of the branch usually means a
    merge or a revert went wrong, and two different texts would soon carry the same number.

    Set `metadata.version` higher than the version at the base (see the message). To undo a
    change, publish the old text as a new version. This rule needs Git history, so it only
    runs with `govkit check --base REF`.
    """

    code = "GK953"
    name = "version-decreased"
    severity = "error"
    external = True
    summary = "A policy document's version is lower than at the base."
    controls = ("SOC2:CC8.1",)
