"""The registry checked against reality: `govkit reconcile` reads exports of the identity
provider, the password manager and the platforms (`governance_kit.exports`), and runs the
reconciliation rules (`rules/`, one module per rule, codes GKR01 to GKR10) over a
`ReconcileContext` through the one rule engine (`check.py`, `checker.run_all`).
"""
