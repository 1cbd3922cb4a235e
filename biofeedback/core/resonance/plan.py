"""The assessment's plan: rates, block and rest lengths. Apart from the protocol (``assessment``), which
needs SciPy, so a page that only says how long an assessment takes does not wait for it."""

from __future__ import annotations

from dataclasses import dataclass

from biofeedback import config


@dataclass(frozen=True)
class AssessmentPlan:
    """Rates in the order they are paced, block and rest durations (s)."""

    rates_bpm: tuple[float, ...] = config.ASSESS_RATES_BPM
    block_s: float = config.ASSESS_BLOCK_S
    rest_s: float = config.ASSESS_REST_S
    settle_s: float = config.ASSESS_SETTLE_S  # start of each block left out of scoring

    def __post_init__(self) -> None:
        if not self.rates_bpm or self.block_s <= 0 or self.rest_s < 0:
            raise ValueError("an assessment needs rates, block_s > 0 and rest_s >= 0")
        if not 0 <= self.settle_s < self.block_s:
            raise ValueError("settle_s must be shorter than a block")

    @property
    def total_s(self) -> float:
        n = len(self.rates_bpm)
        return n * self.block_s + (n - 1) * self.rest_s

    def block_window(self, index: int) -> tuple[float, float]:
        """(start, end) of block ``index`` in seconds from the start of the assessment."""
        start = index * (self.block_s + self.rest_s)
        return start, start + self.block_s


def default_minutes() -> int:
    """How long the default assessment takes, in whole minutes (what getting started and the review say)."""
    return round(AssessmentPlan().total_s / 60.0)
