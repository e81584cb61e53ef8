"""Guards against platform bugs that once bit this project.

PySide6 6.12.0 wheels on CPython 3.11 dropped a reference to None on every void call
(and to True/False on bool returns), so the app crashed after ~10,000 Qt calls with
"Fatal Python error: none_dealloc". pyproject.toml pins a version without the bug;
this test fails loudly if an upgrade brings it back.
"""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QLabel


def test_qt_calls_keep_none_and_bool_reference_counts(qapp):
    label = QLabel()
    none_before, true_before = sys.getrefcount(None), sys.getrefcount(True)
    for _ in range(2000):
        label.setText("群主台")  # returns void
        label.isVisible()  # returns bool
    assert sys.getrefcount(None) - none_before >= -5
    assert sys.getrefcount(True) - true_before >= -5
