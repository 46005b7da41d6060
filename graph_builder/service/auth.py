"""The bearer token that guards writes (SPARQL Update, Graph Store PUT/POST/DELETE).

``Authorization: Bearer <token>`` is compared with ``UPDATE_TOKEN`` using
``hmac.compare_digest``. No credentials: 401 with ``WWW-Authenticate: Bearer``; a wrong
token: 403; a service without a token configured refuses every write with 403. Reads
never need a token. Wrong tokens are counted per client address by the app's
:class:`~graph_builder.service.throttle.FailureThrottle`; an address over its limit gets **429**
with ``Retry-After`` for any write, before its token is compared.
"""
from __future__ import annotations

import hmac

from flask import Request, abort, current_app
from werkzeug.datastructures import WWWAuthenticate
from werkzeug.exceptions import TooManyRequests, Unauthorized

from graph_builder.service import throttle


def presented_token(request: Request) -> str | None:
    header = request.headers.get("Authorization", "")
    scheme, _, token = header.partition(" ")
    return token.strip() if scheme.lower() == "bearer" and token.strip() else None


def has_valid_token(request: Request, expected: str | None) -> bool:
    token = presented_token(request)
    return bool(expected) and token is not None and hmac.compare_digest(
        token.encode("utf-8"), expected.encode("utf-8"))


def require_write_access(request: Request, expected: str | None) -> None:
    """Return when the request may write; otherwise abort with 401 or 403."""
    if not expected:
        abort(403, description="this service is read-only: updates are disabled")
    if presented_token(request) is None:
        raise Unauthorized(description="writes need 'Authorization: Bearer <token>'",
                           www_authenticate=WWWAuthenticate("Bearer", {"realm": "mdkg"}))
    counter: throttle.FailureThrottle | None = current_app.extensions.get(throttle.EXTENSION)
    address = request.remote_addr or ""
    wait = counter.retry_after(address) if counter else None
    if wait is not None:
        raise TooManyRequests(description="too many wrong tokens from this address; try again later",
                              retry_after=wait)
    if not has_valid_token(request, expected):
        if counter:
            counter.failed(address)
        abort(403, description="the bearer token is not valid for writes")
