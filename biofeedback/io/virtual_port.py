"""Virtual serial ports the simulator writes to: a pty (Linux/macOS) or a TCP socket.

A pty behaves like a real tty for pyserial. Its slave path changes each time
one is made, so the port is published under a stable symlink; "unplugging"
closes the pty and removes the link, "replugging" makes a new pty behind the
same link, which is what a reader sees when a USB cable is pulled and put back.
Writes never block at real speed: like a UART, the device sends whether or not anyone
reads. A simulator running faster than real time may wait up to ``wait_s`` for its reader
instead (the loss would come from the acceleration, not from anything a sensor does).

The link goes on every exit path: ``close`` (the simulator's ``finally``), an
``atexit`` hook for other normal exits, and for a simulator killed outright
(SIGKILL) the next simulator sweeps it away: each temporary link folder holds
its owner's pid, and a folder whose owner is dead is removed before a new pty
is made, so a dead simulator's link can never lead a retrying reader to a new
pty that took over its number.
"""

from __future__ import annotations

import atexit
import errno
import glob
import os
import select
import shutil
import socket
import tempfile
import threading
import time
from pathlib import Path

LINK_DIR_PREFIX = "biofeedback-sim-"
OWNER_FILE = "owner.pid"


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True
    return True


def sweep_dead_links(tmp_root: str | None = None) -> list[str]:
    """Remove link folders of simulators that died without cleaning up; returns them."""
    removed = []
    for folder in glob.glob(os.path.join(tmp_root or tempfile.gettempdir(), LINK_DIR_PREFIX + "*")):
        try:
            with open(os.path.join(folder, OWNER_FILE), encoding="ascii") as f:
                pid = int(f.read().strip())
        except (OSError, ValueError):
            continue  # not ours, or being made right now
        if not _pid_alive(pid):
            shutil.rmtree(folder, ignore_errors=True)
            removed.append(folder)
    return removed


class PtyPort:
    """A pty published at ``link_path`` (a fresh temporary path by default)."""

    def __init__(self, link_path: str | Path | None = None) -> None:
        if os.name != "posix":
            raise OSError("virtual ptys need Linux or macOS; use --listen socket://127.0.0.1:PORT")
        if link_path is None:
            sweep_dead_links()
            self._tmpdir = tempfile.mkdtemp(prefix=LINK_DIR_PREFIX)
            with open(os.path.join(self._tmpdir, OWNER_FILE), "w", encoding="ascii") as f:
                f.write(str(os.getpid()))
            link_path = Path(self._tmpdir) / "port"
        self.path = str(link_path)
        self._master: int | None = None
        self._slave: int | None = None
        self.bytes_dropped = 0
        self.plug()
        atexit.register(self.close)

    @property
    def plugged(self) -> bool:
        return self._master is not None

    def plug(self) -> None:
        import tty

        if self.plugged:
            return
        master, slave = os.openpty()
        tty.setraw(slave)  # no echo, no line editing: bytes pass as they are
        os.set_blocking(master, False)
        self._master, self._slave = master, slave
        tmp = self.path + ".new"
        if os.path.lexists(tmp):
            os.unlink(tmp)
        os.symlink(os.ttyname(slave), tmp)
        os.replace(tmp, self.path)

    def unplug(self) -> None:
        master, slave = self._master, self._slave
        if master is None or slave is None:  # not plugged (plug sets both)
            return
        if os.path.lexists(self.path):
            os.unlink(self.path)
        for fd in (master, slave):
            try:
                os.close(fd)
            except OSError:
                pass
        self._master = self._slave = None

    def write(self, data: bytes, wait_s: float = 0.0) -> int:
        """Send what fits, waiting up to ``wait_s`` for the reader to make room; what does not
        fit is dropped and counted, as a UART would lose it."""
        master = self._master
        if master is None or not data:  # unplugged
            return 0
        deadline = time.monotonic() + wait_s
        sent = 0
        while sent < len(data):
            try:
                sent += os.write(master, data[sent:])
                continue
            except OSError as error:
                if error.errno not in (errno.EAGAIN, errno.EWOULDBLOCK, errno.EIO):
                    raise
            left = deadline - time.monotonic()
            if left <= 0 or self._master != master:
                break
            select.select([], [master], [], min(left, 0.05))
        self.bytes_dropped += len(data) - sent
        return sent

    def read(self) -> bytes:
        """Bytes the host sent to the device (commands), or b''."""
        master = self._master
        if master is None:  # unplugged
            return b""
        try:
            return os.read(master, 4096)
        except OSError:
            return b""

    def close(self) -> None:
        self.unplug()
        tmpdir = getattr(self, "_tmpdir", None)
        if tmpdir:
            shutil.rmtree(tmpdir, ignore_errors=True)
        atexit.unregister(self.close)


class TcpPort:
    """Serves the byte stream to TCP clients (pyserial ``socket://host:port``)."""

    def __init__(self, host: str = "127.0.0.1", port: int = 0) -> None:
        self._server = socket.create_server((host, port))
        self._server.settimeout(0.2)
        host, port = self._server.getsockname()[:2]
        self.path = f"socket://{host}:{port}"
        self._clients: list[socket.socket] = []
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self.bytes_dropped = 0
        self.plugged = True
        threading.Thread(target=self._accept, daemon=True, name="sim tcp accept").start()

    def _accept(self) -> None:
        while not self._stop.is_set():
            try:
                client, _ = self._server.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            client.setblocking(False)
            with self._lock:
                self._clients.append(client)

    def plug(self) -> None:
        self.plugged = True

    def unplug(self) -> None:
        self.plugged = False
        with self._lock:
            for c in self._clients:
                c.close()
            self._clients.clear()

    def write(self, data: bytes, wait_s: float = 0.0) -> int:
        """Send to every client, each waiting up to ``wait_s`` for room (see the module)."""
        if not self.plugged:
            return 0
        with self._lock:
            for c in list(self._clients):
                deadline, sent = time.monotonic() + wait_s, 0
                try:
                    while sent < len(data):
                        try:
                            sent += c.send(data[sent:])
                        except BlockingIOError:
                            left = deadline - time.monotonic()
                            if left <= 0:
                                break
                            select.select([], [c], [], min(left, 0.05))
                    self.bytes_dropped += len(data) - sent
                except OSError:
                    self._clients.remove(c)
                    c.close()
        return len(data)

    def read(self) -> bytes:
        chunks = []
        with self._lock:
            for c in self._clients:
                try:
                    chunks.append(c.recv(4096))
                except (BlockingIOError, OSError):
                    pass
        return b"".join(chunks)

    def close(self) -> None:
        self._stop.set()
        self.unplug()
        self._server.close()
