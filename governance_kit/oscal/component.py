"""governance-kit as an OSCAL 1.2 Component Definition (`govkit controls --format oscal-component`).

One component of type software, the toolkit, with one control implementation per catalogue
(SOC 2, ISO/IEC 27001, CIS, NIST SP 800-53, and a company's own controls from its Settings):
each control a rule serves is an implemented requirement, the rules its properties and links.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from .. import __version__
from ..controls import CATALOGUE, controls_of, known
from ..model.settings import ControlSettings
from ..ruledocs import AnyRule, every_rule, help_uri
from . import (
    OSCAL_VERSION,
    control_token,
    document,
    framework_of,
    line,
    moment,
    party,
    prop,
    props,
    string,
    uid,
)

CATALOGUES: dict[str, tuple[str, str | None]] = {
    "SOC2": ("AICPA Trust Services Criteria (SOC 2)", None),
    "ISO27001": ("ISO/IEC 27001:2022, Annex A", None),
    "CIS": ("CIS Critical Security Controls v8", None),
    "NIST": (
        "NIST SP 800-53 Revision 5",
        "https://raw.githubusercontent.com/usnistgov/oscal-content/main/nist.gov/SP800-53/rev5/"
        "json/NIST_SP-800-53_rev5_catalog.json",
    ),
    "own": ("The organisation's own controls (Settings: spec.controls.extra)", None),
}
"""Framework prefix -> the catalogue's title, and where NIST publishes it in OSCAL."""
COMPONENT = "governance-kit"


@dataclass
class Control:
    """A control and the rules that serve it, the company's own mapping included."""

    id: str
    title: str
    own: bool
    rules: list[AnyRule] = field(default_factory=list)


def served_controls(settings: ControlSettings | None = None) -> list[Control]:
    """Every control a rule serves, and every control of the company's own, in catalogue order."""
    extra: Mapping[str, str] = settings.extra if settings is not None else {}
    titles = known(extra)
    found: dict[str, Control] = {
        ident: Control(ident, title, ident not in CATALOGUE)
        for ident, title in sorted(extra.items())
    }
    for rule in every_rule():
        for ident in controls_of(rule.code, rule.controls, settings):
            own = ident not in CATALOGUE
            found.setdefault(ident, Control(ident, titles.get(ident, ""), own)).rules.append(rule)
    order = {ident: n for n, ident in enumerate(CATALOGUE)}
    return sorted(found.values(), key=lambda c: (c.own, order.get(c.id, 0), c.id))


def component_definition(controls: list[Control], day: dt.date, organisation: str = "") -> str:
    """The OSCAL Component Definition (JSON text) of the toolkit serving `controls`, on `day`."""
    scope = organisation or "catalogue"
    frameworks = list(dict.fromkeys(framework_of(c.id, c.own) for c in controls))
    body: dict[str, Any] = {
        "uuid": uid("component-definition", __version__, day.isoformat(), scope),
        "metadata": _metadata(organisation, day),
        "components": [
            {
                "uuid": uid("component", COMPONENT, __version__),
                "type": "software",
                "title": f"governance-kit {__version__}",
                "description": "Policy-as-code for social-media governance: the rules of "
                "`govkit check` test the policy files of a repository.",
                "purpose": "Tests the governance model of social-media accounts against controls.",
                **props(prop("version", __version__)),
                "links": [{"href": "https://github.com/governance-kit/governance-kit"}],
                "control-implementations": [
                    _implementation(
                        name, [c for c in controls if framework_of(c.id, c.own) == name]
                    )
                    for name in frameworks
                ],
            }
        ],
        "back-matter": {"resources": [_catalogue(name) for name in frameworks]},
    }
    return document("component-definition", body)


def _of_framework(controls: list[Control], name: str) -> list[Control]:
    return [control for control in controls if framework_of(control.id, control.own) == name]


def _metadata(organisation: str, day: dt.date) -> dict[str, Any]:
    metadata: dict[str, Any] = {
        "title": "governance-kit controls"
        + (f": {line(organisation)}" if string(organisation) else ""),
        "last-modified": moment(day),
        "version": __version__,
        "oscal-version": OSCAL_VERSION,
    }
    parties = party(organisation)
    if parties:
        metadata["parties"] = parties
    return metadata


def _catalogue(name: str) -> dict[str, Any]:
    title, href = CATALOGUES.get(name, (name, None))
    resource: dict[str, Any] = {"uuid": uid("catalogue", name), "title": title}
    if href:
        resource["rlinks"] = [{"href": href, "media-type": "application/json"}]
    return resource


def _implementation(name: str, controls: list[Control]) -> dict[str, Any]:
    title = CATALOGUES.get(name, (name, None))[0]
    return {
        "uuid": uid("control-implementation", COMPONENT, __version__, name),
        "source": f"#{uid('catalogue', name)}",
        "description": f"The controls of {title} that governance-kit's rules test.",
        "implemented-requirements": [_requirement(control) for control in controls],
    }


def _requirement(control: Control) -> dict[str, Any]:
    token = control_token(control.id, control.own)
    if control.rules:
        codes = ", ".join(rule.code for rule in control.rules)
        text = f"Tested by {codes}: " + " ".join(
            f"{rule.code} ({rule.name}): {rule.summary}" for rule in control.rules
        )
    else:
        text = "No rule of governance-kit tests this control."
    requirement: dict[str, Any] = {
        "uuid": uid("implemented-requirement", COMPONENT, __version__, control.id),
        "control-id": token,
        "description": text,
        **props(
            prop("control", control.id),
            prop("title", control.title),
            *(prop("rule", rule.code) for rule in control.rules),
        ),
    }
    if control.rules:
        requirement["links"] = [
            {"href": help_uri(rule), "rel": "reference", "text": rule.code}
            for rule in control.rules
        ]
    return requirement
