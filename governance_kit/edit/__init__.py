"""Changing the policy files: reviews, handovers, `init`, and the journal and lock that make every
change all-or-nothing. Edits keep comments and layout (ruamel.yaml round trip).
"""
