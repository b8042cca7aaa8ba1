"""Profiles: create -> get (by either identity header) -> update -> get -> delete -> get 404; and the cleanup.

Every profile the run creates (by createProfile, or by any write that answers with a profile it did not know) is
owned by the run and deleted at the end, also on Ctrl-C/SIGTERM. A run never deletes a profile it did not create.
"""

from __future__ import annotations

from typing import Any

from requests import Response
from requests.structures import CaseInsensitiveDict

from adapty_contracts.harness._engine import Call
from adapty_contracts.harness._operations import OperationFacts
from adapty_contracts.harness._target import CUSTOMER_USER_ID_HEADER, IDENTITY_HEADERS, PROFILE_ID_HEADER
from adapty_contracts.harness.resources._base import Resource

CREATE, GET, UPDATE, DELETE = "createProfile", "getProfile", "updateProfile", "deleteProfile"


def profile_data(engine: Any, response: Response | None) -> dict[str, Any] | None:
    """`data` of a ProfileResponse body, or None."""
    body = engine.json_of(response)
    data = body.get("data") if isinstance(body, dict) else None
    return data if isinstance(data, dict) else None


class Profiles(Resource):
    name = "profiles"
    operations = frozenset({CREATE, GET, UPDATE, DELETE})

    def prepare_case(self, facts: OperationFacts, case: Any, headers: CaseInsensitiveDict[str], phase: str) -> None:
        if facts.operation_id == CREATE and any(headers.get(name) for name in IDENTITY_HEADERS):
            # A created profile must be new: a fresh customer user id (the run deletes it), never someone's id.
            for name in IDENTITY_HEADERS:
                headers.pop(name, None)
            headers[CUSTOMER_USER_ID_HEADER] = self.engine.new_customer_user_id()

    def __init__(self, engine: Any) -> None:
        super().__init__(engine)
        # createProfile requests sent whose answer was not seen yet (an interrupt may land in between): their
        # customer user ids, looked up and deleted at cleanup, so an interrupted run leaves no profile behind.
        self.pending: set[str] = set()

    def before_send(
        self, facts: OperationFacts, headers: CaseInsensitiveDict[str], path_parameters: dict[str, Any], body: Any
    ) -> None:
        customer = headers.get(CUSTOMER_USER_ID_HEADER)
        if facts.operation_id == CREATE and customer:
            self.pending.add(customer)

    def after_response(self, facts: OperationFacts, response: Response, body: Any) -> None:
        if facts.operation_id == CREATE:
            self.pending.discard(CaseInsensitiveDict(response.request.headers).get(CUSTOMER_USER_ID_HEADER, ""))
        if facts.operation_id == DELETE and 200 <= response.status_code < 300:
            sent = CaseInsensitiveDict(response.request.headers)
            for owned in self.engine.owned:
                if sent.get(PROFILE_ID_HEADER, "").lower() == owned.profile_id.lower() or (
                    owned.customer_user_id and sent.get(CUSTOMER_USER_ID_HEADER) == owned.customer_user_id
                ):
                    self.engine.deleted.add(owned.profile_id)
            return
        if facts.method == "GET" or not 200 <= response.status_code < 300:
            return
        data = profile_data(self.engine, response)
        if (
            data
            and isinstance(data.get("profile_id"), str)
            and not self.engine.is_known_profile(CaseInsensitiveDict({PROFILE_ID_HEADER: data["profile_id"]}))
        ):
            customer = data.get("customer_user_id")
            # Profiles createProfile made are the run's to write to; any other write that answered a profile the
            # run did not know (it created one) only gets it deleted at the end.
            usable = facts.operation_id == CREATE
            self.engine.own(data["profile_id"], customer if isinstance(customer, str) else None, usable=usable)

    def check_state(self, phase: str) -> None:
        engine = self.engine
        facts = engine.facts
        customer = engine.new_customer_user_id()
        trail: list[str] = []
        body = engine.request_example(facts[CREATE])
        created = engine.send(Call(facts[CREATE], {CUSTOMER_USER_ID_HEADER: customer}, body), phase)
        data = profile_data(engine, created)
        if created is None or not engine.expect(
            "profile_lifecycle", phase, CREATE, created, {200}, "a new customer user id creates a profile"
        ):
            return
        trail.append(engine.curl(created))
        profile_id = str((data or {}).get("profile_id"))
        engine.expect_true(
            "profile_lifecycle",
            phase,
            CREATE,
            (data or {}).get("customer_user_id") == customer,
            title="the created profile carries the customer user id it was created with",
            expected=f"customer_user_id {customer!r}",
            actual=f"{(data or {}).get('customer_user_id')!r}",
            reproduce=list(trail),
            group="created with its customer user id",
        )
        # Read back by either identity header: the same profile.
        for identity in ({PROFILE_ID_HEADER: profile_id}, {CUSTOMER_USER_ID_HEADER: customer}):
            got = engine.send(Call(facts[GET], dict(identity)), phase)
            if got is None:
                return
            read = profile_data(engine, got)
            engine.expect_true(
                "profile_lifecycle",
                phase,
                GET,
                got.status_code == 200 and (read or {}).get("profile_id") == profile_id,
                title=f"the created profile is found by {next(iter(identity))}",
                expected=f"HTTP 200 with profile_id {profile_id}",
                actual=engine.describe(got),
                reproduce=[*trail, engine.curl(got)],
                group=f"found by {next(iter(identity))}",
            )
        # Update (a custom attribute only this run uses), then a read shows it.
        if engine.is_checked(UPDATE):
            body = engine.request_example(facts[UPDATE])
            attribute = {"key": f"ac_{engine.run_tag}", "value": f"updated-{engine.run_tag}"}
            if isinstance(body, dict):
                body = {**body, "custom_attributes": [attribute]}
            updated = engine.send(Call(facts[UPDATE], {PROFILE_ID_HEADER: profile_id}, body), phase)
            if updated is not None and engine.expect(
                "profile_lifecycle", phase, UPDATE, updated, {200}, "an update of a created profile is accepted", trail
            ):
                trail.append(engine.curl(updated))
                for where, response in (("the update answers", updated), ("a later read shows", None)):
                    if response is None:
                        response = engine.send(Call(facts[GET], {CUSTOMER_USER_ID_HEADER: customer}), phase)
                        if response is None:
                            break
                    attributes = (profile_data(engine, response) or {}).get("custom_attributes") or []
                    engine.expect_true(
                        "profile_lifecycle",
                        phase,
                        UPDATE if response is updated else GET,
                        attribute in attributes,
                        title=f"{where} the custom attribute the update set",
                        expected=f"custom_attributes containing {engine.short(attribute)}",
                        actual=engine.short(attributes),
                        reproduce=[*trail] if response is updated else [*trail, engine.curl(response)],
                        group=f"update: {where}",
                    )
        # Delete, then the profile is gone by either header.
        if engine.is_checked(DELETE):
            deleted = engine.send(Call(facts[DELETE], {PROFILE_ID_HEADER: profile_id}), phase)
            if deleted is None or not engine.expect(
                "profile_lifecycle", phase, DELETE, deleted, {204}, "a profile the run created can be deleted", trail
            ):
                return
            trail.append(engine.curl(deleted))
            for identity in ({PROFILE_ID_HEADER: profile_id}, {CUSTOMER_USER_ID_HEADER: customer}):
                got = engine.send(Call(facts[GET], dict(identity)), phase)
                if got is not None:
                    why = f"a deleted profile is not found by {next(iter(identity))}"
                    engine.expect("profile_lifecycle", phase, GET, got, {404}, why, trail, group=why)

        self._delete_by_customer_user_id(phase)

    def _delete_by_customer_user_id(self, phase: str) -> None:
        """deleteProfile names its profile by either identity header: deleting by customer user id deletes it."""
        engine = self.engine
        if not engine.is_checked(DELETE):
            return
        owned = engine.create_profile(phase)
        if owned is None or not owned.customer_user_id:
            return
        facts = engine.facts
        deleted = engine.send(Call(facts[DELETE], {CUSTOMER_USER_ID_HEADER: owned.customer_user_id}), phase)
        source = engine.sources.parameter(DELETE, CUSTOMER_USER_ID_HEADER, "description")
        why = "a profile the run created can be deleted by its customer user id"
        if deleted is None or not engine.expect(
            "profile_lifecycle", phase, DELETE, deleted, {204}, why, source=source, group="delete by customer id"
        ):
            return
        got = engine.send(Call(facts[GET], {PROFILE_ID_HEADER: owned.profile_id}), phase)
        if got is not None:
            why = "a profile deleted by its customer user id is not found by its profile id"
            engine.expect(
                "profile_lifecycle", phase, GET, got, {404}, why, [engine.curl(deleted)], group=why, source=source
            )

    def restore(self) -> bool | None:
        """Delete every profile the run created and did not delete yet."""
        engine = self.engine
        for customer in sorted(self.pending):
            # a create whose answer the run never saw: if it made a profile, it is the run's to delete
            found = engine.send(
                Call(engine.facts[GET], {CUSTOMER_USER_ID_HEADER: customer}), "cleanup", bookkeeping=True
            )
            data = profile_data(engine, found)
            if data and isinstance(data.get("profile_id"), str):
                engine.own(data["profile_id"], customer, usable=False)
        self.pending.clear()
        pending = [p for p in engine.owned if p.profile_id not in engine.deleted]
        if not pending:
            return None
        facts = engine.facts.get(DELETE)
        if facts is None:
            engine.result.notices.append(
                f"{len(pending)} profile(s) created by the run cannot be deleted (no {DELETE})"
            )
            return False
        ok = True
        for owned in pending:
            response = engine.send(Call(facts, {PROFILE_ID_HEADER: owned.profile_id}), "cleanup", bookkeeping=True)
            if response is not None and response.status_code in (200, 204, 404):
                engine.deleted.add(owned.profile_id)
            else:
                ok = False
        return ok
