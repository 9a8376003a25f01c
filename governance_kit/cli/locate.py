"""Where the policies are when PATH is not given: `./policies`, else the current folder if it
holds policy files, else the `policies/` folder of the nearest parent, never above the Git
work tree root. The folders are untrusted: symlinks are not followed, files are read only in
part."""

from __future__ import annotations

import os
import re
from pathlib import Path

DEFAULT_PATH = Path("policies")

POLICY_MARK = re.compile(rb"^apiVersion:\s*[\"']?governance-kit\.dev/v1[\"']?\s*$", re.MULTILINE)
"""A policy file says `apiVersion: governance-kit.dev/v1` on a line of its own."""

PATH_RULE = (
    "Without PATH, a command reads ./policies; if there is none, the current folder when it "
    "holds policy files (YAML with apiVersion: governance-kit.dev/v1), else the policies/ "
    "folder of the nearest parent folder, looking no higher than the Git work tree root."
)
"""How the policies are found, for `govkit --help` and docs/commands.md."""

HEAD_BYTES = 4096
"""How much of a YAML file is read to tell whether it is a policy file."""


def is_real_folder(path: Path) -> bool:
    """A folder that is not a symlink."""
    return path.is_dir() and not path.is_symlink()


def holds_policy_files(folder: Path) -> bool:
    """True when a regular (not symlinked) YAML file in `folder` is a policy file."""
    for entry in sorted(folder.iterdir()):
        if entry.suffix not in {".yaml", ".yml"} or entry.is_symlink() or not entry.is_file():
            continue
        try:
            with entry.open("rb") as handle:
                head = handle.read(HEAD_BYTES)
        except OSError:
            continue
        if POLICY_MARK.search(head):
            return True
    return False


def find_policies(start: Path) -> Path:
    """The policy folder for a command run in `start` without PATH, relative to `start`.

    `policies` when it is there (or nothing is found: the command then says it is missing).
    """
    here = Path(os.path.realpath(start))
    if (here / DEFAULT_PATH).exists():
        return DEFAULT_PATH
    if holds_policy_files(here):
        return Path(".")
    if (here / ".git").exists():
        return DEFAULT_PATH
    for folder in here.parents:
        if is_real_folder(folder / DEFAULT_PATH):
            return Path(os.path.relpath(folder / DEFAULT_PATH, here))
        if (folder / ".git").exists():
            break
    return DEFAULT_PATH
