"""Throttling of wrong bearer tokens per client address (guessing the update token is slowed down).

:class:`FailureThrottle` counts the wrong tokens each client address presented in the last
``window`` seconds. From ``limit`` failures on, every write attempt from that address (with any
token, right or wrong, so guessing learns nothing) is refused with **429** and ``Retry-After``
until the oldest counted failure leaves the window. The count is kept per web worker (in
``app.extensions``), bounded to ``max_addresses`` addresses (the least recently failing are
forgotten first). Behind a reverse proxy every client has the proxy's address: the proxy must
then throttle, or pass the client's address on (see ``docs/serving.md``).

This module counts and decides only; ``auth`` asks it and answers the request.
"""
from __future__ import annotations

import math
import threading
import time
from collections import OrderedDict, deque

EXTENSION = "mdkg.token_throttle"


class FailureThrottle:
    def __init__(self, limit: int = 5, window: float = 60.0, max_addresses: int = 10_000,
                 clock=time.monotonic):
        self.limit = limit
        self.window = window
        self.max_addresses = max_addresses
        self._clock = clock
        self._failures: OrderedDict[str, deque[float]] = OrderedDict()
        self._lock = threading.Lock()

    def _recent(self, address: str, now: float) -> deque[float] | None:
        times = self._failures.get(address)
        if times is None:
            return None
        while times and times[0] <= now - self.window:
            times.popleft()
        if not times:
            del self._failures[address]
            return None
        return times

    def retry_after(self, address: str) -> int | None:
        """Seconds until ``address`` may try again, or None when it may try now."""
        if self.limit <= 0:
            return None
        now = self._clock()
        with self._lock:
            times = self._recent(address, now)
            if times is None or len(times) < self.limit:
                return None
            return max(1, math.ceil(times[-self.limit] + self.window - now))

    def failed(self, address: str) -> None:
        """Count one wrong token from ``address``."""
        now = self._clock()
        with self._lock:
            times = self._recent(address, now) or deque()
            times.append(now)
            while len(times) > max(self.limit, 1):
                times.popleft()
            self._failures[address] = times
            self._failures.move_to_end(address)
            while len(self._failures) > self.max_addresses:
                self._failures.popitem(last=False)
