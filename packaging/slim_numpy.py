"""numpy for the bundle, built from its source without BLAS/LAPACK (30 MB less).

    scripts/package numpy            build (or take from the cache) and install into .venv
    scripts/package numpy --wheel    only build it into the cache (CI runs this during the tests)

PyPI's numpy wheels carry OpenBLAS (24 MB) and libgfortran (3 MB) for matrix algebra, and
SIMD kernels for a dozen CPU generations. zcdesk uses numpy for the list's columns
(zcdesk/store/list_ops.py: comparisons, masks, sorting, bincount): no matrix product, no
linear algebra. The same numpy version built with `-Dblas=none -Dlapack=none` (numpy's
own lapack_lite covers numpy.linalg) and `-Dcpu-dispatch=none` (the x86-64-v2 baseline)
is 9 MB in the bundle instead of 41 MB, and the list's filter is as fast within noise
(bench/README.md). The build takes about 5 minutes on two cores, so the wheel is kept in
a cache folder ($ZCDESK_WHEEL_CACHE, default ~/.cache/zcdesk-build/wheels) under a name
that says what it was built from; a second build is instant.

Linux only: on Windows the build needs MSVC, and the bundle keeps PyPI's numpy
(docs/windows.md).
"""

from __future__ import annotations

import argparse
import hashlib
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# meson options of numpy's build (numpy's meson.options); they name the cached wheel.
SETUP_ARGS = ("-Dblas=none", "-Dlapack=none", "-Dallow-noblas=true", "-Dcpu-dispatch=none")


def cache_dir() -> Path:
    configured = os.environ.get("ZCDESK_WHEEL_CACHE")
    if configured:
        return Path(configured)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "zcdesk-build" / "wheels"


def wheel_key(version: str, python_tag: str, platform_tag: str) -> str:
    """The cache folder's name for one build: version, interpreter, platform and options."""
    options = hashlib.sha256(" ".join(SETUP_ARGS).encode()).hexdigest()[:12]
    return f"numpy-{version}-{python_tag}-{platform_tag}-noblas-{options}"


def _current_key(python: Path) -> tuple[str, str]:
    """(installed numpy version, cache key) for the interpreter `python`."""
    script = ("import importlib.metadata, sys, sysconfig;"
              "print(importlib.metadata.version('numpy'));"
              "print(f'cp{sys.version_info[0]}{sys.version_info[1]}');"
              "print(sysconfig.get_platform().replace('-', '_'))")
    out = subprocess.run([str(python), "-c", script], check=True, capture_output=True,
                         text=True).stdout.split()
    version, python_tag, platform_tag = out
    return version, wheel_key(version, python_tag, platform_tag)


def cached_wheel(key: str) -> Path | None:
    folder = cache_dir() / key
    wheels = sorted(folder.glob("numpy-*.whl")) if folder.is_dir() else []
    return wheels[0] if wheels else None


def build_wheel(python: Path, version: str, key: str, jobs: int) -> Path:
    """Build numpy==version from its sdist into the cache; returns the wheel."""
    target = cache_dir() / key
    with tempfile.TemporaryDirectory(prefix="numpy-build-") as tmp:
        command = [str(python), "-m", "pip", "wheel", "--no-deps", "--no-binary", "numpy",
                   "--no-cache-dir", "-w", tmp, f"numpy=={version}",
                   *(f"-Csetup-args={arg}" for arg in SETUP_ARGS),
                   f"-Ccompile-args=-j{jobs}"]
        print("slim numpy: building", version, "without BLAS (about 5 minutes)", flush=True)
        subprocess.run(command, check=True)
        built = sorted(Path(tmp).glob("numpy-*.whl"))
        if len(built) != 1:
            raise SystemExit(f"slim numpy: expected one wheel, found {built}")
        target.mkdir(parents=True, exist_ok=True)
        # into place only when complete: a killed build leaves no half wheel behind
        partial = target / (built[0].name + ".partial")
        shutil.copyfile(built[0], partial)
        partial.replace(target / built[0].name)
    wheel = cached_wheel(key)
    assert wheel is not None
    return wheel


def is_slim(python: Path) -> bool:
    """Whether `python`'s numpy is built without BLAS."""
    script = ("import numpy, sys;"
              "cfg = numpy.show_config(mode='dicts');"
              "sys.exit(0 if cfg['Build Dependencies']['blas']['name'] == 'none' else 1)")
    return subprocess.run([str(python), "-c", script], capture_output=True).returncode == 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="scripts/package numpy", allow_abbrev=False,
                                     description=__doc__.split("\n\n")[0])
    parser.add_argument("--wheel", action="store_true",
                        help="only build the wheel into the cache; do not install it")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1,
                        help="compiler jobs (CI builds with 1 while the tests run)")
    args = parser.parse_args(argv)
    if not sys.platform.startswith("linux"):
        print("slim numpy: Linux only; the bundle keeps PyPI's numpy", file=sys.stderr)
        return 2
    python = ROOT / ".venv" / "bin" / "python"
    if not python.exists():
        print("slim numpy: .venv not found: run scripts/setup first", file=sys.stderr)
        return 1
    version, key = _current_key(python)
    wheel = cached_wheel(key)
    if wheel is None:
        wheel = build_wheel(python, version, key, max(1, args.jobs))
    else:
        print("slim numpy: cached", wheel, flush=True)
    if args.wheel:
        return 0
    if is_slim(python):
        print("slim numpy: .venv has it already")
        return 0
    subprocess.run([str(python), "-m", "pip", "install", "-q", "--no-deps",
                    "--force-reinstall", str(wheel)], check=True)
    print(f"slim numpy: installed {wheel.name} (numpy {version}, no BLAS) into .venv")
    return 0


if __name__ == "__main__":
    sys.exit(main())

