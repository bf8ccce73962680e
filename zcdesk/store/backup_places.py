"""Where a second backup copy can go: another drive, a USB stick, a network folder.

A copy on the same disk as the database dies with that disk, so the first-day
set-up proposes, in this order, a removable medium, another drive, and only then
(with a warning) a folder beside the database. What counts:

* Linux: the folders of mounted media (`/media/$USER/*`, `/run/media/$USER/*`)
  and every other mount point of a real file system (a block device, or NFS /
  CIFS) whose device differs from the data folder's, writable by this user.
* Windows: the other drive letters (GetDriveTypeW: removable, fixed, network),
  through ctypes — only when running on Windows.

Another file system on a fixed disk is "another disk" only when known to be one (on
Linux: its /sys/class/block parent differs); otherwise it is offered as another
partition that may share this disk, with a warning (`Place.warning`).

`check_writable` checks a folder the way a backup uses it: create, write, flush to
disk, read back, delete.
"""

from __future__ import annotations

import contextlib
import getpass
import os
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from zcdesk.store.errors import InputError

# The folder created on the chosen medium.
FOLDER_NAME = "zcdesk-备份"
# File systems that are not a place to keep anything (Linux /proc/mounts).
_PSEUDO = frozenset({
    "proc", "sysfs", "tmpfs", "devtmpfs", "devpts", "cgroup", "cgroup2", "securityfs",
    "pstore", "bpf", "debugfs", "tracefs", "mqueue", "hugetlbfs", "fusectl", "configfs",
    "autofs", "binfmt_misc", "overlay", "squashfs", "nsfs", "ramfs", "efivarfs", "rpc_pipefs",
    "fuse.portal", "fuse.gvfsd-fuse", "iso9660", "udf"})
_NETWORK = frozenset({"nfs", "nfs4", "cifs", "smb3", "smbfs"})
_SYSTEM_PREFIXES = ("/proc", "/sys", "/dev", "/run", "/boot", "/snap", "/var/lib/docker",
                    "/var/snap")
# GetDriveTypeW's answers that are a place for a copy (winbase.h).
DRIVE_REMOVABLE, DRIVE_FIXED, DRIVE_REMOTE = 2, 3, 4


@dataclass(frozen=True)
class Place:
    """A candidate for the backup folder: where, and in words what it is."""

    path: Path
    kind: str  # removable | drive | network | partition
    label: str

    @property
    def suggested_folder(self) -> Path:
        return self.path / FOLDER_NAME

    @property
    def warning(self) -> str:
        """What to know before choosing it ("" when nothing)."""
        return PARTITION_WARNING if self.kind == "partition" else ""


# "drive" only when known to be another physical disk; another partition (a Windows D:
# of the same disk, a second Linux file system) is said to be what it may be.
KIND_WORDS = {"removable": "移动存储（U 盘、移动硬盘）", "drive": "另一块磁盘",
              "network": "网络文件夹", "partition": "另一个分区（可能与本机同一块磁盘）"}
PARTITION_WARNING = ("注意：这可能只是本机同一块磁盘上的另一个分区，磁盘损坏时备份会一起丢失。"
                     "建议改用 U 盘、移动硬盘或网络文件夹。")
_ORDER = {"removable": 0, "drive": 1, "network": 2, "partition": 3}


def places(data_dir: Path) -> list[Place]:
    """Candidates other than the data folder's own disk, best first (see the module)."""
    found = _windows_places(data_dir) if sys.platform == "win32" else _linux_places(data_dir)
    return sorted(found, key=lambda p: (_ORDER[p.kind], str(p.path)))


def default_place(data_dir: Path) -> Place | None:
    found = places(data_dir)
    return found[0] if found else None


def same_disk(folder: Path, data_dir: Path) -> bool:
    """Whether `folder` (or the nearest existing parent) lies on the data folder's disk."""
    try:
        return _device(folder) == _device(data_dir)
    except OSError:
        return False


def _device(path: Path) -> int:
    path = path.expanduser().absolute()
    while not path.exists() and path.parent != path:
        path = path.parent
    return path.stat().st_dev


def _physical_disk(path: Path) -> str | None:
    """The Linux block device of the whole disk `path` lies on (sda for sda1), or None
    when that cannot be told (network, LVM / RAID, no /sys): then no claim is made."""
    try:
        device = _device(path)
        node = Path(f"/sys/dev/block/{os.major(device)}:{os.minor(device)}").resolve(strict=True)
        if (node / "partition").exists():
            node = node.parent
        slaves = node / "slaves"
        if slaves.is_dir() and any(slaves.iterdir()):
            return None  # device-mapper / md: its disks are not this one
        return node.name
    except (OSError, ValueError):
        return None


