"""`govkit report --trend`: exact points of a real Git history, its charts, its usage errors."""

from __future__ import annotations

import json
import re
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import git
import pytest

from governance_kit.posture.chart import line_chart
from governance_kit.posture.trend import AREAS, area_of
from governance_kit.rules import all_rules
from tests.conftest import EXAMPLE, edit_yaml, govkit
from tests.report.conftest import commit
from tests.report.trend_history import winter

SVG = "{http://www.w3.org/2000/svg}"
NAMESPACES = {"http://www.w3.org/2000/svg", "http://www.w3.org/1999/xlink"}
ALL_CONTROLS = 48  # the catalogue's controls that rules serve, and Nordlys' two own ones

# What each commit of the winter history leaves standing (see trend_history), and the
# controls the rules that find it serve (their `controls`, and Nordlys' map: GK201 ->
# NORDLYS-SM-1).
CLEAN = {"areas": {}, "overdue": (0, 0), "owners": (14, 0, 0, 0), "failing": set()}
NO_OWNER = {  # GK201 for facebook-de
    "areas": {"Account ownership": 1},
    "overdue": (0, 0),
    "owners": (13, 0, 0, 1),
    "failing": {"SOC2:CC6.2", "ISO27001:A.5.9", "CIS:5", "NIST:AC-2", "NORDLYS-SM-1"},
}
DUE_SOON = {  # GK102 for the objectives, GK302 for facebook-uk
    "areas": {"Policy documents": 1, "Access and credentials": 1},
    "overdue": (0, 1),
    "owners": (14, 0, 0, 0),
    "failing": {"ISO27001:A.5.1", "SOC2:CC6.2", "SOC2:CC6.3", "ISO27001:A.5.18", "CIS:5"}
    | {"NIST:AC-2"},
}
OVERDUE_AND_LEAVING = {  # GK101 for the objectives, GK203 for facebook-de, GK302
    "areas": {"Policy documents": 1, "Account ownership": 1, "Access and credentials": 1},
    "overdue": (1, 1),
    "owners": (13, 1, 0, 0),
    "failing": DUE_SOON["failing"] | {"SOC2:CC5.3", "ISO27001:A.5.11"},
}
MESSAGES = {
    "A": "Policies as adopted",
    "B": "The German page's owner moved to another team",
    "C": "Greta owns the German page until she leaves",
    "D": "Erik owns the German page; reviews done",
}
COMMITTED = {"A": "2026-12-01", "B": "2026-12-20", "C": "2027-01-20", "D": "2027-02-25"}


