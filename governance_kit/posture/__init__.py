"""The governance posture report: controls, the rules serving them, findings, waivers, accounts
and reviews, for the working tree or as the policy repository stood on a date in Git history.
"""

from __future__ import annotations

from .build import InvalidPolicies, Posture, build_posture, posture_of
from .render import FORMATS, render

__all__ = ["FORMATS", "InvalidPolicies", "Posture", "build_posture", "posture_of", "render"]
