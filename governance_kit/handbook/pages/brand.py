"""Brand and tone: voice, assets, per-platform rules, disclosure, accessibility, checklist."""

from __future__ import annotations

from ... import output as out
from ...drafts.describe import general, sentences
from ...drafts.effective import for_account, for_platform, merge
from ...markup.escape import cell, link, text
from ...markup.markdown import bullets, table, tasks
from ...model.brand import BrandGuide
from ..published import PublishedGovernance
from ..words import platform


def body(context: PublishedGovernance) -> list[str]:
    spec = context.spec(BrandGuide)
    return [
        *_voice(spec.voice),
        *_assets(spec.assets),
        *_platforms(spec),
        *_disclosure(spec.disclosure),
        *_accessibility(spec.accessibility),
        *_checked(spec, context),
        "## Before you publish",
        "",
        "Go through this checklist for every post. Items marked *(recommended)* may be skipped "
        "with good reason; all others are required.",
        "",
        *tasks(
            text(item.item) + ("" if item.required else " *(recommended)*")
            for item in spec.checklist
        ),
    ]


def _voice(voice) -> list[str]:
    lines = ["## Our voice", "", text(voice.summary), ""]
    if voice.principles:
        lines += ["### Principles", "", *bullets(text(p) for p in voice.principles)]
    if voice.tone_by_context:
        lines += ["### Tone by situation", ""]
        lines += table(
            ["Situation", "How we sound"],
            [[cell(t.context), cell(t.tone)] for t in voice.tone_by_context],
        )
    return lines


def _asset_reference(asset) -> str:
    if asset.kind == "colour":
        return out.markdown_code(asset.reference, cell=True)
    return (
        link(asset.reference, asset.reference)
        if "://" in asset.reference
        else cell(asset.reference)
    )


def _assets(assets) -> list[str]:
    if not assets:
        return []
    return [
        "## Brand assets",
        "",
        *table(
            ["Asset", "Kind", "Where to find it", "When to use it"],
            [[cell(a.name), cell(a.kind), _asset_reference(a), cell(a.usage)] for a in assets],
        ),
    ]


def _platforms(spec) -> list[str]:
    lines = ["## Platform by platform", ""] if spec.platforms else []
    for rules in spec.platforms:
        lines += [f"### {text(platform(rules.platform))}", ""]
        if rules.dos:
            lines += ["**Do**", "", *bullets(text(d) for d in rules.dos)]
        if rules.donts:
            lines += ["**Don't**", "", *bullets(text(d) for d in rules.donts)]
        checked = sentences(for_platform(spec, rules.platform))
        if checked:
            lines += ["**Checked on every draft**", "", *bullets(text(c) for c in checked)]
    return lines


def _disclosure(disclosure) -> list[str]:
    return [
        "## Advertising and partnerships",
        "",
        *table(
            ["Post", "Label to use"],
            [
                [
                    "Paid post (advertising)",
                    out.markdown_code(disclosure.ads_label, cell=True),
                ],
                ["Partnership or sponsored content", cell(disclosure.partnership_label)],
            ],
        ),
        *bullets(text(r) for r in disclosure.rules),
    ]


def _accessibility(rules) -> list[str]:
    items = []
    if rules.alt_text_required:
        items.append("Every image needs alt text.")
    if rules.subtitles_required:
        items.append("Every video needs subtitles.")
    items.append(
        f"Text on images and video needs a contrast ratio of at least "
        f"{rules.min_contrast_ratio:g}:1."
    )
    return ["## Accessibility", "", *bullets([*items, *(text(r) for r in rules.rules)])]


def _checked(spec, context: PublishedGovernance) -> list[str]:
    """The rules `govkit post check` applies to every draft, in words."""
    everywhere = sentences(merge([spec.post_rules], "other"))
    lines = [
        "## Checked on every draft",
        "",
        "Before you publish, run `govkit post check DRAFT --account ID --author YOU` on the "
        "draft: it checks the rules of this guide that a machine can check. On every platform, "
        "unless the platform's own rules above say otherwise:",
        "",
        *bullets(text(rule) for rule in [*everywhere, *general(spec)]),
    ]
    if spec.account_rules:
        lines += ["### Accounts with rules of their own", ""]
        lines += bullets(_account_rules(spec, context, rules) for rules in spec.account_rules)
    if spec.words:
        lines += ["### Words we don't use", ""]
        lines += table(
            ["Word or phrase", "Status", "Write instead", "Why"],
            [
                [
                    cell(w.phrase),
                    "Banned" if w.level == "banned" else "Avoid",
                    cell(w.prefer),
                    cell(w.reason),
                ]
                for w in spec.words
            ],
        )
    return lines


def _account_rules(spec, context: PublishedGovernance, rules) -> str:
    """'@handle (Platform): what applies to it', its platform's rules included."""
    account = context.governance.accounts.get(rules.account)
    if account is None:
        return f"{text(rules.account)}: " + " ".join(
            text(s) for s in sentences(merge([rules], "other"))
        )
    name = f"{text(account.handle)} ({text(platform(account.platform))})"
    return f"{name}: " + " ".join(text(s) for s in sentences(for_account(spec, account)))
