"""Run a real Kannel (Debian's ``kannel`` bearerbox + smsbox, ``kannel-extras`` fakesmsc) on loopback for a test.

Nothing is installed here: :func:`find_binaries` returns ``None`` when the programs are missing and the tests
skip. Every wait is bounded; :meth:`Kannel.stop` ends every process this harness started (by its own PID).
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import signal
import socket
import string
import subprocess
import time
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

TEMPLATE = Path(__file__).with_name("kannel.conf.tmpl")
SEARCH_PATH = os.pathsep.join([os.environ.get("PATH", ""), "/usr/sbin", "/usr/local/sbin", "/usr/lib/kannel/test"])
WAIT_SECONDS = 15.0
_GOT = re.compile(r"Got message \d+: <(?P<sender>\S+) (?P<receiver>\S+) (?P<rest>.*)>\s*$")


def find_binaries() -> dict[str, str] | None:
    found = {name: shutil.which(name, path=SEARCH_PATH) for name in ("bearerbox", "smsbox", "fakesmsc")}
    return None if None in found.values() else found  # type: ignore[return-value]


def free_ports(count: int) -> list[int]:
    sockets = []
    try:
        for _ in range(count):
            s = socket.socket()
            s.bind(("127.0.0.1", 0))
            sockets.append(s)
        return [s.getsockname()[1] for s in sockets]
    finally:
        for s in sockets:
            s.close()


def wait_until(condition: Callable[[], object], *, timeout: float, what: str, diagnose: Callable[[], str] = str):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.05)
    raise TimeoutError(f"timed out after {timeout:.0f} s waiting for {what}\n{diagnose()}")


def port_open(port: int) -> bool:
    with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), timeout=0.2):
        return True
    return False


@dataclass(frozen=True)
class Sms:
    """A message fakesmsc received from Kannel (concatenated parts already joined)."""

    sender: str
    receiver: str
    text: str
    parts: int = 1


def _decode(kind: str, data: str) -> str:
    if kind == "text":
        return data
    raw = urllib.parse.unquote_to_bytes(data.replace("+", " "))
    return raw.decode("utf-16-be") if kind == "ucs2" else raw.decode("latin-1")


def parse_fakesmsc_output(output: str) -> list[Sms]:
    """Messages in fakesmsc's log (``Got message N: <from to [udh UDH] type data>``), concatenations joined."""
    singles: list[Sms] = []
    concat: dict[tuple[str, str, int], dict[int, str]] = {}
    totals: dict[tuple[str, str, int], int] = {}
    for line in output.splitlines():
        match = _GOT.search(line)
        if match is None:
            continue
        rest = match["rest"]
        udh = b""
        if rest.startswith("udh "):
            _, udh_raw, rest = rest.split(" ", 2)
            udh = urllib.parse.unquote_to_bytes(udh_raw)
        kind, _, data = rest.partition(" ")
        text = _decode(kind, data)
        if len(udh) >= 6 and udh[1] == 0x00:  # IEI 0: 8-bit reference concatenation
            key = (match["sender"], match["receiver"], udh[3])
            totals[key] = udh[4]
            concat.setdefault(key, {})[udh[5]] = text
        else:
            singles.append(Sms(match["sender"], match["receiver"], text))
    for key, parts in concat.items():
        if len(parts) == totals[key]:
            singles.append(Sms(key[0], key[1], "".join(parts[i] for i in sorted(parts)), parts=len(parts)))
    return singles


class FakeSmsc:
    """One fakesmsc process connected to bearerbox: sends the given MO message (if any) and logs what it gets."""

    def __init__(self, binary: str, port: int, log: Path, mo: tuple[str, str, str] | None, *, ucs2: bool) -> None:
        self.log = log
        if mo is None:
            message = "0 0 text tidak-dikirim"
        elif ucs2:
            message = f"{mo[0]} {mo[1]} ucs2 {urllib.parse.quote(mo[2].encode('utf-16-be'))}"
        else:
            message = f"{mo[0]} {mo[1]} text {mo[2]}"
        args = [binary, "-H", "127.0.0.1", "-r", str(port), "-i", "0.1", "-m", "1" if mo else "0", message]
        self._out = log.open("wb")
        self.process = subprocess.Popen(args, stdout=self._out, stderr=subprocess.STDOUT, start_new_session=True)  # noqa: S603

    def received(self) -> list[Sms]:
        return parse_fakesmsc_output(self.log.read_text(errors="replace"))

    def wait_for(self, condition: Callable[[list[Sms]], bool], *, timeout: float = WAIT_SECONDS) -> list[Sms]:
        def ready():
            messages = self.received()
            return messages if condition(messages) else None

        return wait_until(ready, timeout=timeout, what="an SMS at fakesmsc", diagnose=lambda: self.log.read_text())

    def stop(self) -> None:
        _end(self.process)
        self._out.close()


