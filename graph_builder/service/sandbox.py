"""Takes the network away from the processes that run pyoxigraph, enforced by the kernel (seccomp).

SPARQL ``SERVICE`` and ``LOAD`` make pyoxigraph open TCP connections (its HTTP client resolves
the host with the C library and calls ``connect``; it honours no proxy). Whether a request may
do that is decided here, on the system calls themselves, never on the query text:

- **Nothing allow-listed** (the default): :func:`confine` loads a seccomp filter that makes
  ``socket()`` fail with ``EPERM`` for every address family but ``AF_UNIX`` (the pipes to the
  parent), and refuses ``io_uring_setup`` (io_uring could open sockets past the filter). A
  SERVICE or LOAD then fails inside pyoxigraph with ``PermissionError``, whatever the text
  looked like to anyone else.
- **Hosts allow-listed** (``ALLOWED_SERVICE_HOSTS``, entries ``host`` or ``host:port``): the
  filter lets IPv4/IPv6 sockets be made but hands every ``connect()`` to a supervisor thread
  in the parent (seccomp user notification). The :class:`Supervisor` reads the address the
  child passed to the kernel, and lets the call go on only when it is an address of an
  allow-listed host (resolved by the parent; the port too when the entry names one), or, for
  a UDP socket, port 53 of a name server in ``/etc/resolv.conf`` (the child's own host-name
  lookups); anything else fails with ``EPERM``. ``sendto`` with an explicit address is
  refused. What stays possible: datagrams sent with ``sendmsg`` to an explicit address, which
  pyoxigraph never does, and changing the address between the check and the call, which
  needs code of its own in the child (the kernel's ``SECCOMP_USER_NOTIF_FLAG_CONTINUE`` caveat).
- **Sockets made before confinement** are not covered by the filter (it acts where a socket is
  made): a confined process can ``accept`` on a listening socket it inherited and serve sockets
  passed to it over ``AF_UNIX``; a listening or accepted socket cannot ``connect`` elsewhere
  (``tests/test_ssrf.py``). The query processes inherit none today (``spawn``); a front whose
  query processes answer HTTP themselves would give them only the listener.

The filter is built with libseccomp (through ``pyseccomp``) and sets ``no_new_privs`` and
thread synchronisation. Where the kernel or libseccomp cannot do this, :func:`confine` raises
:class:`SandboxUnavailable` and the service does not start (``check`` tells the parent before
it starts anything). This module does not decide query semantics and does not run queries.
"""
from __future__ import annotations

import ctypes
import errno
import fcntl
import ipaddress
import os
import select
import socket
import struct
import threading
import time
from dataclasses import dataclass

SECCOMP_IOCTL_NOTIF_RECV = 0xC0502100  # _IOWR('!', 0, struct seccomp_notif)  (80 bytes)
SECCOMP_IOCTL_NOTIF_SEND = 0xC0182101  # _IOWR('!', 1, struct seccomp_notif_resp) (24 bytes)
SECCOMP_USER_NOTIF_FLAG_CONTINUE = 1
SYS_PIDFD_GETFD = 438  # x86_64 and aarch64 (generic table)
_OTHER_FAMILIES = [f for f in range(0, 11) if f not in (socket.AF_UNIX, socket.AF_INET, socket.AF_INET6)]
RESOLVE_TTL = 60.0


class SandboxUnavailable(RuntimeError):
    """The kernel or libseccomp cannot confine the query processes; the service must not start."""


@dataclass(frozen=True)
class Allowed:
    host: str
    port: int | None  # None: any port


def parse_allowed(entries) -> tuple[Allowed, ...]:
    """``host`` or ``host:port`` entries (IPv6 literals in brackets, ``[::1]:8080``)."""
    out = []
    for entry in entries:
        entry = entry.strip().lower()
        if not entry:
            continue
        host, port = entry, None
        if entry.startswith("["):
            host, _, rest = entry[1:].partition("]")
            port = int(rest[1:]) if rest.startswith(":") else None
        elif entry.count(":") == 1:
            host, port_text = entry.split(":")
            port = int(port_text)
        out.append(Allowed(host, port))
    return tuple(out)


