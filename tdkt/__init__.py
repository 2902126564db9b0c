"""tdkt: the toolkit of a Vietnamese emulation and commendation council's secretariat."""

from __future__ import annotations

__version__ = "0.1.0"

__all__ = ["__version__"]
