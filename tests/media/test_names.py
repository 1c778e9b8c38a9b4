"""safe_filename: readable, no path, no control character, the real extension, 120 at most."""

import unicodedata

from forum.media import safe_filename
from forum.media.kinds import JPEG, PDF


def test_path_parts_are_removed():
    assert safe_filename("../../etc/passwd") == "passwd"
    assert safe_filename("../../etc/passwd", PDF) == "passwd.pdf"
    assert safe_filename("C:\\Users\\claire\\Bureau\\compte rendu.pdf", PDF) == "compte rendu.pdf"
    assert safe_filename("..", PDF) == "fichier.pdf"


def test_nul_control_and_invisible_characters_are_removed():
    assert safe_filename("rapport\x00.exe.pdf", PDF) == "rapport.exe.pdf"
    assert safe_filename("ligne\r\nsuivante\t.txt") == "lignesuivante.txt"
    assert safe_filename("photo\u202egpj.exe", JPEG) == "photogpj.jpg"  # right-to-left override
    assert safe_filename('a<b>:c"d|e?f*.pdf', PDF) == "a_b__c_d_e_f_.pdf"


def test_accents_are_kept_and_composed():
    decomposed = unicodedata.normalize("NFD", "Séance à Figeac — été.odt")
    assert safe_filename(decomposed) == "Séance à Figeac — été.odt"
    assert safe_filename(decomposed) == unicodedata.normalize("NFC", decomposed)


def test_the_extension_becomes_the_real_one():
    assert safe_filename("photo.pdf", JPEG) == "photo.jpg"
    assert safe_filename("scan.JPEG", JPEG) == "scan.jpg"
    assert safe_filename("CR 12.03.2024", PDF) == "CR 12.03.2024.pdf"
    assert safe_filename("notes.ODT") == "notes.odt"


def test_long_names_are_cut_keeping_the_extension():
    name = safe_filename("é" * 300 + ".pdf", PDF)
    assert name == "é" * 116 + ".pdf"
    assert len(safe_filename("x" * 300)) == 120


def test_never_empty():
    assert safe_filename("", PDF) == "fichier.pdf"
    assert safe_filename(None) == "fichier"
    assert safe_filename("\x00\x01 . ", PDF) == "fichier.pdf"
    assert safe_filename(".pdf", PDF) == "pdf.pdf"  # a hidden file loses its dot
    assert safe_filename("con.txt") == "fichier-con.txt"
