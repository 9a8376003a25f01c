"""governance-kit: social-media governance as code.

Layout: `model` (the pydantic models, source of truth), `loading` (YAML with source positions,
validation, cross-references), `rules` (one module per check), `checker` (runs the rules,
applies waivers), `formats` (check output: text, JSON, SARIF, GitHub, JUnit), `handbook` (the MkDocs
employee handbook), `workflow` (Git: diffs, versions, reviews, handovers, init, calendar),
`drafts` (brand rules for posts before they go out), `report` and `controls` (the evidence
report per control), `cli` (click).
"""

__version__ = "0.1.0"
