"""The funding rule of Europæisk Kulturregion, as a pure function.

The municipalities' frame is shared out by population (the distribution key) in whole
kroner. Each share is first rounded down; the kroner left over go one each to the
municipalities with the largest remainders (Hare's largest-remainder method), so the sum is
exactly the frame and no municipality is more than one krone from its exact share.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TypeVar

from ..errors import ValidationError

K = TypeVar("K")


def share_out(frame_kr: int, populations: Mapping[K, int]) -> dict[K, int]:
    """Whole kroner per key, summing exactly to `frame_kr`.

    Ties in the remainder go to the larger population, then to the order of `populations`,
    so the same key always gives the same amounts.
    """
    if frame_kr < 0:
        raise ValidationError.single("frame_ore", "Ramme: må ikke være negativ.")
    if any(p < 0 for p in populations.values()):
        raise ValidationError.single("population", "Indbyggertal: må ikke være negativt.")
    total = sum(populations.values())
    if total == 0:
        if frame_kr == 0:
            return dict.fromkeys(populations, 0)
        raise ValidationError.single(
            "population", "Fordelingsnøgle: der er ingen indbyggertal at fordele rammen efter."
        )
    # Integer arithmetic throughout: frame * population / total, exactly.
    floors = {key: frame_kr * pop // total for key, pop in populations.items()}
    remainders = {key: frame_kr * pop % total for key, pop in populations.items()}
    left = frame_kr - sum(floors.values())
    position = {key: i for i, key in enumerate(populations)}
    ranked = sorted(
        populations, key=lambda key: (-remainders[key], -populations[key], position[key])
    )
    for key in ranked[:left]:
        floors[key] += 1
    return floors
