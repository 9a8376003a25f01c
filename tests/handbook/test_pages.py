"""Page generators on the example model: exact lines for key facts, nothing confidential."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from governance_kit.handbook import words
from governance_kit.handbook.pages import POLICY_PAGES, available, render_home, render_policy_page
from governance_kit.handbook.policy import change_history, next_review
from governance_kit.handbook.published import PublishedGovernance
from governance_kit.loading.repository import load_repository
from governance_kit.model.accounts import Account, Credentials, Recovery
from governance_kit.model.brand import BrandGuide
from governance_kit.model.confidential import confidential_fields, confidential_values
from governance_kit.model.connections import Connection
from governance_kit.model.people import Person
from tests.conftest import TODAY, edit_yaml

DAY = dt.date.fromisoformat(TODAY)


def page(context: PublishedGovernance, filename: str) -> list[str]:
    found = next(p for p in POLICY_PAGES if p.filename == filename)
    return render_policy_page(found, context).splitlines()


@pytest.fixture
def context(published: Path) -> PublishedGovernance:
    repository = load_repository(published)
    assert repository.valid, repository.findings
    return PublishedGovernance.of(repository, DAY)


def test_confidential_fields_come_from_the_model() -> None:
    assert {(cls.__name__, name) for cls, name in confidential_fields()} == {
        (Credentials.__name__, "secret_ref"),
        (Credentials.__name__, "login_email"),
        (Account.__name__, "recovery"),
        (Recovery.__name__, "email"),
        (Recovery.__name__, "phone"),
        (Person.__name__, "phone"),
        (Connection.__name__, "secret_ref"),
    }


def test_account_directory_row(context: PublishedGovernance) -> None:
    assert (
        "| X | [@NordlysSupport](https://x.com/NordlysSupport) | 24/7 public customer support; "
        "answered from the Zendesk social integration\\. | Active | Erik Nyström | "
        "Ana Berg Haugen |"
    ) in page(context, "accounts.md")


def test_archived_accounts_are_listed_apart(context: PublishedGovernance) -> None:
    lines = page(context, "accounts.md")
    archived = lines.index("## Archived accounts")
    assert "- YouTube: Nordlys Outdoor Sverige" in lines[archived:]
    assert not any("@nordlysoutdoorsverige" in line for line in lines)


def test_rota_is_one_card_per_weekday_from_midnight_to_midnight(
    context: PublishedGovernance,
) -> None:
    lines = page(context, "moderation.md")
    monday = lines.index("**Monday**")
    assert lines[monday + 2 : monday + 8] == [
        "- 00:00\u201308:00: Kari Nordli (X only)",  # Sunday's night shift ends Monday 08:00
        "- 08:00\u201312:00: Carl Johansson and Erik Nyström (X only)",
        "- 12:00\u201316:00: Carl Johansson, Frida Solberg, Erik Nyström (X only) and Jonas "
        "Becker (X only)",
        "- 16:00\u201320:00: Frida Solberg and Jonas Becker (X only)",
        "- 20:00\u201300:00: Ola Brekke (X only)",
        "",
    ]
    tuesday = lines.index("**Tuesday**")
    assert lines[tuesday + 2] == "- 00:00\u201308:00: Ola Brekke (X only)"
    saturday = lines.index("**Saturday**")
    assert lines[saturday + 3] == "- 08:00\u201320:00: Marit Lie"
    assert [line for line in lines if line.startswith("**") and line.endswith("day**")] == [
        f"**{day}day**" for day in ("Mon", "Tues", "Wednes", "Thurs", "Fri", "Satur", "Sun")
    ]


def test_no_overdue_notice_while_reviews_are_current(context: PublishedGovernance) -> None:
    for found in available(context):
        assert "!!! danger" not in render_policy_page(found, context)


def test_overdue_notice_once_the_review_is_late(published: Path) -> None:
    repository = load_repository(published)
    moderation = next(d for d in repository.documents if d.kind == "ModerationPolicy")
    late = next_review(moderation) + dt.timedelta(days=3)
    lines = page(PublishedGovernance.of(repository, late), "moderation.md")
    assert lines[2] == '!!! danger "Review overdue"'
    assert lines[4] == (
        f"    The review of **Moderation, response and crisis policy** was due on "
        f"{words.date(next_review(moderation))} (3 days ago). Parts of this page may be out of "
        "date: if in doubt, ask the owner, Carl Johansson."
    )


def test_metadata_box_shows_version_owner_and_review_dates(context: PublishedGovernance) -> None:
    lines = page(context, "moderation.md")
    assert '!!! info "About this policy"' in lines
    assert (
        "    | 3\\.1\\.0 | Carl Johansson | 16 Nov 2026 | 10 Nov 2026 by Ana Berg Haugen | "
        "10 Nov 2028 | Ana Berg Haugen on 12 Nov 2026 |"
    ) in lines


def test_change_history_without_git_uses_the_metadata(published: Path) -> None:
    repository = load_repository(published)
    scope = next(d for d in repository.documents if d.kind == "Scope")
    lines = change_history(scope)
    assert lines[0] == "The source file is not kept in Git; the versions below are all we know."
    assert (
        "| 1\\.0\\.0 | 16 Jan 2023 | First channel register, approved by the management group\\. |"
    ) in lines


def test_crisis_contacts_without_personal_numbers(context: PublishedGovernance) -> None:
    text = "\n".join(page(context, "escalation.md"))
    people = {p.id: p for p in context.governance.people.values()}
    assert "**Call, in this order:**" in text
    for person in people.values():
        if person.phone:
            assert person.phone not in text


def test_content_approval_table_by_risk(context: PublishedGovernance) -> None:
    lines = page(context, "posting.md")
    header = "| Risk | What falls here | Examples | Approved by | Approvals | Answer within |"
    start = lines.index(header)
    risks = [line.split("|")[1].strip() for line in lines[start + 2 : start + 6]]
    assert risks == ["Low", "Medium", "High", "Critical"]


def test_checklist_is_a_task_list(context: PublishedGovernance) -> None:
    lines = page(context, "brand.md")
    assert sum(line.startswith("- [ ] ") for line in lines) == len(
        context.spec(BrandGuide).checklist
    )


def test_home_names_the_contact_and_the_lead(context: PublishedGovernance) -> None:
    home = render_home(context, available(context), []).splitlines()
    assert home[0] == "# Social media at Nordlys Outdoor AS"
    assert (
        "    Write to [social@nordlys\\.example](mailto:social@nordlys.example). "
        "Social media lead: Ana Berg Haugen."
    ) in home
    assert "- [Account directory](accounts.md)" in home


def test_confidential_document_is_not_published(example: Path) -> None:
    edit_yaml(
        example / "accounts.yaml",
        lambda data: data["metadata"].__setitem__("classification", "confidential"),
    )
    context = PublishedGovernance.of(load_repository(example), DAY)
    assert "accounts.md" not in [p.filename for p in available(context)]
    assert context.governance.accounts == {}


def test_no_generated_page_holds_a_confidential_value(
    context: PublishedGovernance, published: Path
) -> None:
    values = confidential_values(d.model for d in load_repository(published).documents)
    assert "social-admin@nordlys.example" in values  # the walk finds login e-mails
    assert any(value.startswith("op://") for value in values)
    assert any(value.startswith("+47") for value in values)
    markdown = "\n".join(render_policy_page(p, context) for p in available(context))
    assert [value for value in values if value in markdown] == []


def test_tools_page_says_which_tool_can_publish_on_which_account(
    context: PublishedGovernance,
) -> None:
    lines = page(context, "tools.md")
    assert (
        "| Nattravn Kundeservice AS | Agency | Nattravn Kundeservice AS | Night desk on "
        "@NordlysSupport under the 2025 support agreement; its agents reply through their own "
        "Zendesk seats and never hold the X login\\. | Yes | X: @NordlysSupport | Ola Brekke "
        "(sponsor: Erik Nyström) | publish\\_replies, read\\_direct\\_messages | 6 Oct 2026 |"
    ) in lines
    by_account = lines.index("## Who can publish on which account")
    assert lines[by_account + 2 : by_account + 5] == [
        "| Account | Tools and agencies that can publish |",
        "| --- | --- |",
        "| Instagram: @nordlysoutdoor | Hootsuite |",
    ]
    assert "| X: @NordlysSupport | Zendesk social messaging and Nattravn Kundeservice AS |" in lines
    assert not any("op://" in line for line in lines)


def test_tools_page_counts_the_accounts_of_a_confidential_registry(example: Path) -> None:
    edit_yaml(
        example / "accounts.yaml",
        lambda data: data["metadata"].__setitem__("classification", "confidential"),
    )
    context = PublishedGovernance.of(load_repository(example), DAY)
    lines = page(context, "tools.md")
    [hootsuite] = [line for line in lines if line.startswith("| Hootsuite |")]
    assert "| 6 accounts not listed in the handbook | Ana Berg Haugen |" in hootsuite
    assert "## Who can publish on which account" not in lines
    assert not any("@nordlysoutdoor" in line or "op://" in line for line in lines)


def test_advocacy_page_names_the_disclosure_duty_training_and_members(
    context: PublishedGovernance,
) -> None:
    lines = page(context, "advocacy.md")
    assert lines[lines.index("## What every ambassador must do") + 2] == (
        '!!! important "Always say that you work for us"'
    )
    training = lines.index("## Training")
    assert lines[training + 4 : training + 8] == [
        "| Course | Take it again |",
        "| --- | --- |",
        "| Social media at Nordlys \u2013 policy and practice | every 2 years |",
        "| Advertising disclosure and marketing law | every 2 years |",
    ]
    members = lines.index("## Ambassadors")
    assert lines[members + 2 : members + 7] == [
        "| Ambassador | Team | Posts on | Member since |",
        "| --- | --- | --- | --- |",
        "| Dina Aasen | Brand &amp; Design | Instagram and LinkedIn | 1 Sept 2026 |",
        "| Ivar Dahl | Marketing Analytics | LinkedIn | 1 Sept 2026 |",
        "| Kari Nordli | Customer Service \u2013 Night Desk | Instagram and TikTok | 12 Oct 2026 |",
    ]
    assert "Questions about the programme: Carl Johansson." in lines


def test_advocacy_page_leaves_out_members_who_left(example: Path) -> None:
    def leave(data: dict) -> None:
        kari = next(p for p in data["spec"]["people"] if p["id"] == "kari")
        kari.update(status="left", end_date="2026-11-20")

    edit_yaml(example / "people.yaml", leave)
    context = PublishedGovernance.of(load_repository(example), DAY)
    lines = page(context, "advocacy.md")
    assert not any("Kari Nordli" in line for line in lines)
    assert "| Ivar Dahl | Marketing Analytics | LinkedIn | 1 Sept 2026 |" in lines


def test_scope_page_names_the_platforms_declared_out_of_scope(
    context: PublishedGovernance,
) -> None:
    [row] = [line for line in page(context, "scope.md") if line.startswith("| Snapchat")]
    assert row.startswith(
        "| Snapchat \\(platform: Snapchat\\) | Left in the 2025 channel review: the audience "
    )


def test_training_page_names_the_ambassador_programmes_courses(
    context: PublishedGovernance,
) -> None:
    assert (
        "| Members of Nordlys Ambassadors \\(employee advocacy programme\\) | Social media at "
        "Nordlys \u2013 policy and practice and Advertising disclosure and marketing law |"
    ) in page(context, "training.md")


def test_crisis_page_gives_a_route_to_every_role(context: PublishedGovernance) -> None:
    lines = page(context, "escalation.md")
    start = lines.index("## How to reach each role")
    rows = lines[start + 6 : lines.index("## Escalation paths") - 1]
    assert rows[1] == (
        "| Community manager | Carl Johansson | chat: Teams: Social Media Desk &gt; Krise; "
        "[socialdesk@nordlys\\.example](mailto:socialdesk@nordlys.example) (weekdays 08\\-20, "
        "weekends 10\\-18) |"
    )
    assert rows[2] == (
        "| Social media lead | Ana Berg Haugen | phone \\+47 22 86 40 00 (the duty phone, "
        "around the clock during a crisis) |"
    )
    assert rows[3] == (
        "| Legal and compliance | Hanna Kristiansen | "
        "[hanna\\.kristiansen@nordlys\\.example](mailto:hanna.kristiansen@nordlys.example) |"
    )
    assert len(rows) == len(context.governance.roles)
    assert all(row.count(" | ") == 2 and not row.endswith("|  |") for row in rows)
    assert lines[start + 2] == (
        "Personal phone numbers are never published in the handbook; those who may call them "
        "find them here: The crisis card pinned in the Social Media Desk team in Teams \\(Files "
        "&gt; Krise\\), readable by the social media team, Legal and Customer Service leads\\."
    )


def test_crisis_contacts_are_called_by_their_work_routes(context: PublishedGovernance) -> None:
    lines = page(context, "escalation.md")
    call = lines.index("**Call, in this order:**")
    assert lines[call + 2] == (
        "1. Ana Berg Haugen (Social media lead): phone \\+47 22 86 40 00 (the duty phone, around "
        "the clock during a crisis); "
        "[ana\\.haugen@nordlys\\.example](mailto:ana.haugen@nordlys.example)"
    )
    assert not any("+47 915 50 231" in line or "915 50 231" in line for line in lines)


def test_holding_statement_placeholders_are_filled_per_account(
    context: PublishedGovernance,
) -> None:
    low = next(line for line in page(context, "escalation.md") if "send @" in line)
    assert low.endswith(
        "| @nordlysoutdoor: Thank you for raising this\\. We are looking into it and will get "
        "back to you here today; you can also send @nordlysoutdoor a direct message\\.<br>"
        "@NordlysSupport: Thank you for raising this\\. We are looking into it and will get back "
        "to you here today; you can also send @NordlysSupport a direct message\\. |"
    )
    assert not any("{handle}" in line for line in page(context, "escalation.md"))


def test_placeholders_without_accounts_say_what_to_fill_in(published: Path) -> None:
    def no_accounts(data: dict) -> None:
        data["spec"]["crisis"][0].pop("accounts")

    edit_yaml(published / "moderation.yaml", no_accounts)
    context = PublishedGovernance.of(load_repository(published), DAY)
    low = next(line for line in page(context, "escalation.md") if "a direct message" in line)
    assert "you can also send \\[the account&#39;s handle\\] a direct message\\. |" in low


def test_rota_data_for_the_browser_cannot_close_its_script(published: Path) -> None:
    def hostile(data: dict) -> None:
        kari = next(p for p in data["spec"]["people"] if p["id"] == "kari")
        kari["name"] = "Kari </script><script>alert(1)</script> & <!--"

    edit_yaml(published / "people.yaml", hostile)
    context = PublishedGovernance.of(load_repository(published), DAY)
    lines = page(context, "moderation.md")
    start = next(i for i, line in enumerate(lines) if 'id="govkit-rota-data"' in line)
    end = next(i for i in range(start, len(lines)) if lines[i].endswith("</script>"))
    data = "\n".join(lines[start : end + 1])
    inner = data.removeprefix('<script type="application/json" id="govkit-rota-data">')
    inner = inner.removesuffix("</script>")
    assert "<" not in inner and ">" not in inner and "&" not in inner
    names = json.loads(inner)["days"]["mon"][0][2]
    assert names == "Kari </script><script>alert(1)</script> & <!-- (X only)"
