"""Photos, re-encoded: decoded with Pillow within a pixel budget, turned upright, stripped
of every piece of metadata (EXIF, GPS, XMP, ICC, comments), and written again as the
variants pages serve (WebP and JPEG at a few widths, and one bounded « full » JPEG).

Re-encoding is the defence against malformed images too: what is served was written by
Pillow, never a byte of the upload (unless `keep_original`)."""

import io
import warnings
from dataclasses import dataclass
from typing import BinaryIO

from flask_babel import lazy_gettext as lazy
from PIL import Image, ImageCms

from forum.media.errors import UnsupportedFile

try:  # HEIC photos (iPhones' default) need libheif, through pillow-heif's wheels
    import pillow_heif

    pillow_heif.register_heif_opener()
    HEIC_AVAILABLE = True
except ImportError:  # pragma: no cover - depends on the platform's wheels
    HEIC_AVAILABLE = False

# The decoders Pillow may use on an upload (no exotic format reaches one of its plugins).
FORMATS = ("JPEG", "PNG", "WEBP", "HEIF")

DEFAULT_WIDTHS = (480, 1200)  # issue 14: phones (360 px at 1.33x) and desktop columns
FULL_SIZE = 2000  # px, longest side of the « full » JPEG: sharp on a 1080p screen
QUALITY = 80  # WebP and JPEG: Pillow's scale; 75-85 is the usual web compromise
# 64 million pixels: accepts the 48 and 50 MP photos of current phones (8160 x 6120 is
# 49.9 MP) and refuses their 108 and 200 MP modes. Below Pillow's own guard
# (Image.MAX_IMAGE_PIXELS, 89.5 MP), so ours answers first, in French. A PNG or WebP this
# size decodes whole (3 bytes a pixel: up to 192 MB); a JPEG decodes reduced (Image.draft).
DEFAULT_MAX_PIXELS = 64_000_000
# Formats Pillow can only decode whole cost this many bytes of peak memory per pixel
# (measured by benchmarks/media_memory.py, Pillow 13, pillow-heif 1.8: PNG 4.6, WebP 15.5
# — libwebp's RGBA canvas plus Pillow's copy —, HEIF 8.2), rounded up. With the 200 MB
# budget of issue 14 they are accepted up to 40 MP (PNG), 12.5 MP (WebP), 25 MP (HEIC:
# the 24 MP of recent iPhones pass); a JPEG decodes reduced and only `max_pixels` holds.
DECODE_BYTES_PER_PIXEL = {"PNG": 5, "WEBP": 16, "HEIF": 8}
DEFAULT_MAX_DECODE_BYTES = 200_000_000

# EXIF orientation (tag 0x0112, EXIF 2.32 § 4.6.5) -> the transposition that makes the
# image upright: the table of PIL.ImageOps.exif_transpose, applied here to each small
# variant rather than to the decoded photo (a copy of it would double the peak memory).
ORIENTATION = {
    2: Image.Transpose.FLIP_LEFT_RIGHT,
    3: Image.Transpose.ROTATE_180,
    4: Image.Transpose.FLIP_TOP_BOTTOM,
    5: Image.Transpose.TRANSPOSE,
    6: Image.Transpose.ROTATE_270,
    7: Image.Transpose.TRANSVERSE,
    8: Image.Transpose.ROTATE_90,
}
SWAPS_AXES = {5, 6, 7, 8}

CORRUPT = lazy("L'image est endommagée ou incomplète : elle n'a pas pu être lue.")


@dataclass(frozen=True)
class ImageVariant:
    """One re-encoded image: `name` is ``"480"``, ``"1200"``… (its width), ``"full"`` or
    ``"original"``; `width` and `height` in pixels, upright; `data` the encoded bytes."""

    name: str
    mime: str
    width: int
    height: int
    data: bytes

    @property
    def extension(self) -> str:
        return {"image/webp": "webp", "image/jpeg": "jpg", "image/png": "png"}.get(
            self.mime, self.mime.rpartition("/")[2]
        )


@dataclass(frozen=True)
class ProcessedImage:
    """The result of `process_image`: the photo's upright `width` x `height` in pixels, the
    decoder that read it (``JPEG``, ``PNG``, ``WEBP``, ``HEIF``) and its variants, widths
    in increasing order (WebP then JPEG for each), then ``full``, then ``original``."""

    width: int
    height: int
    source_format: str
    variants: tuple[ImageVariant, ...]

    def variant(self, name: str, mime: str = "image/jpeg") -> ImageVariant | None:
        return next((v for v in self.variants if v.name == name and v.mime == mime), None)


