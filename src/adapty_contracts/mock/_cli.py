"""`adapty-contracts mock`: serve the stateful mock in the foreground until Ctrl-C."""

from __future__ import annotations

import argparse
import os
import signal

import uvicorn

from adapty_contracts._errors import UserError
from adapty_contracts.mock._app import API_KEY_ENV, DEFAULT_API_KEY, MAX_BODY_BYTES, create_app
from adapty_contracts.mock._production import FaultPlan, ProductionApp, RateLimit, serving_app
from adapty_contracts.mock._server import bind_socket, server_config
from adapty_contracts.mock._spec import default_spec, seed_schemas
from adapty_contracts.mock._store import (
    DEFAULT_CUSTOMER_USER_ID,
    DEFAULT_PROFILE_ID,
    ProfileStore,
    Seeds,
    load_profiles,
    load_state,
    parse_profile_id,
)
from adapty_contracts.mock.resources import PaywallStore, VirtualCurrencyStore


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.epilog = (
        f"Auth: send 'Authorization: Api-Key <key>', the key being ${API_KEY_ENV}; when it is unset the mock "
        f"accepts the public development key {DEFAULT_API_KEY!r}. One test profile is seeded "
        f"(default adapty-profile-id {DEFAULT_PROFILE_ID}, adapty-customer-user-id {DEFAULT_CUSTOMER_USER_ID}); "
        "when a request sends both headers, adapty-profile-id wins. "
        f"Request bodies over {MAX_BODY_BYTES} bytes get 413."
    )
    parser.add_argument("--host", default="127.0.0.1", help="interface to listen on (default: %(default)s)")
    parser.add_argument("--port", type=int, default=8080, help="port (0: any free port; default: %(default)s)")
    parser.add_argument(
        "--profiles",
        metavar="FILE",
        help="JSON or YAML list of profiles to seed as well: {profile_id, customer_user_id?, identifiers?, "
        "access_levels?, subscriptions?, non_subscriptions?, custom_attributes?, refund_saver?, total_revenue_usd?}",
    )
    parser.add_argument(
        "--state",
        metavar="FILE",
        help="JSON or YAML mapping {profiles?: [as in --profiles], paywalls?: [paywalls, replacing the seeded set], "
        "virtual_currencies?: [{code, name, starting_balance?}, replacing the default set], "
        "virtual_currency_balances?: [{profile_id, balances: {code: amount}}]}",
    )
    parser.add_argument(
        "--vc-disabled",
        action="store_true",
        help="answer the documented 403 feature_not_enabled on the virtual-currency operations",
    )
    parser.add_argument(
        "--rate-limit",
        metavar="RATE",
        help="answer 429 rate_limited with an honest Retry-After beyond RATE: N/s, N/min, or 'adapty' "
        "(the documented 600 requests a minute per app); off by default",
    )
    parser.add_argument(
        "--faults",
        metavar="SPEC",
        help="inject faults, each request drawing at most one: e.g. "
        "'429=0.05,503=0.02,500=0.01,reset=0.01,lost=0.01,latency=50ms' (429/503 carry Retry-After, "
        "retry_after=N sets it, default 1; reset: connection reset before the request is applied; lost: applied, "
        "then the connection closes without an answer; latency: every answer delayed)",
    )
    parser.add_argument(
        "--seed", type=int, metavar="N", help="seed of --faults (default: random, printed; the same seed replays)"
    )
    parser.add_argument(
        "--profile-id", default=DEFAULT_PROFILE_ID, metavar="UUID", help="id of the seeded test profile"
    )
    parser.add_argument(
        "--customer-user-id",
        default=DEFAULT_CUSTOMER_USER_ID,
        metavar="ID",
        help="customer user id of the seeded test profile",
    )


