"""The one did-you-mean helper: its cutoff, ties and case."""

from governance_kit.loading.suggest import closest, did_you_mean


def test_a_close_name_is_suggested_in_quotes() -> None:
    assert did_you_mean("jdoe", ["j-doe", "asmith"]) == "did you mean 'j-doe'?"


def test_nothing_alike_enough_gives_no_hint() -> None:
    assert did_you_mean("zzz", ["j-doe", "asmith"]) is None


def test_the_earlier_option_wins_a_tie() -> None:
    assert closest("GK1O1", ["GK101", "GK111"]) == "GK101"


def test_case_is_ignored_only_when_asked() -> None:
    assert closest("gk1", ["GK1"]) is None
    assert closest("gk1", ["GK1"], ignore_case=True) == "GK1"