def _seccomp():
    try:
        import pyseccomp
    except (ImportError, OSError) as exc:  # OSError: libseccomp.so.2 is missing
        raise SandboxUnavailable(f"libseccomp is not usable ({exc}); install libseccomp2 "
                                 f"(Debian: apt-get install libseccomp2)") from None
    return pyseccomp


def confine(allowed_hosts=()) -> int | None:
    """Confine the calling process (all its threads) for good; the notification fd when
    hosts are allow-listed (to hand to a :class:`Supervisor` in the parent), else None."""
    sc = _seccomp()
    deny = sc.ERRNO(errno.EPERM)
    try:
        flt = sc.SyscallFilter(sc.ALLOW)
        flt.set_attr(sc.Attr.CTL_NNP, 1)
        flt.set_attr(sc.Attr.CTL_TSYNC, 1)
        flt.add_rule(sc.ERRNO(errno.ENOSYS), "io_uring_setup")
        if not allowed_hosts:
            flt.add_rule(deny, "socket", sc.Arg(0, sc.NE, socket.AF_UNIX))
        else:
            flt.add_rule(deny, "socket", sc.Arg(0, sc.GT, socket.AF_INET6))
            for family in _OTHER_FAMILIES:
                flt.add_rule(deny, "socket", sc.Arg(0, sc.EQ, family))
            flt.add_rule(deny, "sendto", sc.Arg(4, sc.NE, 0))
            flt.add_rule(sc.NOTIFY, "connect")
        flt.load()
    except OSError as exc:
        raise SandboxUnavailable(f"the kernel refused the seccomp filter that takes the network "
                                 f"away from query processes: {exc}") from None
    if not allowed_hosts:
        return None
    fd = sc._libseccomp.seccomp_notify_fd(flt._filter)  # pyseccomp has no public accessor
    if fd < 0:
        raise SandboxUnavailable("the kernel gave no seccomp notification descriptor")
    return fd


def check(allowed_hosts=()) -> None:
    """Raise :class:`SandboxUnavailable` unless :func:`confine` will work here (run in a fork)."""
    _seccomp()
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - runs in the forked child
        os.close(read_end)
        try:
            confine(allowed_hosts)
            try:
                socket.socket(socket.AF_INET, socket.SOCK_STREAM).close()
                message = b"the seccomp filter did not stop socket(AF_INET)" if not allowed_hosts else b""
            except PermissionError:
                message = b""
        except BaseException as exc:  # noqa: BLE001 - reported to the parent
            message = str(exc).encode() or b"failed"
        os.write(write_end, message or b"ok")
        os._exit(0)
    os.close(write_end)
    with os.fdopen(read_end, "rb") as pipe:
        answer = pipe.read().decode(errors="replace")
    os.waitpid(pid, 0)
    if answer != "ok":
        raise SandboxUnavailable(answer or "the sandbox check process died")


def _nameservers() -> set[str]:
    found = set()
    try:
        with open("/etc/resolv.conf", encoding="utf-8") as handle:
            for line in handle:
                parts = line.split()
                if len(parts) >= 2 and parts[0] == "nameserver":
                    found.add(parts[1].split("%")[0])
    except OSError:
        pass
    return found


def _sockaddr(raw: bytes) -> tuple[int, str | None, int | None]:
    family = struct.unpack_from("=H", raw)[0] if len(raw) >= 2 else -1
    if family == socket.AF_INET and len(raw) >= 8:
        return family, socket.inet_ntop(socket.AF_INET, raw[4:8]), struct.unpack_from("!H", raw, 2)[0]
    if family == socket.AF_INET6 and len(raw) >= 24:
        ip = ipaddress.IPv6Address(raw[8:24])
        text = str(ip.ipv4_mapped) if ip.ipv4_mapped else str(ip)
        return family, text, struct.unpack_from("!H", raw, 2)[0]
    return family, None, None


