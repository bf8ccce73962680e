"""A SQLite file on a network share is warned about (#14 item 2): NFS/CIFS mounts, a
mapped Windows drive (Z:) and a UNC path, in the window and on the command line."""

from __future__ import annotations

from pathlib import Path

import pytest

from zcdesk.store.engine import DRIVE_REMOTE, network_share_warning, on_network_share

MOUNTS = "srv:/export /mnt/office nfs4 rw 0 0\n/dev/sda1 / ext4 rw 0 0\n"
DRIVE_FIXED = 3


def drives(remote: str) -> object:
    """GetDriveTypeW as Windows would answer: `remote` letters are network drives."""
    asked: list[str] = []

    def drive_type(root: str) -> int:
        asked.append(root)
        return DRIVE_REMOTE if root[0] in remote else DRIVE_FIXED

    drive_type.asked = asked  # type: ignore[attr-defined]
    return drive_type


@pytest.mark.parametrize(("path", "shared"), [
    ("Z:\\zcdesk\\zcdesk.sqlite3", True),  # a mapped network drive
    ("z:/zcdesk/zcdesk.sqlite3", True),
    ("C:\\Users\\clerk\\AppData\\Local\\zcdesk\\zcdesk.sqlite3", False),
    ("\\\\server\\share\\x.sqlite3", True),  # UNC
    ("//server/share/x.sqlite3", True),
    ("\\\\?\\UNC\\server\\share\\x.sqlite3", True),  # UNC in long-path form
    ("\\\\?\\C:\\zcdesk\\x.sqlite3", False),  # a local disk in long-path form
    ("\\\\?\\Z:\\zcdesk\\x.sqlite3", True),
])
def test_windows_paths(path: str, shared: bool) -> None:
    assert on_network_share(path, mounts=None, windows=True, drive_type=drives("Z")) is shared


def test_the_drive_is_asked_by_its_root_and_a_failing_question_is_no_warning() -> None:
    ask = drives("Z")
    on_network_share("z:\\x.sqlite3", mounts=None, windows=True, drive_type=ask)
    assert ask.asked == ["Z:\\"]  # type: ignore[attr-defined]

    def broken(_root: str) -> int:
        raise OSError("no such drive")

    assert not on_network_share("Q:\\x.sqlite3", mounts=None, windows=True, drive_type=broken)


def test_unc_paths_are_known_by_their_shape_on_any_os() -> None:
    # On Linux too: no mount table is read, no drive asked.
    assert on_network_share("\\\\server\\share\\x.sqlite3", mounts="", windows=False)
    assert not on_network_share("/home/clerk/x.sqlite3", mounts="", windows=False)


def test_the_warning_names_the_kinds_and_points_to_postgresql() -> None:
    text = network_share_warning("sqlite:///Z:\\zc.sqlite3", windows=True,
                                 drive_type=drives("Z"))
    assert text is not None and "网络驱动器" in text and "PostgreSQL" in text
    assert network_share_warning("sqlite:///C:\\zc.sqlite3", windows=True,
                                 drive_type=drives("Z")) is None
    assert network_share_warning("sqlite:////mnt/office/zc.sqlite3", MOUNTS, windows=False)
    assert network_share_warning("sqlite:////home/clerk/zc.sqlite3", MOUNTS,
                                 windows=False) is None
    assert network_share_warning("postgresql://server/zc", MOUNTS) is None


def test_the_command_line_warns_too(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                    capsys: pytest.CaptureFixture[str]) -> None:
    from zcdesk.cli import main

    database = tmp_path / "office.sqlite3"
    assert main(["--db", str(database), "--create", "status"]) == 0
    assert "网络共享" not in capsys.readouterr().err
    from zcdesk.store import engine

    mounted = f"srv:/export {tmp_path} nfs4 rw 0 0\n"  # the folder as an NFS mount
    real = engine.network_share_warning
    monkeypatch.setattr(engine, "network_share_warning",
                        lambda url: real(url, mounted, windows=False))
    assert main(["--db", str(database), "status"]) == 0  # a warning, never a refusal
    assert "注意：数据库文件位于网络共享文件夹上" in capsys.readouterr().err
