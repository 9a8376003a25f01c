"""Brand and tone: voice, assets, per-platform rules, disclosure, accessibility, checklist.

The post rules every draft is checked against are stated here in words, for employees: the
same definitions the draft checker uses (`drafts.effective`), translated."""

from __future__ import annotations

from ... import output as out
from ...drafts.describe import UTM, labels
from ...drafts.effective import Effective, for_account, for_platform, merge
from ...markup.escape import cell, link, text
from ...markup.markdown import bullets, table, tasks
from ...model.brand import BrandGuide, BrandSpec
from ..published import PublishedGovernance
from ..words import N_, _, either, listing, ngettext, number, platform

CALL_TO_ACTION = {"question": N_("a question"), "poll": N_("a poll"), "link": N_("a link")}


def body(context: PublishedGovernance) -> list[str]:
    spec = context.spec(BrandGuide)
    return [
        *_voice(spec.voice),
        *_assets(spec.assets),
        *_platforms(spec),
        *_disclosure(spec.disclosure),
        *_accessibility(spec.accessibility),
        *_checked(spec, context),
        "## " + _("Before you publish"),
        "",
        _(
            "Go through this checklist for every post. Items marked {recommended} may be skipped "
            "with good reason; all others are required."
        ).format(recommended="*(" + _("recommended") + ")*"),
        "",
        *tasks(
            text(item.item) + ("" if item.required else " *(" + _("recommended") + ")*")
            for item in spec.checklist
        ),
    ]


def length_rule(rules: Effective) -> str | None:
    if rules.max_length is None:
        return None
    count = rules.max_length
    if rules.counting == "weighted":
        return ngettext(
            "At most {count} character, counted as X counts them: Chinese, Japanese and Korean "
            "characters and emoji count as two, every link as 23.",
            "At most {count} characters, counted as X counts them: Chinese, Japanese and Korean "
            "characters and emoji count as two, every link as 23.",
            count,
        ).format(count=number(count))
    return ngettext(
        "At most {count} character, counting each character as a reader sees it (an emoji or a "
        "letter with an accent counts once).",
        "At most {count} characters, counting each character as a reader sees it (an emoji or a "
        "letter with an accent counts once).",
        count,
    ).format(count=number(count))


def sentences(rules: Effective) -> list[str]:
    """What the rules of one platform or account require, in words."""
    found = [length_rule(rules)]
    if rules.max_hashtags is not None:
        found.append(
            _("No hashtags.")
            if rules.max_hashtags == 0
            else ngettext(
                "At most {n} hashtag.", "At most {n} hashtags.", rules.max_hashtags
            ).format(n=rules.max_hashtags)
        )
    if rules.utm_required:
        found.append(
            _("Every link carries the UTM parameters {names}.").format(names=listing(list(UTM)))
        )
    if rules.call_to_action:
        options = [_(CALL_TO_ACTION[option]) for option in rules.call_to_action]
        found.append(
            _("Every post has a call to action: {options}.").format(options=either(options))
        )
    return [sentence for sentence in found if sentence]


def general(brand: BrandSpec) -> list[str]:
    """Rules every draft is checked against whatever the platform."""
    found = []
    if brand.accessibility.alt_text_required:
        found.append(_("Every image has alt text."))
    if brand.accessibility.subtitles_required:
        found.append(_("Every video has subtitles."))
    quoted = either([_("“{label}”").format(label=label) for label in labels(brand)])
    found.append(_("A sponsored post carries one of the labels {labels}.").format(labels=quoted))
    if brand.disclosure.visible_within is not None:
        within = brand.disclosure.visible_within
        found.append(
            ngettext(
                "The label starts within the first {n} character.",
                "The label starts within the first {n} characters.",
                within,
            ).format(n=within)
        )
    found.append(_("The account is active and serves a channel in scope."))
    found.append(
        _(
            "Whoever publishes holds a role that may post, has editor or admin access to the "
            "account, and has every required course, current."
        )
    )
    return found


def _voice(voice) -> list[str]:
    lines = ["## " + _("Our voice"), "", text(voice.summary), ""]
    if voice.principles:
        lines += ["### " + _("Principles"), "", *bullets(text(p) for p in voice.principles)]
    if voice.tone_by_context:
        lines += ["### " + _("Tone by situation"), ""]
        lines += table(
            [_("Situation"), _("How we sound")],
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
        "## " + _("Brand assets"),
        "",
        *table(
            [_("Asset"), _("Kind"), _("Where to find it"), _("When to use it")],
            [[cell(a.name), cell(a.kind), _asset_reference(a), cell(a.usage)] for a in assets],
        ),
    ]


def _platforms(spec) -> list[str]:
    lines = ["## " + _("Platform by platform"), ""] if spec.platforms else []
    for rules in spec.platforms:
        lines += [f"### {text(platform(rules.platform))}", ""]
        if rules.dos:
            lines += ["**" + _("Do") + "**", "", *bullets(text(d) for d in rules.dos)]
        if rules.donts:
            lines += ["**" + _("Don't") + "**", "", *bullets(text(d) for d in rules.donts)]
        checked = sentences(for_platform(spec, rules.platform))
        if checked:
            lines += [
                "**" + _("Checked on every draft") + "**",
                "",
                *bullets(text(c) for c in checked),
            ]
    return lines


def _disclosure(disclosure) -> list[str]:
    return [
        "## " + _("Advertising and partnerships"),
        "",
        *table(
            [_("Post"), _("Label to use")],
            [
                [
                    _("Paid post (advertising)"),
                    out.markdown_code(disclosure.ads_label, cell=True),
                ],
                [_("Partnership or sponsored content"), cell(disclosure.partnership_label)],
            ],
        ),
        *bullets(text(r) for r in disclosure.rules),
    ]


def _accessibility(rules) -> list[str]:
    items = []
    if rules.alt_text_required:
        items.append(_("Every image needs alt text."))
    if rules.subtitles_required:
        items.append(_("Every video needs subtitles."))
    items.append(
        _("Text on images and video needs a contrast ratio of at least {ratio}:1.").format(
            ratio=number(rules.min_contrast_ratio)
        )
    )
    return ["## " + _("Accessibility"), "", *bullets([*items, *(text(r) for r in rules.rules)])]


def _checked(spec, context: PublishedGovernance) -> list[str]:
    """The rules every draft is checked against, in words an employee reads."""
    everywhere = sentences(merge([spec.post_rules], "other"))
    lines = [
        "## " + _("Checked on every draft"),
        "",
        _(
            "Before a post goes out, its draft is checked against the rules of this guide that a "
            "machine can check: the social media team runs the check, and your post is sent "
            "back to you if it breaks one of them. On every platform, unless the platform's own "
            "rules above say otherwise:"
        ),
        "",
        *bullets(text(rule) for rule in [*everywhere, *general(spec)]),
    ]
    if spec.account_rules:
        lines += ["### " + _("Accounts with rules of their own"), ""]
        lines += bullets(_account_rules(spec, context, rules) for rules in spec.account_rules)
    if spec.words:
        lines += ["### " + _("Words we don't use"), ""]
        lines += table(
            [_("Word or phrase"), _("Status"), _("Write instead"), _("Why")],
            [
                [
                    cell(w.phrase),
                    _("Banned") if w.level == "banned" else _("Avoid"),
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
