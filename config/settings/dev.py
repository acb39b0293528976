"""Local development and ``lapor demo``: debug pages on, everything else as production."""

from config.settings.base import *  # noqa: F403
from config.settings.base import env_bool

DEBUG = env_bool("LAPOR_DEBUG", True)