def process_image(
    source: bytes | BinaryIO,
    widths: tuple[int, ...] = DEFAULT_WIDTHS,
    *,
    full_size: int = FULL_SIZE,
    keep_original: bool = False,
    max_pixels: int = DEFAULT_MAX_PIXELS,
    max_decode_bytes: int = DEFAULT_MAX_DECODE_BYTES,
    quality: int = QUALITY,
) -> ProcessedImage:
    """Decode `source` (the bytes of an image, or a seekable stream), and re-encode it.

    For each of `widths` not wider than the upright photo: a WebP (alpha kept) and a JPEG
    that width. Then a « full » JPEG whose longest side is at most `full_size` px (never
    enlarged). None carries metadata; colours are converted to sRGB when the photo has
    another ICC profile. With `keep_original`, the uploaded bytes are added unchanged as
    variant ``original`` — EXIF and GPS included: the caller decides who may fetch it.

    Memory: a JPEG is decoded at the smallest libjpeg scale (1/2, 1/4, 1/8) that still
    covers the largest variant; other formats decode whole, then are reduced once.
    Raises UnsupportedFile: ``image_too_large`` (more than `max_pixels` declared, or, for
    a format decoded whole, more than `max_decode_bytes` / DECODE_BYTES_PER_PIXEL: checked
    from the header before decoding), ``heic_unavailable``, ``corrupt`` (unreadable,
    truncated, not an image of FORMATS)."""
    data = source if isinstance(source, bytes) else None
    stream = io.BytesIO(source) if isinstance(source, bytes) else source
    head = stream.read(16)
    stream.seek(0)
    if head[4:8] == b"ftyp" and not HEIC_AVAILABLE:
        raise UnsupportedFile(
            lazy("Les photos HEIC ne peuvent pas être lues ici : exportez-la en JPEG (sur "
                 "iPhone : Réglages › Appareil photo › Formats › « Le plus compatible ») puis "
                 "réessayez."),
            "heic_unavailable",
        )  # fmt: skip
    try:
        with _opened(stream, max_pixels, max_decode_bytes) as image:
            result = _variants(image, widths, full_size, quality)
    except UnsupportedFile:
        raise
    except (OSError, SyntaxError, ValueError, EOFError, Image.DecompressionBombError) as error:
        # Pillow reports a truncated or malformed file as OSError (UnidentifiedImageError
        # included), SyntaxError (bad PNG chunks) or ValueError
        raise UnsupportedFile(CORRUPT, "corrupt") from error
    if keep_original:
        if data is None:
            stream.seek(0)
            data = stream.read()
        mime = Image.MIME.get(result.source_format, "application/octet-stream")
        original = ImageVariant("original", mime, result.width, result.height, data)
        result = ProcessedImage(
            result.width, result.height, result.source_format, (*result.variants, original)
        )
    return result


