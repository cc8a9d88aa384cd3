"""Figures over repetitions (median and min–max), targets, and the warnings that say when a run cannot be trusted."""
from __future__ import annotations

import statistics
from collections.abc import Callable, Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Figure:
    values: tuple[float, ...]

    @property
    def median(self) -> float:
        return statistics.median(self.values)

    @property
    def low(self) -> float:
        return min(self.values)

    @property
    def high(self) -> float:
        return max(self.values)

    @property
    def spread(self) -> float:
        return self.high - self.low

    def show(self, fmt: str = "{:.2f}", unit: str = "") -> str:
        """'1.24 (1.20–1.30, 3 runs)'; one run says it has no spread."""
        median = fmt.format(self.median) + unit
        if len(self.values) == 1:
            return f"{median} (1 run, no spread)"
        return f"{median} ({fmt.format(self.low)}–{fmt.format(self.high)}{unit}, {len(self.values)} runs)"


def figure(values: Sequence[float]) -> Figure:
    if not values:
        raise ValueError("a figure needs at least one value")
    return Figure(tuple(float(v) for v in values))


def ratios(numerators: Sequence[float], denominators: Sequence[float]) -> Figure:
    """Ratios of paired repetitions (measured one after the other, so a load change hits both alike)."""
    if len(numerators) != len(denominators):
        raise ValueError("ratios need paired repetitions")
    return figure([a / b for a, b in zip(numerators, denominators)])


@dataclass(frozen=True)
class Target:
    limit: float
    at_most: bool = True  # ≤ limit (build cost, ratios); False for ≥ (Lighthouse scores)
    unit: str = ""

    def __str__(self) -> str:
        return f"{'≤' if self.at_most else '≥'} {self.limit:g}{self.unit}"

    def met(self, value: float) -> bool:
        return value <= self.limit if self.at_most else value >= self.limit

    def margin(self, value: float) -> float:
        """How far the value is inside the target (negative: outside)."""
        return self.limit - value if self.at_most else value - self.limit


def verdict(fig: Figure, target: Target) -> str:
    return "met" if target.met(fig.median) else "NOT MET"


def margin_warning(name: str, fig: Figure, target: Target) -> str | None:
    """A warning when the run's own spread is wider than the median's distance to the target: the verdict could
    flip on a re-run, so this run cannot tell whether the target is met."""
    margin = target.margin(fig.median)
    if len(fig.values) > 1 and fig.spread > abs(margin):
        return (f"warning: {name}: spread {fig.spread:.3g} is wider than the margin {margin:+.3g} to the target "
                f"({target}); this run cannot tell whether the target is met")
    return None


QUIET_PER_CORE = 0.5  # a load average at most this per core counts as a quiet machine


def wait_for_quiet(read_load: Callable[[], float], cores: int, limit_s: float, sleep: Callable[[float], None],
                   per_core: float = QUIET_PER_CORE, step_s: float = 5.0) -> tuple[float, float]:
    """Wait (up to `limit_s`) until the load average is at most `per_core` per core, as work that ended just before
    the benchmark keeps it high for a minute or two; return the load then and the seconds waited."""
    waited, load = 0.0, read_load()
    while load > per_core * cores and waited < limit_s:
        sleep(step_s)
        waited += step_s
        load = read_load()
    return load, waited


def load_warning(load: float, cores: int, per_core: float = QUIET_PER_CORE) -> str | None:
    if load > per_core * cores:
        return (f"warning: load average {load:.2f} is above {per_core} per core ({cores} cores): other work is "
                f"running and timings will be noisy; ratios are less affected than seconds")
    return None
