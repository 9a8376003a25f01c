"""`python -m governance_kit` runs the `govkit` command line."""

from .cli.main import main

main()
