"""sniff: the type comes from the content; every refusal says why in French."""

import io

import pytest

from forum.media import HEAD_BYTES, ArchiveLimits, UnsupportedFile, sniff
from tests.media import files

NOT_ACCEPTED = "Ce type de fichier n'est pas accepté : "


def kind_of(data: bytes, **options):
    return sniff(data, len(data), **options)


def refusal(data: bytes, **options) -> UnsupportedFile:
    with pytest.raises(UnsupportedFile) as caught:
        kind_of(data, **options)
    return caught.value


@pytest.mark.parametrize(
    ("make", "key", "mime", "extension", "label"),
    [
        (files.jpeg, "jpeg", "image/jpeg", "jpg", "Photo JPEG"),
        (files.png, "png", "image/png", "png", "Image PNG"),
        (files.webp, "webp", "image/webp", "webp", "Image WebP"),
        (lambda: files.pdf("Bonjour"), "pdf", "application/pdf", "pdf", "PDF"),
        (lambda: files.docx("Bonjour"), "docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx", "Document Word"),
        (lambda: files.xlsx([["a", 1]]), "xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx", "Classeur Excel"),
        (lambda: files.pptx("Titre", "Corps"), "pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation", "pptx", "Présentation PowerPoint"),
        (lambda: files.odt("Bonjour"), "odt", "application/vnd.oasis.opendocument.text", "odt", "Texte OpenDocument"),
        (lambda: files.ods([["a", "b"]]), "ods", "application/vnd.oasis.opendocument.spreadsheet", "ods", "Classeur OpenDocument"),
        (lambda: files.odp("Bonjour"), "odp", "application/vnd.oasis.opendocument.presentation", "odp", "Présentation OpenDocument"),
    ],
)  # fmt: skip
def test_accepted_kinds(make, key, mime, extension, label):
    kind = kind_of(make())
    assert (kind.key, kind.mime, kind.extension, str(kind.label)) == (key, mime, extension, label)


def test_heic_is_told_by_its_brands():
    heic = b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic" + b"\x00" * 40
    assert kind_of(heic).key == "heic"
    heif = b"\x00\x00\x00\x14ftypmif1\x00\x00\x00\x00mif1" + b"\x00" * 40
    assert kind_of(heif).key == "heif"
    avif = b"\x00\x00\x00\x1cftypavif\x00\x00\x00\x00avifmif1miaf" + b"\x00" * 40
    assert str(refusal(avif)) == NOT_ACCEPTED + "image AVIF."
    mp4 = b"\x00\x00\x00\x18ftypisom\x00\x00\x02\x00isomiso2" + b"\x00" * 40
    assert str(refusal(mp4)) == NOT_ACCEPTED + "vidéo ou son."


def test_an_image_named_pdf_is_an_image():
    """Only the content counts: the name is not even an argument."""
    assert kind_of(files.jpeg()).key == "jpeg"


def test_plain_text_utf8_latin1_and_csv():
    assert kind_of("Séance à Figeac : très bien.\n".encode()).key == "text"
    assert kind_of("\ufeffAvec BOM ’ œ €\n".encode()).key == "text"
    assert kind_of("Café à Figeac, été\nCœur ’\n".encode("cp1252")).key == "text"
    assert kind_of("Château, forêt\n".encode("latin-1")).key == "text"
    csv_text = "date;lieu;porteurs\n2024-03-12;Figeac;8\n2024-04-02;Cahors;11\n"
    assert kind_of(csv_text.encode()).key == "csv"
    assert kind_of(csv_text.encode("cp1252")).key == "csv"
    prose = "Bonjour, voici le compte rendu.\nNous étions huit, dont deux, trois élus.\n"
    assert kind_of(prose.encode()).key == "text"
    assert kind_of(b"<3 merci pour tout\n").key == "text"


def test_text_is_checked_to_its_end_through_the_stream():
    data = b"a" * (HEAD_BYTES + 10) + b"\x00binary"
    assert sniff(data[:HEAD_BYTES], len(data)).key == "text"  # the head alone looks fine
    error = refusal_of_stream(data)
    assert error.code == "type"


