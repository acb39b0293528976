from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from conftest import submit
from lapor.reports.tracking import tracking_id_format, tracking_id_is_valid


@given(seq=st.integers(min_value=1000, max_value=10**9), salt=st.integers(min_value=0, max_value=999))
def test_every_generated_id_is_valid(seq, salt):
    assert tracking_id_is_valid(tracking_id_format(seq, salt))


@given(
    seq=st.integers(min_value=1000, max_value=10**9),
    salt=st.integers(min_value=0, max_value=999),
    pos=st.integers(min_value=0, max_value=30),
    digit=st.integers(min_value=0, max_value=9),
)
def test_a_single_wrong_digit_is_always_caught(seq, salt, pos, digit):
    tid = tracking_id_format(seq, salt)
    pos %= len(tid)
    if int(tid[pos]) == digit:
        return
    typo = tid[:pos] + str(digit) + tid[pos + 1 :]
    assert not tracking_id_is_valid(typo)


@given(
    seq=st.integers(min_value=1000, max_value=10**9),
    salt=st.integers(min_value=0, max_value=999),
    pos=st.integers(min_value=0, max_value=30),
)
def test_swapping_adjacent_digits_is_always_caught(seq, salt, pos):
    tid = tracking_id_format(seq, salt)
    pos %= len(tid) - 1
    if tid[pos] == tid[pos + 1]:
        return
    swapped = tid[:pos] + tid[pos + 1] + tid[pos] + tid[pos + 2 :]
    assert not tracking_id_is_valid(swapped)


@pytest.mark.django_db
def test_ids_are_unique_numeric_and_increasing(world):
    ids = [submit(world).tracking_id for _ in range(30)]
    assert len(set(ids)) == 30
    assert all(tid.isdigit() and tracking_id_is_valid(tid) for tid in ids)
    sequences = [int(tid[:-4]) for tid in ids]
    assert sequences == sorted(sequences)
    # consecutive reports do not have consecutive ids: the next one cannot be guessed from the last
    assert len({int(b) - int(a) for a, b in zip(ids, ids[1:], strict=False)}) > 1
