"""Changing the policy files: reviews, handovers, `init`, and the journal and lock that make every
change all-or-nothing. Edits keep comments and layout (ruamel.yaml round trip).
"""

JOURNAL_NAME = ".govkit.journal"
"""The journal of a change to several policy files, beside them while the change runs."""
LOCK_NAME = ".govkit.lock"
"""The lock a writer holds on the policy folder for its whole run."""
