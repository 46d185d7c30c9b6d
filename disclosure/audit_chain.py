"""The audit log's hash chain: how an event's hash is computed, and how the chain is checked."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

GENESIS = "0" * 64


def canonical_data(data: dict[str, Any] | None) -> dict[str, Any]:
    """JSON-native form of event data, so what is hashed is exactly what the database gives back."""
    loaded: dict[str, Any] = json.loads(json.dumps(data or {}, default=str, sort_keys=True))
    return loaded


def event_hash(
    *,
    prev_hash: str,
    at: datetime,
    actor_id: int | None,
    actor_name: str,
    action: str,
    case_id: int | None,
    version_id: int | None,
    summary: str,
    data: dict[str, Any],
) -> str:
    content = json.dumps(
        [
            prev_hash,
            at.astimezone(UTC).isoformat(timespec="microseconds"),
            actor_id,
            actor_name,
            action,
            case_id,
            version_id,
            summary,
            data,
        ],
        sort_keys=True,
        ensure_ascii=False,
        separators=(",", ":"),
    )
    return hashlib.sha256(content.encode()).hexdigest()


def hash_of(event: Any) -> str:
    """The hash an audit event (a row, or one about to be written) must carry."""
    return event_hash(
        prev_hash=event.prev_hash,
        at=event.at,
        actor_id=event.actor_id,
        actor_name=event.actor_name,
        action=event.action,
        case_id=event.case_id,
        version_id=event.version_id,
        summary=event.summary,
        data=event.data,
    )


@dataclass(frozen=True)
class ChainBreak:
    event_id: int
    problem: str


def first_break(events: Iterable[Any]) -> tuple[int, ChainBreak | None]:
    """Walks events in id order; returns how many were checked and the first broken link, if any."""
    expected_prev = GENESIS
    checked = 0
    for event in events:
        checked += 1
        if event.prev_hash != expected_prev:
            return checked, ChainBreak(
                event.id,
                "its link to the previous event does not match: an event before it was removed, inserted or changed",
            )
        if hash_of(event) != event.hash:
            return checked, ChainBreak(event.id, "its content no longer matches its hash: the row was changed")
        expected_prev = event.hash
    return checked, None
