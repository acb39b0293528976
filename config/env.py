"""Environment-driven configuration helpers (12-factor).

Every setting an operator may change is read here from the environment, with a safe default for
the embedded (SQLite) mode. Names are ``DATABASE_URL`` and ``LAPOR_*``.
"""

from __future__ import annotations

import os
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent


def env_str(name: str, default: str = "") -> str:
    return os.environ.get(name, default)


def env_bool(name: str, default: bool = False) -> bool:
    raw = os.environ.get(name)
    if raw is None:
        return default
    return raw.strip().lower() in {"1", "true", "yes", "on", "ya"}


def env_int(name: str, default: int) -> int:
    raw = os.environ.get(name)
    return int(raw) if raw not in (None, "") else default


def env_list(name: str, default: list[str]) -> list[str]:
    raw = os.environ.get(name)
    if raw is None:
        return default
    return [item.strip() for item in raw.split(",") if item.strip()]


def data_dir() -> Path:
    """Where the embedded database, uploads and secrets live (``LAPOR_DATA_DIR``, default ``./var``)."""
    path = Path(env_str("LAPOR_DATA_DIR", str(BASE_DIR / "var"))).resolve()
    path.mkdir(parents=True, exist_ok=True)
    return path