class Kannel:
    """bearerbox + smsbox configured from ``kannel.conf.tmpl`` with the get-url pointing at ``lapor_url``."""

    def __init__(self, binaries: dict[str, str], workdir: Path, *, lapor_url: str, geturl_token: str) -> None:
        self.binaries = binaries
        self.workdir = workdir
        admin, smsbox, fake, sendsms = free_ports(4)
        self.admin_port, self.smsbox_port, self.fake_smsc_port, self.sendsms_port = admin, smsbox, fake, sendsms
        self.admin_password = "admin-uji"
        self.sendsms_user, self.sendsms_password = "lapor", "kata-sandi-sendsms"
        self.config = workdir / "kannel.conf"
        self.config.write_text(
            string.Template(TEMPLATE.read_text()).substitute(
                admin_port=admin,
                admin_password=self.admin_password,
                smsbox_port=smsbox,
                fake_smsc_port=fake,
                sendsms_port=sendsms,
                sendsms_user=self.sendsms_user,
                sendsms_password=self.sendsms_password,
                log_dir=str(workdir),
                lapor_url=lapor_url.rstrip("/"),
                geturl_token=urllib.parse.quote(geturl_token),
            )
        )
        self.processes: list[subprocess.Popen] = []
        self._logs: list = []
        self._smscs = 0

    @property
    def sendsms_url(self) -> str:
        return f"http://127.0.0.1:{self.sendsms_port}/cgi-bin/sendsms"

    def start(self) -> None:
        self._spawn("bearerbox")
        wait_until(lambda: port_open(self.smsbox_port), timeout=WAIT_SECONDS, what="bearerbox", diagnose=self.logs)
        self._spawn("smsbox")
        wait_until(lambda: port_open(self.sendsms_port), timeout=WAIT_SECONDS, what="smsbox", diagnose=self.logs)
        wait_until(lambda: "smsbox:" in self.status(), timeout=WAIT_SECONDS, what="smsbox link", diagnose=self.logs)

    def stop(self) -> None:
        for process in reversed(self.processes):
            _end(process)
        for log in self._logs:
            log.close()

    def _spawn(self, name: str) -> None:
        log = (self.workdir / f"{name}.out").open("wb")
        self._logs.append(log)
        process = subprocess.Popen(  # noqa: S603 - fixed binaries found on PATH, our own config file
            [self.binaries[name], "-v", "1", str(self.config)],
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        self.processes.append(process)

    def status(self) -> str:
        url = f"http://127.0.0.1:{self.admin_port}/status.txt?password={self.admin_password}"
        try:
            with urllib.request.urlopen(url, timeout=2) as response:  # noqa: S310 - loopback admin page
                return response.read().decode(errors="replace")
        except OSError:
            return ""

    def smsc_online(self) -> bool:
        return bool(re.search(r"FAKE\[FAKE\].*\(online", self.status()))

    def fakesmsc_ucs2(self, mo: tuple[str, str, str]) -> contextlib.AbstractContextManager[FakeSmsc]:
        """Like :meth:`fakesmsc`, the SMS sent UCS-2 coded (as phones do for emoji and non-Latin scripts)."""
        return self.fakesmsc(mo, ucs2=True)

    @contextlib.contextmanager
    def fakesmsc(self, mo: tuple[str, str, str] | None = None, *, ucs2: bool = False) -> Iterator[FakeSmsc]:
        """A fake SMSC for the duration of the block; with ``mo`` = (from, to, text) it sends that SMS."""
        self._smscs += 1
        log = self.workdir / f"fakesmsc-{self._smscs}.out"
        smsc = FakeSmsc(self.binaries["fakesmsc"], self.fake_smsc_port, log, mo, ucs2=ucs2)
        try:
            wait_until(self.smsc_online, timeout=WAIT_SECONDS, what="fakesmsc online", diagnose=self.logs)
            yield smsc
        finally:
            smsc.stop()
            # bearerbox notices the disconnect and waits for the next fake SMSC
            with contextlib.suppress(TimeoutError):
                wait_until(lambda: not self.smsc_online(), timeout=5, what="fakesmsc offline")

    def logs(self) -> str:
        chunks = []
        for path in sorted(self.workdir.glob("*.out")) + sorted(self.workdir.glob("*.log")):
            chunks.append(f"--- {path.name}\n" + "\n".join(path.read_text(errors="replace").splitlines()[-15:]))
        return "\n".join(chunks)


def _end(process: subprocess.Popen) -> None:
    """SIGTERM, then SIGKILL after 3 s: bearerbox drains its queues on TERM and may take a moment."""
    if process.poll() is not None:
        return
    with contextlib.suppress(ProcessLookupError):
        process.send_signal(signal.SIGTERM)
    try:
        process.wait(timeout=3)
    except subprocess.TimeoutExpired:
        with contextlib.suppress(ProcessLookupError):
            process.kill()
        process.wait(timeout=3)
