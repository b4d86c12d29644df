"""The client address as a throttle key (cases.clientip), found by the hostile review of
7 Dec 2026: behind a dual-stack socket or proxy every IPv4 client arrives as an IPv4-mapped
IPv6 address (``::ffff:a.b.c.d``). Grouped per /64 like real IPv6, all of them became one
client: one person's wrong resume codes or new cases locked out everybody on IPv4."""

from __future__ import annotations

from django.test import RequestFactory

from decision_aid.cases.clientip import client_key


def _key(remote: str, forwarded: str = "") -> str:
    meta = {"REMOTE_ADDR": remote}
    if forwarded:
        meta["HTTP_X_FORWARDED_FOR"] = forwarded
    return client_key(RequestFactory().get("/", **meta))


def test_ipv4_clients_on_a_dual_stack_socket_are_each_their_own_client(settings):
    settings.TRUSTED_PROXY_HOPS = 0
    assert _key("::ffff:198.51.100.7") == "198.51.100.7"
    assert _key("::ffff:198.51.100.7") != _key("::ffff:203.0.113.9")
    assert _key("::ffff:198.51.100.7") == _key("198.51.100.7")


def test_ipv4_clients_forwarded_as_mapped_addresses_are_each_their_own_client(settings):
    settings.TRUSTED_PROXY_HOPS = 1
    assert _key("10.0.0.2", "::ffff:198.51.100.7") != _key("10.0.0.2", "::ffff:203.0.113.9")


def test_real_ipv6_is_still_grouped_per_64(settings):
    settings.TRUSTED_PROXY_HOPS = 0
    assert _key("2001:db8:1:2::1") == _key("2001:db8:1:2:ffff::9") == "2001:db8:1:2::/64"
