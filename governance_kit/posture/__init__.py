"""The governance posture report: controls, the rules serving them, findings, waivers, accounts
and reviews, for the working tree or as the policy repository stood on a date in Git history.
"""

from __future__ import annotations

from .build import Posture, build_posture
from .render import FORMATS, render

__all__ = ["FORMATS", "Posture", "build_posture", "render"]
