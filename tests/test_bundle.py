"""The PyInstaller bundle builds, prints its version, runs the CLI and starts the GUI.

Slow (a clean build takes ~1 minute on 2 cores): marked `slow`, and skipped when
PyInstaller is not installed (`pip install ".[bundle]"` installs it).
"""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "resources" / "packaging" / "qundesk.spec"

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(importlib.util.find_spec("PyInstaller") is None,
                       reason='PyInstaller is not installed (pip install ".[bundle]")'),
]


@pytest.fixture(scope="module")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("bundle")
    started = time.perf_counter()
    build = subprocess.run(
        [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
         "--distpath", str(out / "dist"), "--workpath", str(out / "build"), str(SPEC)],
        cwd=ROOT, capture_output=True, text=True, timeout=1800)
    seconds = time.perf_counter() - started
    assert build.returncode == 0, build.stderr[-4000:]
    folder = out / "dist" / "qundesk"
    size = sum(f.lstat().st_size for f in folder.rglob("*") if not f.is_symlink()) / 1e6
    print(f"\nbundle built in {seconds:.1f} s, {size:.0f} MB")
    return folder


def _exe(folder: Path) -> str:
    return str(folder / ("qundesk.exe" if sys.platform == "win32" else "qundesk"))


def _env(tmp_path: Path) -> dict[str, str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", QUNDESK_DATA_DIR=str(tmp_path / "d"))
    env.pop("PYTHONPATH", None)  # the bundle must not lean on the source tree
    return env


def test_bundle_prints_its_version(bundle: Path, tmp_path: Path) -> None:
    from main import __version__

    result = subprocess.run([_exe(bundle), "--version"], capture_output=True, text=True,
                            env=_env(tmp_path), cwd=tmp_path, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"QunDesk {__version__}"


def test_bundle_holds_resources_not_data(bundle: Path) -> None:
    internal = bundle / "_internal"
    assert (internal / "resources" / "icons" / "app.svg").is_file()
    assert (internal / "resources" / "translations" / "qundesk_en.qm").is_file()
    plugins = internal / "PySide6" / "Qt" / "plugins"
    for plugin in ("platforms", "imageformats", "iconengines", "printsupport"):
        assert (plugins / plugin).is_dir(), plugin
    assert any("svg" in p.name for p in (plugins / "imageformats").iterdir())
    # resources, never a workspace: the only databases are the blank template and the
    # pinyin phrase table, and both are there
    allowed = {internal / "resources" / "workspace" / "blank.sqlite3",
               internal / "resources" / "pinyin" / "phrases.sqlite3"}
    assert set(bundle.rglob("*.sqlite3")) == allowed


def test_bundle_runs_the_cli_and_starts_the_gui(bundle: Path, tmp_path: Path) -> None:
    env = _env(tmp_path)
    db = tmp_path / "d" / "community.sqlite3"
    demo = subprocess.run([_exe(bundle), "--db", str(db), "demo", "--members", "40"],
                          capture_output=True, text=True, env=env, cwd=tmp_path, timeout=300)
    assert demo.returncode == 0, demo.stderr  # pinyin data and every table module bundled
    check = subprocess.run([_exe(bundle), "--db", str(db), "check"], capture_output=True,
                           text=True, env=env, cwd=tmp_path, timeout=120)
    assert check.returncode == 0, check.stderr
    smoke = subprocess.run([_exe(bundle), "--db", str(db), "--lang", "en"],
                           capture_output=True, text=True, env=dict(env, QUNDESK_SMOKE_TEST="1"),
                           cwd=tmp_path, timeout=300)
    assert smoke.returncode == 0, smoke.stdout + smoke.stderr
    assert "smoke test ok" in smoke.stdout
    assert "(MembersPage) Members" in smoke.stdout  # the English .qm is in the bundle
    assert (tmp_path / "d" / "logs" / "qundesk.log").is_file()  # data folder, not the bundle


def test_bundle_reads_and_writes_rosters_and_prints(bundle: Path, tmp_path: Path) -> None:
    """openpyxl, python-calamine and the PDF writer all made it into the bundle."""
    env = _env(tmp_path)
    source, target = tmp_path / "a.sqlite3", tmp_path / "b.sqlite3"

    def run(*args: str) -> str:
        result = subprocess.run([_exe(bundle), *args], capture_output=True, text=True,
                                env=env, cwd=tmp_path, timeout=300)
        assert result.returncode == 0, result.stderr
        return result.stdout

    run("--db", str(source), "demo", "--members", "60")
    run("--db", str(source), "export-roster", str(tmp_path / "r.xlsx"))
    run("--db", str(target), "import-roster", str(tmp_path / "r.xlsx"))
    run("--db", str(source), "print-week", "--week", "2026-11-18", "--pdf",
        str(tmp_path / "w.pdf"))
    assert (tmp_path / "w.pdf").read_bytes()[:5] == b"%PDF-"
