"""Building objects that live as long as the process, such as the people of a large case register."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def built_to_last() -> Iterator[None]:
    """Pause the cyclic garbage collector while a register of tens of thousands of cases becomes objects
    (it would walk every new object again at each collection: two thirds of the load time), then move
    what exists to the permanent generation so later collections skip it."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if enabled:
            gc.enable()
