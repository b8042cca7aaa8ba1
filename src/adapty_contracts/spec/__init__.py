"""The spec layer: upstream document, overlay, effective spec, lint and diff. Knows nothing of HTTP or the client."""

from adapty_contracts.spec._effective import build_effective_spec, dump_yaml, load_spec
from adapty_contracts.spec._overlay import apply_overlay
from adapty_contracts.spec._upstream import read_seed

__all__ = [
    "apply_overlay",
    "build_effective_spec",
    "dump_yaml",
    "load_spec",
    "read_seed",
]
