"""extract_text: the words inside each accepted document; broken ones raise ExtractionFailed."""

import pytest

from forum.media import ExtractionFailed
from forum.media.extract import extract_text
from forum.media.kinds import PDF
from tests.media import files


@pytest.mark.parametrize(
    ("kind", "data", "expected"),
    [
        ("pdf", files.pdf("Un ornithorynque à Figeac", "Séance deux"),
         "Un ornithorynque à Figeac\nSéance deux"),
        ("docx", files.docx("Le mot ornithorynque", table=[["Lieu", "Porteurs"], ["Cahors", "8"]]),
         "Le mot ornithorynque\nLieu\tPorteurs\nCahors\t8"),
        ("xlsx", files.xlsx([["Date", "Lieu"], ["12/03", "ornithorynque"], [None, 3.5]]),
         "Planning\nDate\tLieu\n12/03\tornithorynque\n3.5"),
        ("pptx", files.pptx("Financer", "Un ornithorynque", notes="Notes de l'oratrice"),
         "Financer\nUn ornithorynque\nNotes de l'oratrice"),
        ("odt", files.odt("Un ornithorynque", "Deuxième"),
         "Compte rendu\nUn ornithorynque\nDeuxième"),
        ("ods", files.ods([["Lieu", "Mot"], ["Figeac", "ornithorynque"]]),
         "Lieu\tMot\nFigeac\tornithorynque"),
        ("odp", files.odp("Diapositive ornithorynque"), "Diapositive ornithorynque"),
        ("text", "Café\r\nornithorynque\x00\n".encode("cp1252"), "Café\nornithorynque"),
        ("csv", "lieu;mot\nFigeac;ornithorynque\n".encode(), "lieu;mot\nFigeac;ornithorynque"),
    ],
)  # fmt: skip
def test_text_of_each_kind(kind, data, expected):
    assert extract_text(data, kind) == expected


def test_paths_streams_and_kinds_are_accepted(tmp_path):
    path = tmp_path / "cr.pdf"
    path.write_bytes(files.pdf("ornithorynque"))
    assert extract_text(path, PDF) == "ornithorynque"
    assert extract_text(str(path), "pdf") == "ornithorynque"
    with open(path, "rb") as stream:
        stream.read(10)
        assert extract_text(stream, "pdf") == "ornithorynque"


def test_images_have_no_text():
    assert extract_text(files.jpeg(), "jpeg") == ""


def test_characters_and_pages_are_capped():
    data = files.pdf(*(f"Page {n} ornithorynque" for n in range(1, 11)))
    assert extract_text(data, "pdf", max_pages=3) == (
        "Page 1 ornithorynque\nPage 2 ornithorynque\nPage 3 ornithorynque"
    )
    assert extract_text(data, "pdf", max_chars=25) == "Page 1 ornithorynque\nPage"
    assert extract_text(b"x" * 500_000, "text") == "x" * 200_000


@pytest.mark.parametrize(
    ("kind", "data"),
    [
        ("pdf", files.pdf("ornithorynque")[:150]),  # truncated
        ("pdf", b"%PDF-1.4\n<html>not a pdf</html>"),
        ("docx", files.docx("ornithorynque")[:600]),
        ("xlsx", files.odt("un odt qui se dit xlsx")),
        ("pptx", files.zip_of(**{"[Content_Types].xml": b"<Types/>"})),
        ("odt", files.odt("ornithorynque")[:-200]),
        ("ods", files.zip_of(mimetype=b"application/vnd.oasis.opendocument.spreadsheet")),
    ],
)
def test_corrupt_documents_raise_extraction_failed(kind, data):
    with pytest.raises(ExtractionFailed) as caught:
        extract_text(data, kind)
    assert str(caught.value).startswith(f"{kind}: ")


def test_unknown_kind_is_a_programming_error():
    with pytest.raises(KeyError):
        extract_text(b"x", "exe")
