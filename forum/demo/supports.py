"""The demo's session supports, drawn in code (nothing downloaded): a paperboard photo with
sticky notes, a room set-up plan, a PDF handout, a CSV table.

The photo is a JPEG as a phone writes it (camera model, GPS position in its EXIF), so
that the demo shows what the media worker removes; the rest is plain and small."""

import csv
import io
import random
import unicodedata
from collections.abc import Sequence
from functools import lru_cache

from PIL import Image, ImageDraw, ImageFont

# Sticky-note colours (the kit's: yellow ideas, pink problems, green resources, blue people).
NOTE_COLOURS = {
    "jaune": (250, 226, 92),
    "rose": (247, 160, 190),
    "vert": (150, 216, 140),
    "bleu": (140, 196, 238),
    "orange": (250, 178, 92),
}
MARKER = (35, 45, 80)


# A system font with French accents (Debian's fonts-dejavu, found by Pillow in the usual
# font folders); without one, Pillow's embedded font, which has no accents: they are
# dropped from the drawn text (« Séance » becomes « Seance ») rather than shown as boxes.
FONT_FILES = ("DejaVuSans.ttf", "LiberationSans-Regular.ttf", "Arial.ttf")


@lru_cache(maxsize=None)
def _font_file() -> str | None:
    for name in FONT_FILES:
        try:
            ImageFont.truetype(name, 12)
        except OSError:
            continue
        return name
    return None


@lru_cache(maxsize=32)
def _font(size: int) -> ImageFont.ImageFont:
    name = _font_file()
    return ImageFont.truetype(name, size) if name else ImageFont.load_default(size=size)


