"""Quotes and their attribution. (Being written.)"""
from __future__ import annotations

from .model import Person, Quote


def find_quotes(text: str, paras, sents, people: list[Person]) -> list[Quote]:
    return []
