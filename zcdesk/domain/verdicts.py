"""The pre-check's vocabulary: a verdict, and one rule's finding with its reason."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Final


class Verdict(StrEnum):
    ELIGIBLE = "eligible"
    INELIGIBLE = "ineligible"
    UNKNOWN = "unknown"

    @property
    def label(self) -> str:
        return VERDICT_LABELS[self]


VERDICT_LABELS: Final = {Verdict.ELIGIBLE: "符合", Verdict.INELIGIBLE: "不符合",
                         Verdict.UNKNOWN: "待核实"}
# Worst first: a failure outweighs an open point, which outweighs a pass.
SEVERITY: Final = {Verdict.INELIGIBLE: 0, Verdict.UNKNOWN: 1, Verdict.ELIGIBLE: 2}


@dataclass(frozen=True)
class Finding:
    """One rule's conclusion: `rule` is qualification / education / district / id_kind / ban."""

    rule: str
    verdict: Verdict
    text: str
