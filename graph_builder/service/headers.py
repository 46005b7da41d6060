"""Security headers on every response, added once at the WSGI layer around the whole application.

:class:`SecurityHeaders` wraps the app's ``wsgi_app`` outermost (``server.create_app``), so every
response gets them, whichever blueprint, error handler or WSGI fast path made it, and pages
added later need nothing: ``X-Content-Type-Options: nosniff`` on every response, and on every
HTML response (``text/html``, ``application/xhtml+xml``) a ``Content-Security-Policy`` (scripts
and everything else only from this origin, no plugins, no framing, no ``<base>``) unless the
response already chose a policy (the UI page loosens ``style-src`` for its editor's inline
styles; see ``ui.py``). ``Referrer-Policy: same-origin`` keeps query texts in URLs from leaking
to other sites through links. This module only adds headers; it never changes a body or status.
"""
from __future__ import annotations

from typing import Callable, Iterable

CSP = ("default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; "
       "frame-ancestors 'none'; form-action 'self'")
HTML_TYPES = ("text/html", "application/xhtml+xml")
ALWAYS = (("X-Content-Type-Options", "nosniff"), ("Referrer-Policy", "same-origin"))


def is_html(content_type: str) -> bool:
    return content_type.split(";", 1)[0].strip().lower() in HTML_TYPES


def secured(headers: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """``headers`` with the security headers added where they are missing."""
    present = {name.lower(): value for name, value in headers}
    out = list(headers)
    for name, value in ALWAYS:
        if name.lower() not in present:
            out.append((name, value))
    if is_html(present.get("content-type", "")) and "content-security-policy" not in present:
        out.append(("Content-Security-Policy", CSP))
    return out


class SecurityHeaders:
    """WSGI middleware: :func:`secured` applied to the headers of every response of ``app``."""

    def __init__(self, app: Callable):
        self.app = app

    def __call__(self, environ, start_response) -> Iterable[bytes]:
        def start(status, headers, exc_info=None):
            return start_response(status, secured(headers), exc_info)

        return self.app(environ, start)
