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


def test_validate_refuses_devices_sockets_pipes_and_linked_folders(tmp_path: Path) -> None:
    import socket

    from tests.handbook.real import govkit_in

    root = tmp_path / "repo" / "policies"
    shutil.copytree(EXAMPLE, root)
    (root / "zero.yaml").symlink_to("/dev/zero")
    os.mkfifo(root / "pipe.yaml")
    (root / "etc").symlink_to("/etc", target_is_directory=True)
    (root / "inside").symlink_to(".", target_is_directory=True)
    with socket.socket(socket.AF_UNIX) as server:
        server.bind(str(root / "sock.yaml"))
        run = govkit_in(tmp_path / "repo", "validate", "policies", today=False)
    out = "symbolic link points outside the policy repository; not read [GK001] (hint: copy "
    plain = "not a regular file; not read [GK001] (hint: policy files are plain files, not "
    assert run.returncode == 2
    assert run.stdout.splitlines() == [
        f"policies/etc:1:1: error: {out}the file into the repository instead)",
        f"policies/pipe.yaml:1:1: error: {plain}pipes, sockets or devices)",
        f"policies/sock.yaml:1:1: error: {plain}pipes, sockets or devices)",
        f"policies/zero.yaml:1:1: error: {out}the file into the repository instead)",
    ]
