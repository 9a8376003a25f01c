"""Policy files swapped for a link out of the repository, or a pipe, after they were listed."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from governance_kit.loading.parallel import parse
from governance_kit.loading.repository import policy_files
from tests.conftest import EXAMPLE


def test_file_swapped_for_a_link_out_after_listing_is_not_read(tmp_path: Path) -> None:
    root = tmp_path / "policies"
    shutil.copytree(EXAMPLE, root)
    outside = tmp_path / "outside.yaml"
    shutil.copy(root / "waivers.yaml", outside)
    files, findings = policy_files(root)
    assert findings == []
    (root / "waivers.yaml").unlink()
    (root / "waivers.yaml").symlink_to(outside)
    data, _, finding = parse(root / "waivers.yaml", base=root.resolve())
    assert data is None and finding is not None
    assert (finding.path, finding.line, finding.message, finding.code, finding.hint) == (
        root / "waivers.yaml",
        1,
        "symbolic link points outside the policy repository; not read",
        "GK001",
        "copy the file into the repository instead",
    )
    assert root / "waivers.yaml" in files


def test_file_swapped_for_a_pipe_after_listing_is_not_waited_on(tmp_path: Path) -> None:
    root = tmp_path / "policies"
    shutil.copytree(EXAMPLE, root)
    assert root / "waivers.yaml" in policy_files(root)[0]
    (root / "waivers.yaml").unlink()
    os.mkfifo(root / "waivers.yaml")
    data, _, finding = parse(root / "waivers.yaml", base=root.resolve())
    assert data is None and finding is not None
    assert (finding.message, finding.code) == ("not a regular file; not read", "GK001")


def test_link_inside_the_repository_is_read(tmp_path: Path) -> None:
    root = tmp_path / "policies"
    shutil.copytree(EXAMPLE, root)
    (root / "kept").mkdir()
    (root / "waivers.yaml").rename(root / "kept" / "waivers.yaml")
    (root / "waivers.yaml").symlink_to("kept/waivers.yaml")
    data, _, finding = parse(root / "waivers.yaml", base=root.resolve())
    assert finding is None
    assert data["kind"] == "Waivers"
