"""The employee handbook: Markdown pages generated from the governance model, built with MkDocs."""