def refusal_of_stream(data: bytes) -> UnsupportedFile:
    with pytest.raises(UnsupportedFile) as caught:
        sniff(data[:HEAD_BYTES], len(data), io.BytesIO(data))
    return caught.value


def test_empty_files_are_refused():
    for data in (b"", b"  \n\r\n\t", b"\xef\xbb\xbf\n"):
        error = refusal(data)
        assert (error.code, str(error.message)) == ("empty", "Le fichier est vide.")


@pytest.mark.parametrize(
    ("data", "name"),
    [
        (b"<!DOCTYPE html><html><body>%PDF-1.4</body></html>", "page web (HTML)"),
        (b"\n  <html><script>alert(1)</script>", "page web (HTML)"),
        (b"<!-- x --><p>bonjour</p>", "page web (HTML)"),
        (b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>', "image SVG"),
        (b'<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"/>', "image SVG"),
        (b'<?xml version="1.0"?>\n<note/>', "document XML"),
        (b"MZ\x90\x00\x03\x00\x00\x00\x04\x00" + b"\x00" * 100, "programme exécutable"),
        (b"\x7fELF\x02\x01\x01" + b"\x00" * 100, "programme exécutable"),
        (b"#!/bin/sh\nrm -rf /\n", "script exécutable"),
        (b"GIF89a\x01\x00\x01\x00", "image GIF"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100, "ancien format Microsoft Office (.doc, .xls, .ppt) ; enregistrez-le au format .docx, .xlsx, .pptx ou OpenDocument"),
        (b"Rar!\x1a\x07\x00", "archive compressée"),
        (b"\x1f\x8b\x08\x00", "archive compressée"),
    ],
)  # fmt: skip
def test_refused_types_are_named(data, name):
    error = refusal(data)
    assert (error.code, str(error.message)) == ("type", f"{NOT_ACCEPTED}{name}.")


def test_binary_without_signature_is_refused():
    error = refusal(bytes(range(256)) * 4)
    assert str(error.message).startswith("Ce type de fichier n'est pas accepté. Formats acceptés")


def test_plain_zip_is_an_archive():
    error = refusal(files.zip_of(**{"a.txt": b"bonjour"}))
    assert str(error.message) == (
        "Ce type de fichier n'est pas accepté : archive compressée. Joignez les fichiers un par un."
    )


def test_macro_enabled_office_is_refused():
    types = b'<Types><Override ContentType="application/vnd.ms-word.document.macroEnabled.main+xml"/></Types>'
    error = refusal(files.zip_of(**{"[Content_Types].xml": types}))
    assert "document avec macros" in str(error.message)


def test_zip_bomb_declaring_a_huge_size_is_refused():
    data = files.zip_bomb()
    assert len(data) < 20_000
    error = refusal(data)
    assert error.code == "archive_limits"
    assert str(error.message) == (
        "Le fichier est refusé : une fois décompressé, il occuperait une place démesurée "
        "(bombe de décompression)."
    )


def test_zip_with_a_high_compression_ratio_is_refused():
    data = files.zip_of(
        **{"[Content_Types].xml": b"wordprocessingml.document.main+xml", "word/document.xml": b"\0" * (8 * 1024**2)}
    )  # fmt: skip
    assert refusal(data).code == "archive_limits"


def test_zip_with_too_many_members_is_refused():
    data = files.zip_of(**{f"part{i}.xml": b"x" for i in range(30)})
    error = refusal(data, limits=ArchiveLimits(max_members=20))
    assert error.code == "archive_limits"
    assert str(error.message) == "Le fichier est refusé : il contient trop d'éléments (plus de 20)."


def test_truncated_zip_is_corrupt():
    data = files.docx("Bonjour")
    error = refusal(data[: len(data) // 2])
    assert (error.code, str(error.message)) == (
        "corrupt",
        "Le fichier est endommagé ou incomplet : enregistrez-le à nouveau puis réessayez.",
    )


def test_zip_documents_are_read_through_the_stream():
    data = files.odt("Bonjour") + b""
    assert sniff(data[:100], len(data), io.BytesIO(data)).key == "odt"
    with pytest.raises(ValueError):
        sniff(data[:100], len(data))
