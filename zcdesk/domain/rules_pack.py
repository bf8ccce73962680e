"""The round pack the rules read when their caller gives none: the shipped one.

The pre-check and the ID rules take a RoundPack (the round of the packet). Callers
that do not know the round yet (the add-applicant dialog, a roster read before the
round is chosen) get the pack shipped with the app, read once and kept.
"""

from __future__ import annotations

from functools import cache
from typing import Final

from zcdesk.domain.round_pack import RoundPack, load_pack, shipped_pack_path

# The round the app ships with: its pack is the default of every rule.
SHIPPED_ROUND: Final = "2025H1"


@cache
def shipped_pack(code: str = SHIPPED_ROUND) -> RoundPack:
    """resources/rounds/CODE.toml, read and checked once per process."""
    return load_pack(shipped_pack_path(code))


def pack_or_shipped(pack: RoundPack | None) -> RoundPack:
    """`pack`, or the shipped one when the caller has none."""
    return shipped_pack() if pack is None else pack