def build_store(args: argparse.Namespace) -> tuple[ProfileStore, PaywallStore, VirtualCurrencyStore]:
    if parse_profile_id(args.profile_id) is None:
        raise UserError(f"--profile-id {args.profile_id!r}: not a UUID (8-4-4-4-12 hex digits)")
    if not args.customer_user_id:
        raise UserError("--customer-user-id: must not be empty")
    spec = default_spec()
    store = ProfileStore.with_default_profile(args.profile_id, args.customer_user_id)
    paywalls = PaywallStore.seeded(spec)
    virtual_currency = VirtualCurrencyStore.seeded()
    seeds = Seeds(seed_schemas(spec))
    if args.profiles:
        load_profiles(args.profiles, store, seeds)
    if getattr(args, "state", None):
        load_state(args.state, store, paywalls, seeds, virtual_currency)
    return store, paywalls, virtual_currency


def production_options(args: argparse.Namespace) -> tuple[RateLimit | None, FaultPlan | None]:
    """--rate-limit and --faults parsed; a malformed one is a one-line UserError."""
    rate = plan = None
    if args.rate_limit is not None:
        try:
            rate = RateLimit.parse(args.rate_limit)
        except ValueError as exc:
            raise UserError(f"--rate-limit {args.rate_limit!r}: {exc}") from None
    if args.faults is not None:
        try:
            plan = FaultPlan.parse(args.faults)
        except ValueError as exc:
            raise UserError(f"--faults {args.faults!r}: {exc}") from None
    if args.seed is not None and plan is None:
        raise UserError("--seed: only means something with --faults")
    return rate, plan


def run(args: argparse.Namespace) -> int:
    if not 0 <= args.port <= 65535:
        raise UserError(f"--port {args.port}: not a port number (0-65535)")
    rate, plan = production_options(args)
    store, paywalls, virtual_currency = build_store(args)
    env_key = os.environ.get(API_KEY_ENV, "")
    try:
        sock = bind_socket(args.host, args.port)
    except OSError as exc:
        raise UserError(f"cannot listen on {args.host}:{args.port}: {exc.strerror or exc}") from None
    host, port = sock.getsockname()[:2]
    shown_host = f"[{host}]" if ":" in host else host
    app = create_app(
        api_key=env_key or DEFAULT_API_KEY,
        store=store,
        paywalls=paywalls,
        virtual_currency=virtual_currency,
        vc_disabled=bool(getattr(args, "vc_disabled", False)),
    )
    served = serving_app(app, rate_limit=rate, faults=plan, seed=args.seed)
    stateless = app.stateless_operations
    lines = [
        f"Adapty mock serving http://{shown_host}:{port} ({len(app.spec.operations)} operations of {app.spec.source})",
        f"  seeded profile: adapty-profile-id {args.profile_id}  adapty-customer-user-id {args.customer_user_id}",
        f"  profiles: {len(store)}  paywalls: {len(paywalls)}  virtual currencies: "
        + (", ".join(virtual_currency.currencies) or "none")
        + (" (disabled: 403)" if app.vc_disabled else ""),
        f"  stateless (answered from the spec alone): {', '.join(stateless) if stateless else 'none'}",
    ]
    if env_key:
        lines.append(f"  auth: 'Authorization: Api-Key <the key in ${API_KEY_ENV}>'")
    else:
        lines.append(
            f"  auth: ${API_KEY_ENV} is not set, so the public development key is used: "
            f"'Authorization: Api-Key {DEFAULT_API_KEY}' (set ${API_KEY_ENV} to choose the key)"
        )
    if isinstance(served, ProductionApp):
        lines += [f"  {line}" for line in served.describe()]
    else:
        lines.append("  rate limit and faults: off (--rate-limit, --faults)")
    lines.append("  Ctrl-C to stop")
    # Ctrl-C stops it from the moment it says so, also when started with SIGINT ignored (a shell's background job, a
    # test runner's worker) and before uvicorn installs its own handlers.
    signal.signal(signal.SIGINT, signal.default_int_handler)
    print("\n".join(lines), flush=True)
    server = uvicorn.Server(server_config(served, quiet=False))
    try:
        server.run(sockets=[sock])
    finally:
        sock.close()
    return 0
