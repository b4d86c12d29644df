"""The client's address, also behind a proxy, without trusting what the client sends.

With ``TRUSTED_PROXY_HOPS = n`` (DJANGO_TRUSTED_PROXY_HOPS; 1 when DJANGO_BEHIND_PROXY=1, else 0)
the client is the address the outermost of our n proxies appended to ``X-Forwarded-For``: the
n-th entry from the right. Everything left of it was sent by the client and is ignored, so
changing the header does not change who you are. A missing, short or garbled header falls back
to ``REMOTE_ADDR``: never an error.

For throttling, IPv6 addresses are grouped per /64 (one home or phone network gets one); an
IPv4-mapped address (``::ffff:a.b.c.d``) counts as its IPv4 address.
"""

from __future__ import annotations

import ipaddress

from django.conf import settings
from django.http import HttpRequest

UNKNOWN = "0.0.0.0"  # noqa: S104 - a key for "no address", never bound


def _valid(value: str) -> str | None:
    value = value.strip()
    if value.startswith("[") and "]" in value:  # [v6]:port
        value = value[1 : value.index("]")]
    elif value.count(":") == 1:  # v4:port
        value = value.split(":", 1)[0]
    try:
        address = ipaddress.ip_address(value)
    except ValueError:
        return None
    # an IPv4 client on a dual-stack socket or proxy (::ffff:a.b.c.d) is that IPv4 address:
    # grouped per /64 as IPv6, every IPv4 client was one client for the rate limits
    mapped = getattr(address, "ipv4_mapped", None)
    return str(mapped or address)


def client_ip(request: HttpRequest) -> str:
    """The real client address (see the module text); always a valid address string."""
    remote = _valid(request.META.get("REMOTE_ADDR", "") or "") or UNKNOWN
    hops = getattr(settings, "TRUSTED_PROXY_HOPS", 0)
    if hops <= 0:
        return remote
    header = request.META.get("HTTP_X_FORWARDED_FOR", "") or ""
    entries = [part for part in header.split(",") if part.strip()]
    if len(entries) < hops:
        return remote
    return _valid(entries[-hops]) or remote


def client_key(request: HttpRequest) -> str:
    """The address as a throttle key: IPv4 as is, IPv6 by its /64 network."""
    address = ipaddress.ip_address(client_ip(request))
    if address.version == 6:
        return str(ipaddress.ip_network(f"{address}/64", strict=False))
    return str(address)
