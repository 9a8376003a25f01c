"""governance-kit: social-media governance as code.

The layers, bottom to top, and what each package may import: docs/architecture.md.
"""

__version__ = "0.1.0"
