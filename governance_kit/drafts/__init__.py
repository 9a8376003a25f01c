"""Drafts of posts checked against the brand rules before they are published.

`govkit post check DRAFT --account ID` reads a draft (Markdown with optional YAML front matter),
works out the rules that apply to the account (`effective.py`), and runs the draft rules
(`rules/`, one module per rule, codes GKP01 to GKP13) over a `DraftContext` through the one
rule engine (`check.py`, `checker.run_all`).
"""
