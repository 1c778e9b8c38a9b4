"""French « de » before a name, elided before a vowel sound (forum.i18n.de)."""

import pytest

from forum.i18n import de

CASES = [
    ("Élodie", "d'Élodie"),
    ("Émile", "d'Émile"),
    ("élodie", "d'élodie"),  # as typed
    ("Alice Martin", "d'Alice Martin"),
    ("Uriel", "d'Uriel"),
    ("Ïsa", "d'Ïsa"),
    ("Œlla", "d'Œlla"),
    ("Yves", "d'Yves"),  # y before a consonant sounds like i
    ("Yvonne", "d'Yvonne"),
    ("Yacine", "de Yacine"),  # y before a vowel is a consonant
    ("Yann", "de Yann"),
    ("Hélène", "d'Hélène"),  # mute h
    ("Hugo", "d'Hugo"),
    ("Karim", "de Karim"),
    ("Bob Durand", "de Bob Durand"),
    ("3C Lot", "de 3C Lot"),
    ("  Élodie ", "d'Élodie"),
    ("", "de "),
]


@pytest.mark.parametrize(("name", "expected"), CASES)
def test_de_elides_before_a_vowel_sound(name, expected):
    assert de(name) == expected
