"""`python -m governance_kit` runs the `govkit` command line."""

from .cli.program import main

main()
