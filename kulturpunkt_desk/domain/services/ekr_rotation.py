"""Who hosts the next physical secretariat meetings: the municipalities take turns.

The rotation carries on from year to year; nobody hosts twice before everyone has hosted
once. It is read from history (the hosts of past physical meetings), so when the team swaps
a host by hand, the proposal for the next meetings simply follows what really happened.
"""

from __future__ import annotations

from collections.abc import Sequence


def next_hosts(order: Sequence[str], history: Sequence[str], count: int) -> list[str]:
    """The next `count` hosts.

    `order`: the municipalities in rotation order; `history`: the hosts of past physical
    meetings, oldest first (hosts no longer in `order` are ignored).
    """
    if not order or count <= 0:
        return []
    members = list(order)
    everyone = set(members)
    this_round: set[str] = set()
    last: str | None = None

    def took_turn(host: str) -> None:
        nonlocal this_round, last
        this_round.add(host)
        if this_round >= everyone:
            this_round = set()  # everyone has hosted: a new round begins
        last = host

    for host in history:
        if host in everyone:
            took_turn(host)

    hosts: list[str] = []
    for _ in range(count):
        start = 0 if last is None else members.index(last) + 1
        for step in range(len(members)):
            candidate = members[(start + step) % len(members)]
            if candidate not in this_round:
                break
        hosts.append(candidate)
        took_turn(candidate)
    return hosts


def early_repeats(order: Sequence[str], history: Sequence[str]) -> list[int]:
    """Positions in `history` where a host took a second turn before everyone had one."""
    everyone = set(order)
    this_round: set[str] = set()
    repeats = []
    for position, host in enumerate(history):
        if host not in everyone:
            continue
        if host in this_round:
            repeats.append(position)
        this_round.add(host)
        if this_round >= everyone:
            this_round = set()
    return repeats