class Supervisor:
    """Answers the connect() notifications of one confined child (a daemon thread in the parent)."""

    def __init__(self, listener_fd: int, pid: int, allowed_hosts):
        self.fd = listener_fd
        self.pid = pid
        self.allowed = parse_allowed(allowed_hosts)
        self.nameservers = _nameservers()
        self._addresses: dict[Allowed, set[str]] = {}
        self._resolved_at = 0.0
        self.decisions: list[tuple[str | None, int | None, bool]] = []  # kept short, for logs
        self._thread = threading.Thread(target=self._loop, name=f"mdkg-sandbox-{pid}", daemon=True)
        self._thread.start()

    def _resolve(self, force: bool = False) -> None:
        if not force and time.monotonic() - self._resolved_at < RESOLVE_TTL:
            return
        for entry in self.allowed:
            try:
                infos = socket.getaddrinfo(entry.host, None, proto=socket.IPPROTO_TCP)
                self._addresses[entry] = {str(info[4][0]).split("%")[0] for info in infos}
            except OSError:
                self._addresses.setdefault(entry, set())
        self._resolved_at = time.monotonic()

    def permits(self, ip: str | None, port: int | None, udp: bool) -> bool:
        if ip is None:
            return False
        if udp and port == 53 and ip in self.nameservers:
            return True
        for attempt in (False, True):  # a miss re-resolves once (addresses change)
            self._resolve(force=attempt)
            for entry, addresses in self._addresses.items():
                if ip in addresses and (entry.port is None or entry.port == port):
                    return True
        return False

    def _is_udp(self, target_fd: int) -> bool:
        try:
            pidfd = os.pidfd_open(self.pid)
        except OSError:
            return False
        try:
            libc = ctypes.CDLL(None, use_errno=True)
            fd = libc.syscall(SYS_PIDFD_GETFD, pidfd, target_fd, 0)
            if fd < 0:
                return False
            with socket.socket(fileno=fd) as sock:
                return sock.type == socket.SOCK_DGRAM
        finally:
            os.close(pidfd)

    def _decide(self, notif: bytes) -> tuple[int, int]:
        args = struct.unpack_from("=6Q", notif, 32)
        try:
            with open(f"/proc/{self.pid}/mem", "rb", buffering=0) as mem:
                mem.seek(args[1])
                raw = mem.read(min(int(args[2]), 128))
        except OSError:
            return -errno.EPERM, 0
        family, ip, port = _sockaddr(raw)
        if family == socket.AF_UNIX:
            return 0, SECCOMP_USER_NOTIF_FLAG_CONTINUE
        udp = port == 53 and ip in self.nameservers and self._is_udp(int(args[0]))
        ok = self.permits(ip, port, udp)
        self.decisions = (self.decisions + [(ip, port, ok)])[-50:]
        return (0, SECCOMP_USER_NOTIF_FLAG_CONTINUE) if ok else (-errno.EPERM, 0)

    def _loop(self) -> None:
        poller = select.poll()
        poller.register(self.fd, select.POLLIN)
        try:
            while True:
                events = poller.poll()
                if any(ev & (select.POLLHUP | select.POLLERR | select.POLLNVAL) for _, ev in events):
                    return
                notif = bytearray(80)
                try:
                    fcntl.ioctl(self.fd, SECCOMP_IOCTL_NOTIF_RECV, notif)
                except OSError as exc:
                    if exc.errno in (errno.EINTR, errno.ENOENT):
                        continue
                    return
                try:
                    error, flags = self._decide(bytes(notif))
                except Exception:  # noqa: BLE001 - never leave the child waiting: refuse
                    error, flags = -errno.EPERM, 0
                response = bytearray(struct.pack("=QqiI", struct.unpack_from("=Q", notif)[0], 0, error, flags))
                try:
                    fcntl.ioctl(self.fd, SECCOMP_IOCTL_NOTIF_SEND, response)
                except OSError:
                    continue  # the child died or the call was interrupted
        finally:
            os.close(self.fd)
