"""Shared pytest setup: the tests import helpers_kg from this folder."""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
