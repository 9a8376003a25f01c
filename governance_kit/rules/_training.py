"""The training facts the training rules share; they live in the model (`model.training_needs`)."""

from __future__ import annotations

from datetime import date

from ..model.training import Course
from ..model.training_needs import Completed, Requirements, latest_completions, trainees

__all__ = ["Completed", "Requirements", "expiry", "latest_completions", "trainees"]


def expiry(course: Course, completed: date) -> date | None:
    """The day after which a completion of the course no longer counts; None: it always does."""
    return course.expiry(completed)