@pytest.fixture(scope="session")
def history(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return winter(tmp_path_factory.mktemp("winter"))


def sha(policies: Path, letter: str) -> str:
    repo = git.Repo(policies.parent)
    found = next(c for c in repo.iter_commits() if c.summary == MESSAGES[letter])
    return found.hexsha[:12]


def trend(policies: Path, *args: str) -> str:
    run = govkit("report", policies, "--trend", "--today", "2027-03-10", *args)
    assert run.exit_code == 0, run.stderr
    assert run.stderr == ""
    return run.stdout


def expected_point(policies: Path, day: str, letter: str, state: dict) -> dict:
    areas = {name: state["areas"].get(name, 0) for _, _, name in AREAS}
    policy, access = state["overdue"]
    owned, leaving, not_on_roster, nobody = state["owners"]
    return {
        "date": day,
        "commit": sha(policies, letter),
        "committed": COMMITTED[letter],
        "valid": True,
        "findings_per_area": areas,
        "overdue_reviews": {"policy reviews": policy, "access reviews": access},
        "accounts_per_owner_status": {
            "owned": owned,
            "owner leaving": leaving,
            "owner not on roster": not_on_roster,
            "no owner": nobody,
        },
        "failing": state["failing"],
    }


def points_of(text: str) -> list[dict]:
    """The points of a JSON trend, with the controls not satisfied as a set (every other
    control must be satisfied)."""
    data = json.loads(text)
    assert len(data["controls"]) == ALL_CONTROLS
    points = []
    for point in data["points"]:
        controls = point.pop("controls_satisfied")
        assert list(controls) == [c["id"] for c in data["controls"]]
        assert set(controls.values()) <= {True, False}
        points.append({**point, "failing": {c for c, ok in controls.items() if not ok}})
    return points


def test_every_month_gives_exact_points(history: Path) -> None:
    text = trend(history, "--since", "2026-12-10", "--format", "json")
    data = json.loads(text)
    assert (data["report"], data["since"], data["until"], data["every"]) == (
        "governance-trend",
        "2026-12-10",
        "2027-03-10",
        "month",
    )
    assert data["first_commit"] == "2026-12-01"
    assert points_of(text) == [
        expected_point(history, "2026-12-10", "A", CLEAN),
        expected_point(history, "2027-01-10", "B", NO_OWNER),
        expected_point(history, "2027-02-10", "C", OVERDUE_AND_LEAVING),
        expected_point(history, "2027-03-10", "D", CLEAN),
    ]


def test_every_week_gives_exact_points(history: Path) -> None:
    text = trend(history, "--since", "2026-12-10", "--every", "week", "--format", "json")
    weeks = [
        ("2026-12-10", "A", CLEAN),
        ("2026-12-17", "A", CLEAN),
        ("2026-12-24", "B", NO_OWNER),
        ("2026-12-31", "B", NO_OWNER),
        ("2027-01-07", "B", NO_OWNER),
        ("2027-01-14", "B", NO_OWNER),
        # C: the objectives fall due on 01-28; Greta leaves on 02-28, 30 days' horizon
        ("2027-01-21", "C", DUE_SOON),
        ("2027-01-28", "C", DUE_SOON),
        ("2027-02-04", "C", OVERDUE_AND_LEAVING),
        ("2027-02-11", "C", OVERDUE_AND_LEAVING),
        ("2027-02-18", "C", OVERDUE_AND_LEAVING),
        ("2027-02-25", "D", CLEAN),  # committed at noon that day
        ("2027-03-04", "D", CLEAN),
        ("2027-03-10", "D", CLEAN),  # the report date, though not a week after 03-04
    ]
    assert points_of(text) == [expected_point(history, *week) for week in weeks]


def test_dates_before_the_first_commit_have_no_point_and_months_end_short(history: Path) -> None:
    data = json.loads(trend(history, "--since", "2026-11-30", "--format", "json"))
    assert [p["date"] for p in data["points"]] == [
        "2026-12-30",
        "2027-01-30",
        "2027-02-28",  # 30 February does not exist
        "2027-03-10",
    ]
    text = trend(history, "--since", "2026-11-30")
    assert (
        "The history of the current branch starts on 2026-12-01: earlier dates have no point."
    ) in text.splitlines()


def test_default_period_is_the_year_before_the_report_date(history: Path) -> None:
    data = json.loads(trend(history, "--format", "json"))
    assert (data["since"], data["until"]) == ("2026-03-10", "2027-03-10")
    assert [p["date"] for p in data["points"]] == [
        "2026-12-10",
        "2027-01-10",
        "2027-02-10",
        "2027-03-10",
    ]


def test_markdown_tables(history: Path) -> None:
    lines = trend(history, "--since", "2026-12-10").splitlines()
    assert lines[0] == "# Governance posture over time"
    zeros = " | ".join(["0"] * 7)  # continuity to changes and handbook
    assert (
        f"| 2027-02-10 | commit {sha(history, 'C')} of 2027-01-20 | 0 | 1 | 1 | 1 | {zeros} |"
    ) in lines
    assert "| 2027-02-10 | 1 | 1 |" in lines  # overdue policy and access reviews
    assert "| 2027-01-10 | 13 | 0 | 0 | 1 |" in lines  # owned, leaving, not on roster, none
    title = "Control activities deployed through policies and procedures"
    assert f"| `SOC2:CC5.3` {title} | yes | yes | no | yes |" in lines
    assert "<svg" not in "\n".join(lines)


def charts_of(page: str) -> list[ET.Element]:
    return [ET.fromstring(svg) for svg in re.findall(r"<svg .*?</svg>", page, flags=re.S)]


def dots(chart: ET.Element) -> dict[str, list[str]]:
    """Legend name -> the values of the series' dots, in order."""
    overlay = next(g for g in chart.iter(f"{SVG}g") if g.get("class") == "plot overlay")
    series = [g for g in overlay if "series" in (g.get("class") or "").split()]
    names = [
        legend.find(f"{SVG}text").text
        for legend in chart.iter(f"{SVG}g")
        if "legend" in (legend.get("class") or "").split()
    ]
    assert len(names) == len(series)
    found = {}
    for name, serie in zip(names, series, strict=True):
        groups = serie.findall(f"{SVG}g")
        assert all(len(group.findall(f"{SVG}circle")) == 1 for group in groups)
        found[name] = [group.find(f"{SVG}desc[@class='value']").text for group in groups]
    return found


def test_html_charts_have_one_dot_per_point_and_series(history: Path) -> None:
    page = trend(history, "--since", "2026-12-10", "--every", "week", "--format", "html")
    findings, overdue, owners = charts_of(page)
    weeks = 14
    assert [c.find(f"{SVG}title").text for c in (findings, overdue, owners)] == [
        "Findings per area over time",
        "Overdue reviews over time",
        "Accounts per owner status",
    ]
    assert dots(findings) == {  # areas with a finding in the period
        "Policy documents": ["0"] * 6 + ["1"] * 5 + ["0"] * 3,
        "Account ownership": ["0"] * 2 + ["1"] * 4 + ["0"] * 2 + ["1"] * 3 + ["0"] * 3,
        "Access and credentials": ["0"] * 6 + ["1"] * 5 + ["0"] * 3,
    }
    assert dots(overdue) == {
        "Policy reviews": ["0"] * 8 + ["1"] * 3 + ["0"] * 3,
        "Access reviews": ["0"] * 6 + ["1"] * 5 + ["0"] * 3,
    }
    counts = dots(owners)
    assert list(counts) == ["Owned", "Owner leaving", "Owner not on roster", "No owner"]
    assert all(len(values) == weeks for values in counts.values())
    assert counts["No owner"] == ["0"] * 2 + ["1"] * 4 + ["0"] * 8


def test_html_has_no_script_and_no_outside_reference(history: Path) -> None:
    page = trend(history, "--since", "2026-12-10", "--format", "html")
    assert len(charts_of(page)) == 3
    assert "<script" not in page.lower()
    assert "<!--" not in page and "<?" not in page
    assert set(re.findall(r"https?://[^\s\"'<>)]*", page)) == NAMESPACES
    for chart in charts_of(page):
        assert not [e for e in chart.iter() if e.tag.endswith(("script", "a", "image", "use"))]
        assert not [k for e in chart.iter() for k in e.attrib if k.endswith("href")]


def test_hostile_control_is_escaped_in_html_and_markdown(tmp_path: Path) -> None:
    policies = tmp_path / "policies"
    shutil.copytree(EXAMPLE, policies)
    hostile = "ACME-<script>alert(1)</script>"

    def settings(data: dict) -> None:
        data["spec"]["controls"]["extra"][hostile] = "<img src=x onerror=alert(2)>"
        data["spec"]["controls"]["map"]["GK201"].append(hostile)

    edit_yaml(policies / "settings.yaml", settings)
    commit(git.Repo.init(tmp_path), "Policies", "2026-12-01T09:00:00+0100")
    page = trend(policies, "--since", "2027-03-01", "--format", "html")
    assert "<script" not in page and "<img" not in page
    assert (
        "<td>ACME-&lt;script&gt;alert(1)&lt;/script&gt; &lt;img src=x onerror=alert(2)&gt;</td>"
    ) in page
    markdown = trend(policies, "--since", "2027-03-01")
    assert "<script" not in markdown and "<img" not in markdown
    escaped = "ACME\\-&lt;script&gt;alert\\(1\\)&lt;/script&gt; &lt;img src=x onerror=alert\\(2\\)"
    assert f"| {escaped}&gt; | yes | yes |" in markdown.splitlines()
    [point] = json.loads(trend(policies, "--since", "2027-03-10", "--format", "json"))["points"]
    assert point["controls_satisfied"][hostile] is True


def test_hostile_label_is_text_in_the_svg() -> None:
    from datetime import date

    label = "<script>alert(1)</script>\x1b[31m"
    svg = line_chart("hostile", "Title <b>bold</b>", [date(2027, 1, 1)], {label: [3]})
    assert "<script" not in svg and "<b>" not in svg
    chart = ET.fromstring(svg)
    assert list(dots(chart)) == ["<script>alert(1)</script>\\x1b[31m"]
    assert chart.find(f"{SVG}title").text == "Title <b>bold</b>"
    assert set(re.findall(r"https?://[^\s\"'<>)]*", svg)) == NAMESPACES


def test_every_rule_has_an_area() -> None:
    assert {area_of(rule.code) for rule in all_rules()} == {name for _, _, name in AREAS}
    assert [area_of(code) for code in ("GK003", "GK101", "GK305", "GK902", "GK960")] == [
        "Valid files",
        "Policy documents",
        "Access and credentials",
        "Waivers",
        "Changes and handbook",
    ]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["--trend", "--every", "fortnight"],
            "--every: 'fortnight' is not month or week (hint: write --every month or --every week)",
        ),
        (
            ["--trend", "--since", "2027-03-11"],
            "--since: 2027-03-11 is after the report date 2027-03-10 (hint: give an earlier "
            "--since)",
        ),
        (
            ["--since", "2027-03-11"],
            "--since: 2027-03-11 is after the report date 2027-03-10 (hint: give an earlier "
            "--since)",
        ),
        (["--every", "week"], "--every: only with --trend (hint: add --trend)"),
        (
            ["--trend", "--since", "1970-01-01", "--every", "week"],
            "--trend: more than 260 points from 1970-01-01 to 2027-03-10 (hint: give a later "
            "--since, or --every month)",
        ),
    ],
)
def test_usage_errors_are_one_line(history: Path, args: list[str], message: str) -> None:
    run = govkit("report", history, "--today", "2027-03-10", *args)
    assert (run.exit_code, run.stdout, run.stderr) == (2, "", f"govkit: error: {message}\n")


