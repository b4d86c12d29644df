"""Routing engine: facts about a sick-leave dispute in, advice out. Plain Python, no Django."""

from .advice import Advice, advice_to_dict
from .engine import advise

__all__ = ["Advice", "advice_to_dict", "advise"]
