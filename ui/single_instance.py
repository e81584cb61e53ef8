"""A second launch of the same workspace brings the open window forward instead of failing.

The window that holds a workspace listens on a local socket named after the workspace
file (QLocalServer: a socket file on Linux/macOS, a named pipe on Windows). A new launch
asks there first; if a window answers, it comes to the front and the new launch exits.
Another workspace, or nobody listening, and the launch goes on as usual.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Slot
from PySide6.QtNetwork import QLocalServer, QLocalSocket

REQUEST = b"raise\n"
ANSWER = b"ok\n"
WAIT_MS = 1500


def server_name(db_path: Path) -> str:
    """One name per workspace file and user (two users may open their own copies)."""
    try:
        where = str(Path(db_path).resolve())
    except OSError:
        where = str(db_path)
    user = str(os.getuid()) if hasattr(os, "getuid") else os.environ.get("USERNAME", "")
    return "qundesk-" + hashlib.sha1(f"{user}\0{where}".encode()).hexdigest()[:20]


def ask_to_raise(db_path: Path) -> bool:
    """True if a window of this workspace answered and came to the front."""
    socket = QLocalSocket()
    socket.connectToServer(server_name(db_path))
    if not socket.waitForConnected(WAIT_MS):
        return False
    try:
        socket.write(REQUEST)
        if not socket.waitForBytesWritten(WAIT_MS) or not socket.waitForReadyRead(WAIT_MS):
            return False
        return bytes(socket.readAll().data()).startswith(ANSWER)
    finally:
        socket.disconnectFromServer()


class WindowServer(QObject):
    """Answers a second launch of `db_path` by calling `bring_forward`."""

    def __init__(self, db_path: Path, bring_forward: Callable[[], None],
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.bring_forward = bring_forward
        self.server = QLocalServer(self)
        self.server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self.server.newConnection.connect(self._connected)
        name = server_name(db_path)
        if not self.server.listen(name):
            # A socket left by a killed window answers nobody: take its place. (A live one
            # would have answered ask_to_raise before this window was opened.)
            QLocalServer.removeServer(name)
            self.server.listen(name)

    def close(self) -> None:
        self.server.close()

    @Slot()
    def _connected(self) -> None:
        while (socket := self.server.nextPendingConnection()) is not None:
            socket.readyRead.connect(lambda s=socket: self._read(s))
            socket.disconnected.connect(socket.deleteLater)

    def _read(self, socket: QLocalSocket) -> None:
        if bytes(socket.readAll().data()).startswith(REQUEST):
            self.bring_forward()
            socket.write(ANSWER)
            socket.flush()
