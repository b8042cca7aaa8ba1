"""A component schema whose `title` names another component (`SubscriptionDTO` titled "Subscription").

Generators name a model class by its schema's title: two classes `Subscription` collide, and openapi-python-client
drops one of them and every operation that uses it (here `setTransaction`). Applied to `components.schemas`, this
rule removes such a title, so the class takes the component's own name; the title text stays in the description.
Titles that collide with nothing are kept.
"""

from __future__ import annotations

import re
from typing import Any


def _key(name: str) -> str:
    return re.sub(r"[^0-9a-z]", "", name.lower())


def apply(schemas: dict[str, Any], doc: dict[str, Any]) -> None:
    taken: dict[str, str] = {_key(name): name for name in schemas}
    for name, schema in schemas.items():
        if not isinstance(schema, dict) or not isinstance(schema.get("title"), str):
            continue
        title = schema["title"]
        owner = taken.get(_key(title))
        if owner is not None and owner != name:
            del schema["title"]
            description = schema.get("description")
            schema["description"] = f"{title}: {description}" if description else title
        else:
            taken[_key(title)] = name
