"""Workflows around the policy repository: versions, diffs, CODEOWNERS, reviews, handovers,
scaffolding and calendars. One module per job; the CLI commands are thin layers over them.
"""
