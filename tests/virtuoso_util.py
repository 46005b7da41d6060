"""A real OpenLink Virtuoso (Debian's ``virtuoso-opensource``) for integration tests, on loopback ports.

:func:`start_virtuoso` writes a ``virtuoso.ini`` made from the package's default one with only
the database files moved into a fresh directory and both listeners (ISQL and HTTP) bound to
127.0.0.1 on free ports, starts ``virtuoso-t`` in the foreground as a child process, waits for its
HTTP listener, and returns a :class:`Virtuoso` whose ``stop()`` ends only that process. ``isql``
runs SQL as ``dba`` (a fresh database's default password) through ``isql-vt``; ``add_user``
creates a SQL user with the ``SPARQL_UPDATE`` role, the one Virtuoso's
``/sparql-graph-crud-auth`` endpoint (HTTP Digest) accepts for writes.

``settings`` (``{section: {key: value}}``) overrides or adds ``virtuoso.ini`` entries, for a
benchmark of a large store (buffers, time limits, threads); the integration test uses none, i.e.
the package's defaults. A ``DirsAllowed`` given there is added to the database folder, not put
in its place.
"""
from __future__ import annotations

import re
import shutil
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

import requests

from serverutil import free_port

DEFAULT_INI = Path("/etc/virtuoso-opensource-7/virtuoso.ini")
PACKAGE_DB = "/var/lib/virtuoso-opensource-7/db"
SERVER = shutil.which("virtuoso-t")
ISQL = shutil.which("isql-vt")


def missing() -> str | None:
    """Why Virtuoso cannot be started here (None when it can)."""
    if SERVER is None or ISQL is None or not DEFAULT_INI.is_file():
        return ("Virtuoso is not installed: .ci/run installs Debian's virtuoso-opensource "
                "(apt-get install virtuoso-opensource)")
    return None


Settings = dict[str, dict[str, str]]


def _set(section: str, key: str, value: str) -> str:
    """``section`` (one ``[Name]`` block of the ini) with ``key`` set to ``value`` (added when absent)."""
    line = f"{key} = {value}"
    pattern = rf"(?m)^{re.escape(key)}\s*=.*$"
    if re.search(pattern, section):
        return re.sub(pattern, lambda _: line, section, count=1)
    head, _, body = section.partition("\n")
    return f"{head}\n{line}\n{body}"


def make_ini(folder: Path, isql_port: int, http_port: int, settings: Settings | None = None) -> Path:
    """The package's default ``virtuoso.ini`` with its database in ``folder`` and loopback listeners,
    and ``settings`` applied on top (see the module docstring)."""
    text = DEFAULT_INI.read_text(encoding="utf-8")
    db = folder / "db"
    db.mkdir(parents=True, exist_ok=True)
    text = text.replace(PACKAGE_DB, str(db))
    sections = re.split(r"(?m)^(?=\[)", text)
    settings = {name: dict(values) for name, values in (settings or {}).items()}
    extra_dirs = settings.get("Parameters", {}).pop("DirsAllowed", None)
    out = []
    for section in sections:
        name = section[1:section.index("]")] if section.startswith("[") else ""
        for key, value in settings.pop(name, {}).items():
            section = _set(section, key, str(value))
        if section.startswith("[Parameters]"):
            section = re.sub(r"(?m)^ServerPort\s*=.*$", f"ServerPort = 127.0.0.1:{isql_port}", section)
            dirs = f"{db}, {extra_dirs}" if extra_dirs else str(db)
            section = re.sub(r"(?m)^(DirsAllowed\s*=.*)$", lambda m: f"{m.group(1)}, {dirs}", section)
        elif section.startswith("[HTTPServer]"):
            section = re.sub(r"(?m)^ServerPort\s*=.*$", f"ServerPort = 127.0.0.1:{http_port}", section)
        out.append(section)
    if settings:
        raise ValueError(f"virtuoso.ini has no section(s) {sorted(settings)}")
    ini = folder / "virtuoso.ini"
    ini.write_text("".join(out), encoding="utf-8")
    return ini


@dataclass
class Virtuoso:
    folder: Path
    process: subprocess.Popen
    isql_port: int
    http_port: int

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.http_port}"

    @property
    def sparql(self) -> str:
        return self.url + "/sparql"

    @property
    def graph_crud_auth(self) -> str:
        return self.url + "/sparql-graph-crud-auth"

    def isql(self, sql: str, password: str = "dba", timeout: float = 60) -> str:
        done = subprocess.run([ISQL, f"127.0.0.1:{self.isql_port}", "dba", password, f"exec={sql}"],
                              capture_output=True, text=True, timeout=timeout)
        if done.returncode != 0 or "*** Error" in done.stdout + done.stderr:
            raise RuntimeError(f"isql failed: {done.stdout}\n{done.stderr}")
        return done.stdout

    def add_user(self, user: str, password: str) -> None:
        self.isql(f"DB.DBA.USER_CREATE('{user}', '{password}'); GRANT SPARQL_UPDATE TO \"{user}\";")

    def log_text(self) -> str:
        log = self.folder / "db" / "virtuoso.log"
        return log.read_text(errors="replace") if log.exists() else ""

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(10)


def start_virtuoso(folder: Path, timeout: float = 120.0, attempts: int = 3,
                   settings: Settings | None = None) -> Virtuoso:
    """A fresh Virtuoso in ``folder``, ready (its SPARQL endpoint answers) or RuntimeError.

    A port taken by another process between choosing it and Virtuoso's listening on it (the
    database is created first, which takes seconds) makes it try again with new ports."""
    for attempt in range(1, attempts + 1):
        try:
            return _start(folder / f"try{attempt}", timeout, settings)
        except _PortTaken:
            continue
    raise RuntimeError(f"Virtuoso found its ports taken {attempts} times")


class _PortTaken(RuntimeError):
    pass


def _start(folder: Path, timeout: float, settings: Settings | None = None) -> Virtuoso:
    folder.mkdir(parents=True, exist_ok=True)
    isql_port, http_port = free_port(), free_port()
    while http_port == isql_port:
        http_port = free_port()
    ini = make_ini(folder, isql_port, http_port, settings)
    log = open(folder / "stdout.log", "wb")
    process = subprocess.Popen([SERVER, "+foreground", "+configfile", str(ini)], cwd=folder,
                               stdout=log, stderr=subprocess.STDOUT)
    server = Virtuoso(folder, process, isql_port, http_port)
    deadline = time.monotonic() + timeout
    while True:
        if process.poll() is not None:
            output = (folder / "stdout.log").read_text(errors="replace")
            if "Address already in use" in output:
                raise _PortTaken(output[-500:])
            raise RuntimeError(f"virtuoso-t exited with {process.returncode}: {output[-2000:]}")
        try:
            if requests.get(server.sparql, params={"query": "ASK {}"}, timeout=2).ok:
                return server
        except requests.RequestException:
            pass
        if time.monotonic() > deadline:
            server.stop()
            raise RuntimeError(f"Virtuoso did not answer within {timeout:g} s")
        time.sleep(0.2)