def _other_disk(path: Path, data_dir: Path) -> bool:
    """Known to be on another physical disk than the data folder."""
    mine, theirs = _physical_disk(data_dir), _physical_disk(path)
    return mine is not None and theirs is not None and mine != theirs


# --------------------------------------------------------------------- Linux
def _linux_places(data_dir: Path, media: Sequence[Path] | None = None,
                  mounts: str | None = None) -> list[Place]:
    """`media` (the folders of mounted media) and `mounts` (/proc/mounts) are the
    system's unless given (tests)."""
    if media is None:
        try:
            user = getpass.getuser()
        except (KeyError, OSError):
            user = ""
        media = [Path("/media") / user, Path("/run/media") / user] if user else []
    found: dict[Path, Place] = {}
    for root in media:
        with contextlib.suppress(OSError):
            for child in sorted(root.iterdir()):
                if child.is_dir() and _writable(child) and not same_disk(child, data_dir):
                    found[child] = Place(child, "removable", child.name)
    if mounts is None:
        try:
            mounts = Path("/proc/mounts").read_text(encoding="utf-8", errors="replace")
        except OSError:
            mounts = ""
    for source, point, fstype in _mount_lines(mounts.splitlines()):
        path = Path(point)
        if path in found or path == Path("/") or point.startswith(_SYSTEM_PREFIXES):
            continue
        if fstype in _PSEUDO or not (source.startswith("/dev/") or fstype in _NETWORK):
            continue
        if not path.is_dir() or not _writable(path) or same_disk(path, data_dir):
            continue
        if any(point.startswith(str(m) + "/") for m in media):
            kind = "removable"
        elif fstype in _NETWORK:
            kind = "network"
        else:
            kind = "drive" if _other_disk(path, data_dir) else "partition"
        found[path] = Place(path, kind, point)
    return list(found.values())


def _mount_lines(lines: Iterable[str]) -> list[tuple[str, str, str]]:
    """(device, mount point, type) of /proc/mounts lines; octal escapes undone."""
    out = []
    for line in lines:
        fields = line.split()
        if len(fields) >= 3:
            point = fields[1].encode().decode("unicode_escape").encode("latin-1").decode(
                "utf-8", "replace")
            out.append((fields[0], point, fields[2]))
    return out


def _writable(path: Path) -> bool:
    return os.access(path, os.W_OK | os.X_OK)


# ------------------------------------------------------------------- Windows
def _windows_places(data_dir: Path) -> list[Place]:  # pragma: no cover - Windows only
    import ctypes

    kernel = ctypes.windll.kernel32  # type: ignore[attr-defined]
    own = (data_dir.drive or "").upper()
    mask = kernel.GetLogicalDrives()
    found: list[Place] = []
    for index in range(26):
        if not mask & (1 << index):
            continue
        letter = f"{chr(ord('A') + index)}:"
        if letter == own:
            continue
        # A fixed drive letter may well be a partition of this very disk: not claimed.
        kind = {DRIVE_REMOVABLE: "removable", DRIVE_FIXED: "partition",
                DRIVE_REMOTE: "network"}.get(kernel.GetDriveTypeW(letter + "\\"))
        root = Path(letter + "\\")
        if kind is None or not root.exists() or not _writable(root):
            continue  # CD drives, empty card readers
        found.append(Place(root, kind, letter))
    return found


# ---------------------------------------------------------------- test write
def check_writable(folder: Path) -> None:
    """Create `folder` if needed and prove a file can be written there, read back and
    removed; InputError in words when not (nothing is left behind). Every way of
    setting the backup folder passes here (the first-day set-up, `zcdesk setup
    --backup-dir`, `zcdesk backup --set-second`, the window's menu)."""
    folder = folder.expanduser()
    probe = folder / f".zcdesk-写入测试-{os.getpid()}"
    payload = os.urandom(64 * 1024)
    if not folder.exists() and not folder.parent.exists():
        # Only the last folder is made: an unplugged stick's path would otherwise
        # become a folder on this disk, and the backups would never leave it.
        raise InputError(f"“{folder.parent}”不存在：U 盘或网络文件夹接好了吗？请接好后重试，"
                         "或换一个已存在的文件夹。")
    try:
        folder.mkdir(exist_ok=True)
        with open(probe, "wb") as out:
            out.write(payload)
            out.flush()
            os.fsync(out.fileno())
        if probe.read_bytes() != payload:
            raise InputError(f"备份文件夹“{folder}”写入后读回的内容不一致：该存储可能已损坏，"
                             "请换一个。")
    except InputError:
        raise
    except OSError as exc:
        raise InputError(f"无法在“{folder}”写入测试文件（{exc.strerror or exc}）。"
                         "请检查 U 盘或磁盘是否已插好、是否写保护、空间是否足够，"
                         "或换一个文件夹。") from exc
    finally:
        with contextlib.suppress(OSError):
            probe.unlink()
