"""People: names, aliases, roles. (Being written.)"""
from __future__ import annotations

from .model import Person


def find_people(text: str, paras: list[tuple[int, int]], sents: list[tuple[int, int]]) -> list[Person]:
    return []
