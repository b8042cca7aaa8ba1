#!/usr/bin/env python3
"""Benchmark: a call through the generated client against a raw `httpx.Client.request`, in one run.

Both send the same request (same method, URL, headers and body) to one loopback server, the bundled mock, over one
keep-alive connection each: the ratio is what the generated client adds per call (building the request, parsing
and type-checking the response into models). Rounds alternate the two sides; we print medians and the ratio.
Usage: python scripts/bench_client.py [--calls 2000] [--rounds 5]
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable

import httpx
from adapty_api_client import AuthenticatedClient
from adapty_api_client.api.integration import get_integration_identifiers
from adapty_api_client.api.profile import get_profile

from adapty_contracts.mock import DEFAULT_API_KEY, DEFAULT_PROFILE_ID, running_mock


def per_call(fn: Callable[[], object], calls: int) -> float:
    start = time.perf_counter()
    for _ in range(calls):
        fn()
    return (time.perf_counter() - start) / calls


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--calls", type=int, default=2000)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    headers = {"Authorization": f"Api-Key {DEFAULT_API_KEY}", "adapty-profile-id": DEFAULT_PROFILE_ID}
    with running_mock() as base_url:
        raw = httpx.Client(base_url=base_url)
        client = AuthenticatedClient(base_url=base_url, token=DEFAULT_API_KEY, prefix="Api-Key")
        operations = [
            (
                "getIntegrationIdentifiers",
                get_integration_identifiers,
                "/api/v2/server-side-api/integration/profile/set/integration-identifiers/",
            ),
            ("getProfile", get_profile, "/api/v2/server-side-api/profile/"),
        ]
        print(f"{args.calls} calls x {args.rounds} rounds per side, one loopback server ({base_url})")
        print(f"{'operation':<28}{'raw httpx':>12}{'generated':>12}{'ratio':>8}")
        worst = 0.0
        for name, module, path in operations:

            def generated(module=module) -> object:
                parsed = module.sync(client=client, adapty_profile_id=DEFAULT_PROFILE_ID)
                assert parsed is not None
                return parsed

            def plain(path: str = path) -> object:
                response = raw.request("GET", path, headers=headers)
                assert response.status_code == 200
                return response.json()

            generated()
            plain()  # warm both connections
            ours, theirs = [], []
            for _ in range(args.rounds):
                theirs.append(per_call(plain, args.calls))
                ours.append(per_call(generated, args.calls))
            a, b = statistics.median(theirs), statistics.median(ours)
            worst = max(worst, b / a)
            print(f"{name:<28}{a * 1e6:>10.0f}us{b * 1e6:>10.0f}us{b / a:>7.2f}x")
        raw.close()
        client.get_httpx_client().close()
    print(f"worst ratio generated/raw: {worst:.2f}x (goal <= 1.15x)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
