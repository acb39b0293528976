"""Tracking IDs: numeric, unique, increasing (they look sequential, as citizens expect), but not enumerable.

``tracking_id = <sequence number><3 random digits><Damm check digit>``. Guessing a valid ID for a known
sequence number succeeds once in a thousand tries, and the check digit catches every single-digit typo and
every swap of adjacent digits (a citizen typing ``CEK 1000527`` by SMS gets "not valid", not someone else's
report). The sequence is a PostgreSQL sequence, or a counter row on SQLite (whose writers are serialised).
"""

from __future__ import annotations

import secrets

from django.db import connection

SEQUENCE_NAME = "reports_tracking_seq"
SEQUENCE_START = 1000

# Damm's totally anti-symmetric quasigroup of order 10.
_DAMM = (
    (0, 3, 1, 7, 5, 9, 8, 6, 4, 2),
    (7, 0, 9, 2, 1, 5, 4, 8, 6, 3),
    (4, 2, 0, 6, 8, 7, 1, 3, 5, 9),
    (1, 7, 5, 0, 9, 8, 3, 4, 2, 6),
    (6, 1, 2, 3, 0, 4, 5, 9, 7, 8),
    (3, 6, 7, 4, 2, 0, 9, 5, 8, 1),
    (5, 8, 6, 9, 7, 2, 0, 1, 3, 4),
    (8, 9, 4, 5, 3, 6, 2, 0, 1, 7),
    (9, 4, 3, 8, 6, 1, 7, 2, 0, 5),
    (2, 5, 8, 1, 4, 3, 6, 7, 9, 0),
)


def damm_digit(digits: str) -> int:
    interim = 0
    for ch in digits:
        interim = _DAMM[interim][ord(ch) - 48]
    return interim


def tracking_id_is_valid(candidate: str) -> bool:
    """Well-formed (digits only, plausible length) and the check digit matches."""
    return candidate.isdigit() and 6 <= len(candidate) <= 16 and damm_digit(candidate) == 0


def tracking_id_format(sequence: int, salt_digits: int) -> str:
    body = f"{sequence}{salt_digits:03d}"
    return body + str(damm_digit(body))


def tracking_sequence_next() -> int:
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT nextval(%s)", [SEQUENCE_NAME])
            return int(cursor.fetchone()[0])
    from lapor.reports.models import TrackingCounter

    table = TrackingCounter._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(
            f'UPDATE "{table}" SET value = value + 1 WHERE name = %s RETURNING value',  # noqa: S608 (model metadata)
            [SEQUENCE_NAME],
        )
        row = cursor.fetchone()
    if row is not None:
        return int(row[0])
    TrackingCounter.objects.create(name=SEQUENCE_NAME, value=SEQUENCE_START)
    return SEQUENCE_START


def tracking_id_for(sequence: int) -> str:
    """The tracking ID of sequence number ``sequence``, with fresh random digits."""
    return tracking_id_format(sequence, secrets.randbelow(1000))


def tracking_id_next() -> str:
    return tracking_id_for(tracking_sequence_next())
