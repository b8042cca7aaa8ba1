"""The hooks a resource model may implement; every one is optional (the defaults do nothing)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from requests import Response
from requests.structures import CaseInsensitiveDict

if TYPE_CHECKING:
    from adapty_contracts.harness._engine import Call, Engine
    from adapty_contracts.harness._operations import OperationFacts


class Resource:
    name = "resource"
    operations: frozenset[str] = frozenset()  # what `check_state` needs selected

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def active(self, *operation_ids: str) -> bool:
        return all(self.engine.is_checked(op) for op in operation_ids)

    def prepare(self) -> list[str]:
        """Before any request: snapshot what the run may change; return notices."""
        return []

    def restores_test_profile_for(self, operation_id: str) -> bool:
        """True when this resource restores what `operation_id` writes on the test profile (so it may go there)."""
        return False

    def prepare_case(self, facts: OperationFacts, case: Any, headers: CaseInsensitiveDict[str], phase: str) -> None:
        """A generated case is about to be sent: point it at objects the run may use (change `headers`/`case`)."""

    def complete_call(self, call: Call, phase: str) -> bool:
        """Fill what a targeted request needs (e.g. a known path parameter); False: it cannot be sent."""
        return True

    def before_send(
        self, facts: OperationFacts, headers: CaseInsensitiveDict[str], path_parameters: dict[str, Any], body: Any
    ) -> None:
        """Any request is about to be sent (snapshot what it may change)."""

    def after_response(self, facts: OperationFacts, response: Response, body: Any) -> None:
        """Any response arrived (note what was created)."""

    def state(self, call: Call, phase: str) -> Any:
        """What the write `call` would change, read now (to prove a rejected write changed nothing); None: this
        resource does not model that write."""
        return None

    def check_state(self, phase: str) -> None:
        """The stateful phase: what the spec states about this resource's state."""

    def restore(self) -> bool | None:
        """Undo what the run changed; True done, False failed, None nothing to undo."""
        return None
