"""`run_check`: the whole check as a function (what the CLI and the contract tests call)."""

from __future__ import annotations

import contextlib
import uuid
from collections.abc import Callable, Iterable, Iterator

from adapty_contracts.harness._engine import ALL_PHASES, Engine, hypothesis_home
from adapty_contracts.harness._events import Event, Result, RunFinished
from adapty_contracts.harness._target import Target, TestProfile

DEFAULT_MAX_EXAMPLES = 50


class CheckInterrupted(KeyboardInterrupt):
    """Ctrl-C / SIGTERM during a run; `restored` says what became of the test profile (None: not touched)."""

    def __init__(self, restored: bool | None) -> None:
        super().__init__()
        self.restored = restored


@contextlib.contextmanager
def bundled_mock_target(
    *,
    api_key: str | None = None,
    profile_id: str | None = None,
    customer_user_id: str | None = None,
    rate_limit: float | None = None,
    max_requests: int | None = None,
    timeout: float = 10.0,
) -> Iterator[Target]:
    """The bundled mock on a free loopback port, seeded with the test profile (default: the mock's own)."""
    from adapty_contracts.mock import (
        DEFAULT_API_KEY,
        DEFAULT_CUSTOMER_USER_ID,
        DEFAULT_PROFILE_ID,
        ProfileStore,
        running_mock,
    )

    key = api_key or DEFAULT_API_KEY
    if profile_id or customer_user_id:
        profile = TestProfile(profile_id or str(uuid.uuid4()), customer_user_id)
    else:
        profile = TestProfile(DEFAULT_PROFILE_ID, DEFAULT_CUSTOMER_USER_ID)
    store = ProfileStore.with_default_profile(str(profile.profile_id), profile.customer_user_id)
    with running_mock(api_key=key, store=store) as base_url:
        yield Target(base_url, key, profile, rate_limit=rate_limit, max_requests=max_requests, timeout=timeout)


def run_engine(engine: Engine, on_event: Callable[[Event], None] | None = None) -> Result:
    """Drive an engine to the end; on Ctrl-C/SIGTERM the profile is restored and CheckInterrupted raised."""
    events = engine.run()
    result: Result | None = None
    try:
        for event in events:
            if on_event is not None:
                on_event(event)
            if isinstance(event, RunFinished):
                result = event.result
    except KeyboardInterrupt:
        events.close()  # runs the engine's restore if the interrupt came between two events
        raise CheckInterrupted(engine.result.restored) from None
    finally:
        events.close()
    assert result is not None
    return result


def run_check(
    base_url: str | None = None,
    *,
    api_key: str | None = None,
    profile_id: str | None = None,
    customer_user_id: str | None = None,
    max_examples: int = DEFAULT_MAX_EXAMPLES,
    seed: int = 0,
    phases: Iterable[str] = ALL_PHASES,
    rate_limit: float | None = None,
    max_requests: int | None = None,
    timeout: float = 10.0,
    on_event: Callable[[Event], None] | None = None,
    operations: Iterable[str] = (),
    tags: Iterable[str] = (),
    allow_irreversible: bool = False,
    strict: bool = False,
) -> Result:
    """Check `base_url` (a live server: needs `api_key` and a test profile) or, when None, the bundled mock.

    `operations`/`tags` select what is checked (default: every operation of the spec); a live run skips the
    irreversible operations (`harness/_safety.py`) unless `allow_irreversible`. `strict`: disagreements on readings
    the document leaves open (notes) count as violations.
    """

    with hypothesis_home():  # also while the engine is built (schemathesis prepares strategies)
        return _run_check(
            base_url,
            api_key=api_key,
            profile_id=profile_id,
            customer_user_id=customer_user_id,
            max_examples=max_examples,
            seed=seed,
            phases=phases,
            rate_limit=rate_limit,
            max_requests=max_requests,
            timeout=timeout,
            on_event=on_event,
            operations=operations,
            tags=tags,
            allow_irreversible=allow_irreversible,
            strict=strict,
        )


def _run_check(
    base_url: str | None,
    *,
    api_key: str | None,
    profile_id: str | None,
    customer_user_id: str | None,
    max_examples: int,
    seed: int,
    phases: Iterable[str],
    rate_limit: float | None,
    max_requests: int | None,
    timeout: float,
    on_event: Callable[[Event], None] | None,
    operations: Iterable[str],
    tags: Iterable[str],
    allow_irreversible: bool,
    strict: bool,
) -> Result:
    def engine(target: Target) -> Engine:
        return Engine(
            target,
            max_examples=max_examples,
            seed=seed,
            phases=phases,
            operations=operations,
            tags=tags,
            allow_irreversible=allow_irreversible,
            strict=strict,
        )

    if base_url is None:
        with bundled_mock_target(
            api_key=api_key,
            profile_id=profile_id,
            customer_user_id=customer_user_id,
            rate_limit=rate_limit,
            max_requests=max_requests,
            timeout=timeout,
        ) as target:
            return run_engine(engine(target), on_event)
    if not api_key:
        raise ValueError("a live server needs its API key")
    profile = TestProfile(profile_id, customer_user_id)
    target = Target(
        base_url, api_key, profile, live=True, rate_limit=rate_limit, max_requests=max_requests, timeout=timeout
    )
    return run_engine(engine(target), on_event)
