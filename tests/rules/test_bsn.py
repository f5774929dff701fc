"""BSN eleven-test (pure rules, no database)."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from eenplan.rules.bsn import OngeldigBsn, bsn_check, bsn_is_valid


def elfproef(digits: str) -> bool:
    total = sum(int(d) * w for d, w in zip(digits[:8], range(9, 1, -1), strict=True))
    return (total - int(digits[8])) % 11 == 0


@pytest.mark.parametrize("value", ["111222333", "123456782", " 1112.22.333 ", "11122-2333"])
def test_valid_bsns_are_accepted_in_nine_digit_form(value):
    assert len(bsn_check(value)) == 9
    assert bsn_check(value).isdigit()


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("123456789", "elfproef"),
        ("12345678a", "alleen uit cijfers"),
        ("1234567", "9 cijfers"),
        ("1234567890", "9 cijfers"),
    ],
)
def test_wrong_bsns_get_a_dutch_reason(value, message):
    with pytest.raises(OngeldigBsn, match=message):
        bsn_check(value)


@given(st.integers(min_value=10_000_000, max_value=999_999_999))
def test_check_agrees_with_the_published_eleven_test(n):
    digits = f"{n:09d}"
    assert bsn_is_valid(digits) == (elfproef(digits) and digits != "000000000")


@given(
    st.integers(min_value=100_000_000, max_value=999_999_999), st.integers(0, 8), st.integers(1, 9)
)
def test_a_single_typo_in_a_valid_bsn_is_always_caught(n, position, delta):
    digits = f"{n:09d}"
    if not elfproef(digits):
        return
    changed = list(digits)
    changed[position] = str((int(changed[position]) + delta) % 10)
    assert not bsn_is_valid("".join(changed))
