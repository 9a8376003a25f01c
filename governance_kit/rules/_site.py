"""The policy folder's mkdocs.yml as the state being judged holds it (the committed text when
the check reads a commit), judged as the handbook build judges it."""

from __future__ import annotations

from ..loading.site_config import SiteConfig, config_path, judge_site_config
from .base import Context


def judged_site_config(context: Context) -> SiteConfig | None:
    """mkdocs.yml judged; None when the check has no policy folder to read it from."""
    if context.root is None:
        return None
    path = config_path(context.root)
    committed = next((p for p in (path, path.resolve()) if p in context.files), None)
    if committed is None:
        return judge_site_config(context.root)
    text = context.files[committed]
    return judge_site_config(context.root, text) if text is not None else None


def company_site_url(context: Context) -> str | None:
    """The handbook's address mkdocs.yml gives (`site_url`), if it gives one the build takes."""
    judged = judged_site_config(context)
    return judged.settings.get("site_url") if judged is not None else None