def _say(text: str) -> str:
    """`text` as the font can draw it (see FONT_FILES)."""
    if _font_file():
        return text
    text = text.replace("’", "'").replace("«", '"').replace("»", '"').replace("€", "EUR")
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def paperboard_photo(
    title: str,
    notes: Sequence[tuple[str, str]],
    *,
    seed: int = 0,
    size: tuple[int, int] = (1600, 1200),
    gps: tuple[float, float] | None = (44.61, 2.03),
) -> bytes:
    """A photo of a paperboard: `title` in marker, `notes` ((text, colour name) pairs) as
    slightly turned sticky notes; a JPEG with the EXIF a phone writes (model, GPS)."""
    rng = random.Random(seed)
    width, height = size
    image = Image.new("RGB", size, (196, 188, 172))  # the wall
    draw = ImageDraw.Draw(image)
    for y in range(0, height, 6):  # uneven light across the wall, as in a real room
        shade = int(12 * y / height)
        draw.line([(0, y), (width, y)], fill=(196 - shade, 188 - shade, 172 - shade), width=6)
    left, top = int(width * 0.12), int(height * 0.06)
    right, bottom = int(width * 0.88), int(height * 0.9)
    draw.line([(left + 60, bottom), (left - 20, height)], fill=(90, 90, 96), width=14)  # easel
    draw.line([(right - 60, bottom), (right + 20, height)], fill=(90, 90, 96), width=14)
    draw.rectangle([left + 8, top + 10, right + 8, bottom + 10], fill=(150, 144, 132))  # shadow
    draw.rectangle([left, top, right, bottom], fill=(248, 248, 243), outline=(120, 120, 120))
    draw.text((left + 50, top + 40), _say(title), fill=MARKER, font=_font(int(height * 0.04)))
    draw.line([(left + 50, top + 120), (right - 50, top + 118)], fill=MARKER, width=5)
    columns = 4
    note = int((right - left - 100) / columns) - 50
    font = _font(int(note * 0.12))
    for index, (text, colour) in enumerate(notes):
        x = left + 60 + (index % columns) * (note + 50) + rng.randint(-12, 12)
        y = top + 160 + (index // columns) * (note + 40) + rng.randint(-10, 10)
        sticky = Image.new("RGBA", (note, note), NOTE_COLOURS.get(colour, NOTE_COLOURS["jaune"]))
        ImageDraw.Draw(sticky).multiline_text(
            (16, 16), _say(_wrap(text, 12)), fill=(30, 30, 40), font=font, spacing=6
        )
        sticky = sticky.rotate(rng.uniform(-6, 6), expand=True, resample=Image.BICUBIC)
        image.paste(sticky, (x, y), sticky)
    exif = Image.Exif()
    exif[0x0110] = "Telephone de la structure"  # Model
    exif[0x0131] = "Appareil photo 4.2"  # Software
    if gps is not None:
        lat, lon = gps
        exif.get_ifd(0x8825).update(
            {1: "N" if lat >= 0 else "S", 2: _dms(lat), 3: "E" if lon >= 0 else "W", 4: _dms(lon)}
        )
    out = io.BytesIO()
    image.save(out, "JPEG", quality=85, exif=exif)
    return out.getvalue()


def room_plan(
    title: str, tables: int = 4, seats: int = 3, *, size: tuple[int, int] = (1400, 1000)
) -> bytes:
    """A drawn plan of the room set-up: tables in a U open towards the paperboard, chairs
    on the outer side, the door, the windows, the coffee table; a PNG."""
    width, height = size
    image = Image.new("RGB", size, (255, 255, 255))
    draw = ImageDraw.Draw(image)
    ink, light = (40, 50, 70), (120, 130, 150)
    big, small = _font(40), _font(24)
    draw.text((60, 36), _say(title), fill=ink, font=big)
    left, top, right, bottom = 80, 130, width - 80, height - 110
    draw.rectangle((left, top, right, bottom), outline=ink, width=8)
    for x in range(left + 160, right - 200, 300):  # windows on the far wall
        draw.line([(x, top), (x + 160, top)], fill=(120, 180, 230), width=14)
    door = left + 140
    draw.line([(door, bottom), (door + 110, bottom)], fill=(255, 255, 255), width=10)
    draw.arc([door - 110, bottom - 110, door + 110, bottom + 110], 270, 360, fill=light, width=3)
    draw.text((door - 10, bottom + 14), _say("porte"), fill=ink, font=small)
    board = (width // 2 - 120, top + 40, width // 2 + 120, top + 70)
    draw.rectangle(board, fill=(250, 226, 92), outline=ink, width=3)
    draw.text((board[0] + 40, board[3] + 8), _say("paperboard"), fill=ink, font=small)
    table, depth, gap = 200, 80, 24

    def chairs(x0, y0, x1, y1, count, vertical):
        for seat in range(count):
            if vertical:
                cy = y0 + (seat + 0.5) * (y1 - y0) / count
                draw.ellipse([x0 - 17, cy - 17, x0 + 17, cy + 17], outline=ink, width=3)
            else:
                cx = x0 + (seat + 0.5) * (x1 - x0) / count
                draw.ellipse([cx - 17, y0 - 17, cx + 17, y0 + 17], outline=ink, width=3)

    row = tables * table + (tables - 1) * gap
    x0, base = (width - row) // 2, bottom - 200
    for i in range(tables):  # the bottom of the U, chairs behind it
        x = x0 + i * (table + gap)
        draw.rectangle(
            [x, base, x + table, base + depth], fill=(222, 200, 160), outline=ink, width=3
        )
        chairs(x, base + depth + 30, x + table, 0, seats, False)
    arms = max(1, tables // 2)
    for i in range(arms):  # the two arms, chairs on the outer side
        y = base - (i + 1) * (table + gap)
        for x, outer in ((x0, x0 - 30), (x0 + row - depth, x0 + row + 30)):
            draw.rectangle([x, y, x + depth, y + table], fill=(222, 200, 160), outline=ink, width=3)
            chairs(outer, y, 0, y + table, seats, True)
    coffee = (right - 250, bottom - 80, right - 30, bottom - 24)
    draw.rectangle(coffee, fill=(200, 230, 200), outline=ink, width=3)
    draw.text((coffee[0] + 14, coffee[1] + 14), _say("café, accueil"), fill=ink, font=small)
    count = tables + 2 * arms
    draw.text(
        (80, height - 60),
        _say(f"{count} tables en U, {count * seats} chaises, tout le monde voit le paperboard"),
        fill=ink,
        font=small,
    )
    out = io.BytesIO()
    image.save(out, "PNG", optimize=True)
    return out.getvalue()


def handout_pdf(title: str, paragraphs: Sequence[str]) -> bytes:
    """A one-page A4 PDF handout: a title, then paragraphs wrapped at 80 characters
    (Helvetica, WinAnsi: French accents, « », ’ and € print)."""
    lines = [("F2", 18, title), ("F1", 11, "")]
    for paragraph in paragraphs:
        lines += [("F1", 11, line) for line in _wrap(paragraph, 86).split("\n")]
        lines.append(("F1", 11, ""))
    ops = [b"BT", b"72 770 Td"]
    for font, size, text in lines:
        body = text.encode("cp1252", "replace")
        body = body.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")
        ops.append(f"/{font} {size} Tf 0 -{size + 5} Td".encode() + b" (" + body + b") Tj")
    ops.append(b"ET")
    stream = b"\n".join(ops)
    font = b"<< /Type /Font /Subtype /Type1 /BaseFont /%s /Encoding /WinAnsiEncoding >>"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R /F2 6 0 R >> >> >>",
        b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream + b"\nendstream",
        font % b"Helvetica",
        font % b"Helvetica-Bold",
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


def csv_table(rows: Sequence[Sequence[object]]) -> bytes:
    """A CSV as a spreadsheet exports it for French users: `;` separators, UTF-8."""
    out = io.StringIO()
    csv.writer(out, delimiter=";", lineterminator="\r\n").writerows(rows)
    return out.getvalue().encode("utf-8")


def _wrap(text: str, width: int) -> str:
    lines, line = [], ""
    for word in text.split():
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    return "\n".join([*lines, line])


def _dms(value: float) -> tuple[float, float, float]:
    value = abs(value)
    degrees = int(value)
    minutes = int((value - degrees) * 60)
    return (float(degrees), float(minutes), round(((value - degrees) * 60 - minutes) * 60, 2))
