"""packaging/slim_numpy.py: the BLAS-free numpy wheel for the bundle, and its cache."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
spec = importlib.util.spec_from_file_location("slim_numpy", ROOT / "packaging" / "slim_numpy.py")
assert spec and spec.loader
slim_numpy = importlib.util.module_from_spec(spec)
sys.modules["slim_numpy"] = slim_numpy
spec.loader.exec_module(slim_numpy)


def test_the_cache_key_names_version_interpreter_platform_and_build_options() -> None:
    key = slim_numpy.wheel_key("2.4.6", "cp311", "linux_x86_64")
    assert key.startswith("numpy-2.4.6-cp311-linux_x86_64-noblas-")
    assert key != slim_numpy.wheel_key("2.4.7", "cp311", "linux_x86_64")
    assert key != slim_numpy.wheel_key("2.4.6", "cp312", "linux_x86_64")


def test_options_leave_blas_lapack_and_cpu_dispatch_out() -> None:
    assert {"-Dblas=none", "-Dlapack=none", "-Dcpu-dispatch=none"} <= set(slim_numpy.SETUP_ARGS)


def test_only_a_complete_wheel_counts_as_cached(tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ZCDESK_WHEEL_CACHE", str(tmp_path))
    key = slim_numpy.wheel_key("2.4.6", "cp311", "linux_x86_64")
    assert slim_numpy.cached_wheel(key) is None
    folder = tmp_path / key
    folder.mkdir()
    (folder / "numpy-2.4.6-cp311-cp311-linux_x86_64.whl.partial").write_bytes(b"half")
    assert slim_numpy.cached_wheel(key) is None  # a build killed while copying
    wheel = folder / "numpy-2.4.6-cp311-cp311-linux_x86_64.whl"
    wheel.write_bytes(b"whole")
    assert slim_numpy.cached_wheel(key) == wheel


def test_cache_folder_follows_xdg_cache_home(tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("ZCDESK_WHEEL_CACHE", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert slim_numpy.cache_dir() == tmp_path / "zcdesk-build" / "wheels"
