"""Local use and ``lapor demo``: like production, but plain-HTTP cookies and debug pages on request."""

from config.settings.base import *  # noqa: F403
from config.settings.base import env_bool

DEBUG = env_bool("LAPOR_DEBUG", False)
