"""PyInstaller runtime hook: give a windowed Windows build a way to print.

A windowed (no console) exe on Windows starts with sys.stdout/sys.stderr set to None, so
`qundesk.exe --version` or a CLI subcommand typed in cmd.exe/PowerShell would print
nothing. When the process was started from a console we attach to that console and print
there; when there is none (started from Explorer) and the user asked for --version/--help,
the text is shown in a message box instead. The GUI itself is unaffected.
"""

import sys


def _attach_parent_console() -> bool:
    import ctypes

    ATTACH_PARENT_PROCESS = -1
    if not ctypes.windll.kernel32.AttachConsole(ATTACH_PARENT_PROCESS):
        return False
    sys.stdout = open("CONOUT$", "w", encoding="utf-8", errors="replace")  # noqa: SIM115
    sys.stderr = open("CONOUT$", "w", encoding="utf-8", errors="replace")  # noqa: SIM115
    return True


class _MessageBoxWriter:
    """Collects what argparse prints for --version/--help and shows it when the exe exits."""

    def __init__(self) -> None:
        self.parts: list[str] = []

    def write(self, text: str) -> int:
        self.parts.append(text)
        return len(text)

    def flush(self) -> None:
        pass

    def show(self) -> None:
        import ctypes

        text = "".join(self.parts).strip()
        if text:
            ctypes.windll.user32.MessageBoxW(None, text, "QunDesk", 0x40)  # MB_ICONINFORMATION


if sys.platform == "win32" and getattr(sys, "frozen", False) and sys.stdout is None:
    wants_text = any(arg in ("--version", "-h", "--help") for arg in sys.argv[1:])
    if not _attach_parent_console() and wants_text:
        import atexit

        _box = _MessageBoxWriter()
        sys.stdout = sys.stderr = _box
        atexit.register(_box.show)
