"""Search quality figures over a table of queries: recall at k and mean reciprocal rank."""
from __future__ import annotations

from collections.abc import Sequence


def reciprocal_rank(rank: int | None) -> float:
    """1/rank of the first right result (ranks count from 1); 0 when it was not found."""
    if rank is not None and rank < 1:
        raise ValueError(f"ranks count from 1, got {rank}")
    return 1 / rank if rank else 0.0


def recall_at(ranks: Sequence[int | None], k: int = 3) -> float:
    """The share of queries whose right result is among the first k."""
    if not ranks:
        raise ValueError("no queries")
    return sum(1 for r in ranks if r is not None and r <= k) / len(ranks)


def mean_reciprocal_rank(ranks: Sequence[int | None]) -> float:
    if not ranks:
        raise ValueError("no queries")
    return sum(reciprocal_rank(r) for r in ranks) / len(ranks)


def first_rank(results: Sequence[str], right: set[str]) -> int | None:
    """The rank (from 1) of the first result in `right`, or None."""
    return next((i for i, r in enumerate(results, 1) if r in right), None)
