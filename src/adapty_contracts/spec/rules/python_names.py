"""A bracketed query parameter (`page[number]`) gets a Python name that keeps its word break (`page_number`).

The generator drops the brackets (`pagenumber`); `x-python-name` on the parameter is what regenerate gives it
instead. A parameter that already has an `x-python-name` keeps it.
"""

from __future__ import annotations

import re
from typing import Any

BRACKETED = re.compile(r"^([A-Za-z_][A-Za-z0-9_]*)\[([A-Za-z_][A-Za-z0-9_]*)\]$")


def apply(parameter: dict[str, Any], doc: dict[str, Any]) -> None:
    match = BRACKETED.match(str(parameter.get("name", "")))
    if match and "x-python-name" not in parameter:
        parameter["x-python-name"] = f"{match[1]}_{match[2]}".lower()
