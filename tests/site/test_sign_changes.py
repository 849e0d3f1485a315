"""The zig-zag count the concept pages quote: crossings of the valley floor, not landings on it."""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "scripts"))

from _figure import sign_changes


@pytest.mark.parametrize(
    ("y", "crossings"),
    [
        ([1.0, -0.8, 0.6, -0.5], 3),  # plain descent at its best rate
        ([1.0, 0.0, 0.0, 0.0], 0),  # at 1/L: lands on the floor, never crosses it
        ([1.0, -0.52, 0.0, 0.0], 1),  # Nesterov at 1/L: one crossing, then on the floor
        ([1.0, 0.0, -1.0], 1),  # across the floor by way of it
        ([0.5, 0.4, 0.3], 0),
        ([], 0),
    ],
)
def test_counts_crossings_of_zero(y, crossings):
    assert sign_changes(np.array(y)) == crossings
