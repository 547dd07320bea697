"""kg.gcpause: the collector is off inside the block and as it was after (nested, or on error)."""
from __future__ import annotations

import gc

import pytest

from kg.gcpause import paused_gc


def test_paused_gc_restores_the_collector_as_it_was():
    was = gc.isenabled()
    try:
        gc.enable()
        with paused_gc():
            assert not gc.isenabled()
            with paused_gc():  # nested: the inner block leaves it off for the outer one
                assert not gc.isenabled()
            assert not gc.isenabled()
        assert gc.isenabled()
        with pytest.raises(ValueError), paused_gc():
            raise ValueError("an error inside")
        assert gc.isenabled()
        gc.disable()
        with paused_gc():
            pass
        assert not gc.isenabled()  # it was off before: it stays off
    finally:
        (gc.enable if was else gc.disable)()