def test_outside_git_is_one_line(example: Path) -> None:
    run = govkit("report", example, "--trend", "--today", "2027-03-10")
    assert (run.exit_code, run.stdout) == (2, "")
    assert run.stderr == f"govkit: error: {example}: not inside a Git repository\n"


def shallow_clone(history: Path, target: Path) -> Path:
    git.Repo.clone_from(f"file://{history.parent}", target, depth=1).close()
    return target / "policies"


def test_shallow_clone_without_the_first_point_is_one_line(history: Path, tmp_path: Path) -> None:
    policies = shallow_clone(history, tmp_path / "clone")
    run = govkit("report", policies, "--trend", "--today", "2027-03-10")
    assert (run.exit_code, run.stdout) == (2, "")
    assert run.stderr == (
        f"govkit: error: no commit on or before 2026-03-10: {tmp_path / 'clone'} is a shallow "
        "clone, without the older history (hint: run 'git fetch --unshallow', or set "
        "fetch-depth: 0 on actions/checkout)\n"
    )
    data = json.loads(trend(policies, "--since", "2027-03-01", "--format", "json"))
    assert [p["date"] for p in data["points"]] == ["2027-03-01", "2027-03-10"]


def test_a_commit_with_invalid_files_counts_only_validation(tmp_path: Path) -> None:
    policies = tmp_path / "policies"
    shutil.copytree(EXAMPLE, policies)
    repo = git.Repo.init(tmp_path)
    commit(repo, "Policies", "2026-12-01T09:00:00+0100")
    scope = (policies / "scope.yaml").read_text(encoding="utf-8")
    (policies / "scope.yaml").write_text("kind: [\n", encoding="utf-8")
    commit(repo, "A broken scope", "2026-12-20T09:00:00+0100")
    (policies / "scope.yaml").write_text(scope, encoding="utf-8")
    commit(repo, "The scope again", "2027-01-20T09:00:00+0100")
    data = json.loads(trend(policies, "--since", "2026-12-10", "--format", "json"))
    valid, broken, fixed, _ = data["points"]
    assert [p["valid"] for p in data["points"]] == [True, False, True, True]
    assert broken["findings_per_area"] == {
        name: 1 if name == "Valid files" else 0 for _, _, name in AREAS
    }  # GK001 for scope.yaml
    assert (broken["overdue_reviews"], broken["accounts_per_owner_status"]) == (None, None)
    assert set(broken["controls_satisfied"].values()) == {None}
    assert valid["accounts_per_owner_status"] == fixed["accounts_per_owner_status"]
    lines = trend(policies, "--since", "2026-12-10").splitlines()
    assert "| 2027-01-10 | — | — |" in lines
    assert any(
        line.startswith("| 2027-01-10 | commit ") and "(invalid files) | 1 |" in line
        for line in lines
    )
    page = trend(policies, "--since", "2026-12-10", "--format", "html")
    overdue = charts_of(page)[1]
    assert dots(overdue) == {"Policy reviews": ["0"] * 3, "Access reviews": ["0"] * 3}


def test_a_credential_in_a_control_title_is_in_no_format(tmp_path: Path) -> None:
    from tests.planted import planted

    token = next(planted())
    policies = tmp_path / "policies"
    shutil.copytree(EXAMPLE, policies)
    edit_yaml(
        policies / "settings.yaml",
        lambda data: data["spec"]["controls"]["extra"].update({"ACME-1": f"Key {token.text}"}),
    )
    commit(git.Repo.init(tmp_path), "Policies", "2026-12-01T09:00:00+0100")
    for fmt in ("markdown", "html", "json"):
        text = trend(policies, "--since", "2027-03-01", "--format", fmt)
        assert "ACME-1" in text, fmt
        assert [n for n in token.needles if n in text] == [], fmt
