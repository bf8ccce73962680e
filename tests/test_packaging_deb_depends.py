"""packaging/deb.py's Depends when the bundle carries a library itself (old_base.sh).

Needs no built bundle: a folder with the right file names stands in for it.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parent.parent


def load_deb_module() -> ModuleType:
    spec = importlib.util.spec_from_file_location("deb", ROOT / "packaging" / "deb.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_a_bundle_without_libxcb_cursor_depends_on_the_package(tmp_path: Path) -> None:
    deb = load_deb_module()
    (tmp_path / "_internal").mkdir()
    assert deb.system_depends(tmp_path) == list(deb.DEPENDS)
    assert "libxcb-cursor0" in deb.system_depends(tmp_path)


def test_a_bundle_carrying_libxcb_cursor_does_not_depend_on_it(tmp_path: Path) -> None:
    # Ubuntu 20.04 (Kylin V10) has no libxcb-cursor0: apt would refuse the .deb
    deb = load_deb_module()
    (tmp_path / "_internal").mkdir()
    (tmp_path / "_internal" / "libxcb-cursor.so.0").write_bytes(b"\x7fELF")
    depends = deb.system_depends(tmp_path)
    assert "libxcb-cursor0" not in depends
    assert set(deb.DEPENDS) - set(depends) == {"libxcb-cursor0"}
    control = deb.control_text("0.1.0", "amd64", 1, "2.31", depends)
    line = next(x for x in control.splitlines() if x.startswith("Depends: "))
    assert line.startswith("Depends: libc6 (>= 2.31), libstdc++6, ")
    assert "libxcb-cursor0" not in line
    assert "libxcb-icccm4" in line


def test_control_text_defaults_to_every_system_package() -> None:
    deb = load_deb_module()
    assert "libxcb-cursor0" in deb.control_text("0.1.0", "amd64", 1, "2.36")
