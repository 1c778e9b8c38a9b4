"""Real files made by the tests: a phone-like JPEG with orientation and GPS tags, a PDF
with a line of text, an HTML page in disguise."""

from io import BytesIO


def jpeg_with_gps(width: int = 1600, height: int = 1200) -> bytes:
    """A JPEG as a phone writes it: EXIF orientation 6 (rotate 90°), camera model, GPS
    position (Florac, 44.32 N 3.59 E)."""
    from PIL import Image

    image = Image.new("RGB", (width, height), (200, 120, 40))
    for x in range(0, width, 40):  # some detail, so that the encoder has work to do
        image.paste((30, 60, 90), (x, 0, x + 10, height))
    exif = Image.Exif()
    exif[0x0112] = 6  # Orientation: rotate 90° CW to display
    exif[0x0110] = "Telephone de test"  # Model
    gps = exif.get_ifd(0x8825)
    gps.update({1: "N", 2: (44.0, 19.0, 12.0), 3: "E", 4: (3.0, 35.0, 24.0)})
    out = BytesIO()
    image.save(out, "JPEG", exif=exif, quality=90)
    return out.getvalue()


def pdf_with_text(text: str = "Un ornithorynque au marché de Florac") -> bytes:
    """A one-page PDF whose content stream shows `text` (Latin-1, Helvetica), with a
    correct cross-reference table."""
    body = (
        text.encode("latin-1").replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")
    )
    stream = b"BT /F1 18 Tf 72 720 Td (" + body + b") Tj ET"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    ]
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, obj in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + obj + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    for offset in offsets:
        out += f"{offset:010d} 00000 n \n".encode()
    out += (
        f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    )
    return bytes(out)


HTML_AS_PDF = b"<!doctype html><html><body><script>alert(document.cookie)</script></body></html>"


# A HEIC by its brands (`ftyp` box), then nothing a decoder can read: the upload accepts it
# (whether HEIC can be decoded is the media worker's to find out), the worker refuses it.
# What the other broken photos were for — a truncated JPEG or PNG — is now refused at once.
BROKEN_HEIC = b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic" + b"\x00" * 400
