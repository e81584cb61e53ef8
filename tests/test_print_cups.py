"""Printing through a real CUPS queue whose default paper is US Letter: the job is A4 (as
the preview showed) unless the owner picks another paper, and it carries its title.

A private cupsd (its own folder and socket, nothing of the machine's CUPS touched) holds
a queue that accepts jobs but does not print them, so each job's document (the PDF Qt
sent) and its attributes stay in the spool to look at.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
CUPSD = shutil.which("cupsd") or ("/usr/sbin/cupsd" if Path("/usr/sbin/cupsd").exists() else None)
LPADMIN = shutil.which("lpadmin") or ("/usr/sbin/lpadmin"
                                      if Path("/usr/sbin/lpadmin").exists() else None)

# Slow (CI runs it): a private CUPS daemon per test.
pytestmark = [pytest.mark.slow, pytest.mark.skipif(
    CUPSD is None or LPADMIN is None,
    reason="needs CUPS (cupsd and lpadmin: cups-daemon, cups-client)")]

CUPSD_CONF = """Listen {root}/cups.sock
LogLevel warn
Browsing No
WebInterface No
DefaultAuthType None
PreserveJobFiles Yes
PreserveJobHistory Yes
DirtyCleanInterval 0
<Location />
  Order allow,deny
  Allow all
</Location>
<Policy default>
  JobPrivateAccess all
  JobPrivateValues none
  SubscriptionPrivateAccess all
  SubscriptionPrivateValues none
  <Limit All>
    Order allow,deny
    Allow all
  </Limit>
</Policy>
"""
FILES_CONF = """ServerRoot {root}
RequestRoot {root}/spool
CacheDir {root}/cache
StateDir {root}/state
TempDir {root}/tmp
ErrorLog {root}/error_log
AccessLog {root}/access_log
PageLog {root}/page_log
ServerBin /usr/lib/cups
DataDir /usr/share/cups
SystemGroup root
"""


@pytest.fixture(scope="module")
def cups(tmp_path_factory):
    """A private cupsd with a default queue "Letter" (PPD default: US Letter, also A4)."""
    root = tmp_path_factory.mktemp("cups")
    for folder in ("spool", "cache", "state", "tmp", "ppd"):
        (root / folder).mkdir()
    (root / "cupsd.conf").write_text(CUPSD_CONF.format(root=root))
    (root / "cups-files.conf").write_text(FILES_CONF.format(root=root))
    daemon = subprocess.Popen([CUPSD, "-f", "-c", str(root / "cupsd.conf"),
                               "-s", str(root / "cups-files.conf")],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    env = dict(os.environ, CUPS_SERVER=str(root / "cups.sock"))
    try:
        for _ in range(100):
            if (root / "cups.sock").exists():
                break
            time.sleep(0.1)
        else:
            pytest.skip("cupsd did not start")
        # Accepting jobs but stopped: they wait in the spool.
        for args in (["-p", "Letter", "-v", "file:///dev/null", "-P", str(HERE / "fixtures" /
                      "cups" / "letter.ppd")], ["-d", "Letter"]):
            subprocess.run([LPADMIN, *args], env=env, check=True, capture_output=True)
        subprocess.run([shutil.which("cupsaccept") or "/usr/sbin/cupsaccept", "Letter"],
                       env=env, check=True, capture_output=True)
        yield root, env
    finally:
        daemon.terminate()
        daemon.wait(timeout=20)


def _print(cups, tmp_path, mode: str, kind: str) -> tuple[bytes, bytes]:
    """Print; returns (the job's document as CUPS received it, its control file)."""
    root, env = cups
    before = set((root / "spool").glob("d*"))
    env = dict(env, QT_QPA_PLATFORM="offscreen", QUNDESK_DATA_DIR=str(tmp_path / "data"))
    result = subprocess.run([sys.executable, str(HERE / "cups_print_job.py"),
                             str(tmp_path / "db.sqlite3"), mode, kind],
                            env=env, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    for _ in range(100):
        new = set((root / "spool").glob("d*")) - before
        if new:
            break
        time.sleep(0.1)
    assert len(new) == 1, "no job reached the queue"
    document = next(iter(new))
    control = root / "spool" / ("c" + document.name[1:].split("-")[0])
    for _ in range(50):
        if control.exists() and document.stat().st_size:
            break
        time.sleep(0.1)
    time.sleep(0.3)  # the last bytes of the document
    return document.read_bytes(), control.read_bytes()


def _media_box(pdf: bytes) -> tuple[int, int]:
    import io

    from pypdf import PdfReader

    box = PdfReader(io.BytesIO(pdf)).pages[0].mediabox
    return round(float(box.width)), round(float(box.height))


A4, LETTER = (595, 842), (612, 792)


@pytest.mark.parametrize("kind", ["checklist", "signin"])
@pytest.mark.parametrize("mode", ["dialog", "preview"])
def test_a_letter_printer_prints_a4_with_the_jobs_title(cups, tmp_path, mode, kind):
    pdf, control = _print(cups, tmp_path, mode, kind)
    assert _media_box(pdf) == A4
    title = ("活动清单 - " if kind == "checklist" else "签到表 - ") + "上海面基 <秋季>"
    assert title.encode() in control  # the job-name CUPS shows in its queue


def test_the_owners_choice_of_paper_is_kept(cups, tmp_path):
    pdf, _control = _print(cups, tmp_path, "pick-letter", "checklist")
    assert _media_box(pdf) == LETTER
