"""The catalogue of control ids the rules map to, with their titles, and a company's own controls.

A rule names the controls it supports in `Rule.controls` (e.g. `SOC2:CC6.2`). Every id used
there must be in `CATALOGUE`. A company adds its own ids with titles in Settings
(`spec.controls.extra`) and maps rules to them (`spec.controls.map`); an id in the map that is
neither in the catalogue nor in `extra` is a broken reference (GK003), reported by
`govkit validate` at its line.
Titles are short paraphrases for orientation, not the text of the frameworks.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

CATALOGUE: dict[str, str] = {
    "SOC2:CC1.4": "Commitment to attract, develop and retain competent individuals",
    "SOC2:CC2.1": "Relevant, quality information supports internal control",
    "SOC2:CC2.2": "Internal communication of objectives and responsibilities",
    "SOC2:CC2.3": "Communication with external parties",
    "SOC2:CC3.2": "Risks are identified and analysed",
    "SOC2:CC5.3": "Control activities deployed through policies and procedures",
    "SOC2:CC6.1": "Logical access security software, infrastructure and architectures",
    "SOC2:CC6.2": "Users are registered and authorised before access is granted",
    "SOC2:CC6.3": "Access is modified or removed as roles change",
    "SOC2:CC7.2": "System components are monitored for anomalies",
    "SOC2:CC7.3": "Security events are evaluated",
    "SOC2:CC7.4": "Security incidents are responded to",
    "SOC2:CC8.1": "Changes are authorised, documented, tested and approved",
    "SOC2:A1.2": "Recovery infrastructure and availability are maintained",
    "ISO27001:A.5.1": "Policies for information security",
    "ISO27001:A.5.2": "Information security roles and responsibilities",
    "ISO27001:A.5.3": "Segregation of duties",
    "ISO27001:A.5.9": "Inventory of information and other associated assets",
    "ISO27001:A.5.11": "Return of assets",
    "ISO27001:A.5.15": "Access control",
    "ISO27001:A.5.16": "Identity management",
    "ISO27001:A.5.17": "Authentication information",
    "ISO27001:A.5.18": "Access rights",
    "ISO27001:A.5.24": "Incident management planning and preparation",
    "ISO27001:A.5.26": "Response to information security incidents",
    "ISO27001:A.5.30": "ICT readiness for business continuity",
    "ISO27001:A.5.36": "Compliance with policies, rules and standards",
    "ISO27001:A.6.3": "Information security awareness, education and training",
    "ISO27001:A.6.5": "Responsibilities after termination or change of employment",
    "ISO27001:A.8.5": "Secure authentication",
    "ISO27001:A.8.24": "Use of cryptography (protection of keys and secrets)",
    "CIS:3": "Data protection",
    "CIS:5": "Account management",
    "CIS:6": "Access control management",
    "NIST:AC-2": "Account management",
    "NIST:AC-2(10)": "Account management: shared and group account credential change",
    "NIST:AT-3": "Role-based training",
    "NIST:CA-5": "Plan of action and milestones",
    "NIST:CM-3": "Configuration change control",
    "NIST:CP-2": "Contingency plan",
    "NIST:IA-2": "Identification and authentication",
    "NIST:IA-5": "Authenticator management",
    "NIST:IR-4": "Incident handling",
    "NIST:IR-8": "Incident response plan",
    "NIST:PL-1": "Policy and procedures",
    "NIST:PS-4": "Personnel termination",
    "NIST:PS-6": "Access agreements",
    "NIST:PS-7": "External personnel security",
}
"""Every control id a rule may name, with a short title."""


def frameworks() -> list[str]:
    """Framework prefixes of the catalogue, e.g. SOC2, ISO27001."""
    return sorted({ident.split(":", 1)[0] for ident in CATALOGUE})


def known(extra: Mapping[str, str] | None = None) -> dict[str, str]:
    """The catalogue plus a company's own controls."""
    return {**CATALOGUE, **(extra or {})}


def title(ident: str, extra: Mapping[str, str] | None = None) -> str | None:
    return known(extra).get(ident)


def with_titles(idents: Iterable[str], extra: Mapping[str, str] | None = None) -> list[str]:
    """'SOC2:CC6.2 (Users are registered ...)' for each id; the bare id without a title."""
    titles = known(extra)
    return [f"{i} ({titles[i]})" if i in titles else i for i in idents]


def controls_of(code: str, own: tuple[str, ...], settings: Any | None = None) -> tuple[str, ...]:
    """A rule's controls: its own, then those the company maps to it in Settings."""
    mapped = list(settings.map.get(code, ())) if settings is not None else []
    return tuple(dict.fromkeys([*own, *mapped]))


def unknown(idents: Iterable[str], extra: Mapping[str, str] | None = None) -> list[str]:
    """Ids that are neither in the catalogue nor among the company's own controls."""
    titles = known(extra)
    return [ident for ident in idents if ident not in titles]
