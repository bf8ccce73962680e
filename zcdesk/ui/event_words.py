"""An event in words for the panel's latest records and the history view (Ctrl+H).

A roster update names every changed field with its value before and after:
"花名册更新：职务 工程师 → 高级工程师；工作单位 A → B".
"""

from __future__ import annotations

from zcdesk.domain.records import EventView
from zcdesk.ui.i18n import tr

EMPTY = "（空）"


def field_label(key: str) -> str:
    """The field's Chinese name, as the store's roster import labels it."""
    from zcdesk.store.roster_ops import FIELD_LABELS  # lazy: only once the store is open

    return tr(FIELD_LABELS.get(key, key))


def _value(value: object) -> str:
    return tr(EMPTY) if value is None or value == "" else str(value)


def change_words(changes: object) -> list[str]:
    """["职务：工程师 → 高级工程师", …] from detail["changes"] (field → [before, after])."""
    if not isinstance(changes, dict):
        return []
    words = []
    for key, pair in changes.items():
        if isinstance(pair, (list, tuple)) and len(pair) == 2:
            words.append(f"{field_label(str(key))}：{_value(pair[0])} → {_value(pair[1])}")
        else:
            words.append(field_label(str(key)))
    return words


def event_text(event: EventView) -> str:
    if event.kind == "applicant_updated":
        words = change_words(event.detail.get("changes"))
        if words:
            return tr("花名册更新：") + "；".join(words)
    return event.description