def check_image(
    stream: BinaryIO,
    *,
    max_pixels: int = DEFAULT_MAX_PIXELS,
    max_decode_bytes: int = DEFAULT_MAX_DECODE_BYTES,
) -> None:
    """What can be known of an uploaded image cheaply, while its sender waits: the size its
    header declares (within `max_pixels` and the memory budget of `process_image`), and
    that a JPEG or PNG is whole — a JPEG decoded at 1/8 scale (libjpeg still reads every
    byte), a PNG's chunks and checksums read without inflating its pixels. WebP and HEIC:
    their header only; `process_image` decides the rest after the response. Leaves
    `stream` at 0. Raises UnsupportedFile ``image_too_large`` or ``corrupt``."""
    head = stream.read(16)
    stream.seek(0)
    if head[4:8] == b"ftyp":
        return  # HEIC: whether it can be decoded at all is the worker's to say
    try:
        with _opened(stream, max_pixels, max_decode_bytes) as image:
            if image.format == "JPEG":
                image.draft("RGB", (max(1, image.width // 8), max(1, image.height // 8)))
                image.load()
            elif image.format == "PNG":
                image.verify()
    except UnsupportedFile:
        raise
    except (OSError, SyntaxError, ValueError, EOFError, Image.DecompressionBombError) as error:
        raise UnsupportedFile(CORRUPT, "corrupt") from error
    finally:
        stream.seek(0)


def _opened(stream: BinaryIO, max_pixels: int, max_decode_bytes: int) -> Image.Image:
    """The image in `stream`, header read, not decoded (a context manager); refused over
    `max_pixels`, or over what `max_decode_bytes` allows for a format decoded whole."""
    try:
        with warnings.catch_warnings(action="ignore", category=Image.DecompressionBombWarning):
            image = Image.open(stream, formats=FORMATS)
    except Image.DecompressionBombError:
        pass
    else:
        per_pixel = DECODE_BYTES_PER_PIXEL.get(image.format or "")
        if per_pixel:
            max_pixels = min(max_pixels, max_decode_bytes // per_pixel)
        if image.width * image.height <= max_pixels:
            return image
        image.close()
    raise UnsupportedFile(
        lazy("L'image est trop grande (%(max)s pixels au plus) : réduisez-la, puis réessayez.",
             max=f"{max_pixels:,}".replace(",", "\u202f")),  # 64 000 000, French spacing
        "image_too_large",
    )  # fmt: skip


def _variants(
    image: Image.Image, widths: tuple[int, ...], full_size: int, quality: int
) -> ProcessedImage:
    source_format = image.format or ""
    orientation = _orientation(image)
    swap = orientation in SWAPS_AXES
    raw_width, raw_height = image.size
    width, height = (raw_height, raw_width) if swap else (raw_width, raw_height)

    scale = min(1.0, full_size / max(width, height))
    full = (max(1, round(width * scale)), max(1, round(height * scale)))
    sized = [(w, max(1, round(height * w / width))) for w in sorted(set(widths)) if w <= width]
    largest = max([full, *sized])
    needed = (largest[1], largest[0]) if swap else largest  # in the decoder's axes

    icc = image.info.get("icc_profile")
    if image.format == "JPEG":
        image.draft(None, needed)  # libjpeg scales while decoding
    image.load()
    work = _reduced(image, needed)
    work = _srgb(work, icc)

    variants = []
    for w, h in sized:
        resized = _resized(work, (h, w) if swap else (w, h), orientation)
        variants.append(_encode(resized, "WEBP", quality, str(w)))
        variants.append(_encode(resized, "JPEG", quality, str(w)))
    resized = _resized(work, (full[1], full[0]) if swap else full, orientation)
    variants.append(_encode(resized, "JPEG", quality, "full"))
    return ProcessedImage(width, height, source_format, tuple(variants))


def _orientation(image: Image.Image) -> int:
    try:
        value = image.getexif().get(0x0112, 1)
    except Exception:  # malformed EXIF: Pillow raises various errors; the photo stays as is
        return 1
    return value if value in ORIENTATION else 1


def _reduced(image: Image.Image, needed: tuple[int, int]) -> Image.Image:
    """`image` reduced by the largest whole factor that keeps it at least `needed` (a box
    filter over whole blocks: cheap, and the final resize then works on a small image)."""
    factor = min(image.width // needed[0], image.height // needed[1])
    return image.reduce(factor) if factor >= 2 else image


def _srgb(image: Image.Image, icc: bytes | None) -> Image.Image:
    """`image` in RGB or RGBA (L, P, CMYK, 16-bit converted), its colours moved from its
    ICC profile to sRGB when it has one (the profile itself is not written back)."""
    alpha = image.mode in ("RGBA", "LA", "PA", "RGBa", "La") or (
        image.mode == "P" and "transparency" in image.info
    )
    if image.mode.startswith("I;16"):
        image = image.convert("I")
    if image.mode in ("I", "F"):
        image = image.point(lambda value: value / 256).convert("L")
    mode = "RGBA" if alpha else "RGB"
    if icc and image.mode in ("RGB", "RGBA", "CMYK", "L"):
        try:
            return ImageCms.profileToProfile(
                image,
                ImageCms.ImageCmsProfile(io.BytesIO(icc)),
                ImageCms.createProfile("sRGB"),
                outputMode=mode if image.mode != "L" else "L",
            ).convert(mode)
        except (ImageCms.PyCMSError, OSError, ValueError):
            pass  # an unreadable profile: keep the numbers as they are
    return image.convert(mode) if image.mode != mode else image


def _resized(work: Image.Image, size: tuple[int, int], orientation: int) -> Image.Image:
    image = work.resize(size, Image.Resampling.LANCZOS) if work.size != size else work.copy()
    if orientation in ORIENTATION:
        image = image.transpose(ORIENTATION[orientation])
    image.info = {}  # no EXIF, ICC, XMP, comment or text chunk is written back
    return image


def _encode(image: Image.Image, fmt: str, quality: int, name: str) -> ImageVariant:
    if fmt == "JPEG" and image.mode == "RGBA":
        flat = Image.new("RGB", image.size, (255, 255, 255))
        flat.paste(image, mask=image.getchannel("A"))
        image = flat
    out = io.BytesIO()
    if fmt == "JPEG":
        image.save(out, "JPEG", quality=quality, optimize=True, progressive=True)
    else:
        image.save(out, "WEBP", quality=quality, method=4)
    mime = "image/jpeg" if fmt == "JPEG" else "image/webp"
    return ImageVariant(name, mime, image.width, image.height, out.getvalue())
