"""process_image: upright, no metadata, the variants asked for; bombs and broken files
refused in French."""

import io

import pytest
from PIL import Image

from forum.media import UnsupportedFile
from forum.media import images as media_images
from forum.media.images import process_image
from tests.media import files


def opened(variant) -> Image.Image:
    return Image.open(io.BytesIO(variant.data))


def test_phone_photo_is_turned_upright_and_loses_its_metadata():
    data = files.photo_with_exif(size=(3000, 2000), orientation=6)
    assert b"Exif" in data and b"Fairphone" in data
    result = process_image(data)
    assert (result.width, result.height, result.source_format) == (2000, 3000, "JPEG")
    names = [(v.name, v.mime, v.width, v.height) for v in result.variants]
    assert names == [
        ("480", "image/webp", 480, 720),
        ("480", "image/jpeg", 480, 720),
        ("1200", "image/webp", 1200, 1800),
        ("1200", "image/jpeg", 1200, 1800),
        ("full", "image/jpeg", 1333, 2000),
    ]
    for variant in result.variants:
        image = opened(variant)
        assert image.size == (variant.width, variant.height)
        assert not image.getexif(), variant.name
        assert "exif" not in image.info and "icc_profile" not in image.info
        assert "comment" not in image.info and "xmp" not in image.info
        assert b"Fairphone" not in variant.data and b"Figeac" not in variant.data
    # orientation 6: the photo's left half (red) is now at the top
    full = opened(result.variant("full")).convert("RGB")
    red, _, blue = full.getpixel((full.width // 2, full.height // 4))
    assert red > 150 and blue < 80
    red, _, blue = full.getpixel((full.width // 2, full.height * 3 // 4))
    assert blue > 150 and red < 80


def test_small_images_are_never_enlarged():
    result = process_image(files.jpeg(size=(400, 300)))
    assert [(v.name, v.width) for v in result.variants] == [("full", 400)]


def test_keep_original_adds_the_upload_unchanged():
    data = files.photo_with_exif()
    original = process_image(data, keep_original=True).variant("original")
    assert (original.data, original.mime) == (data, "image/jpeg")
    assert process_image(data).variant("original") is None


def test_png_with_alpha_keeps_it_in_webp_and_is_flattened_in_jpeg():
    result = process_image(files.png(size=(600, 400)), widths=(480,))
    assert opened(result.variant("480", "image/webp")).mode == "RGBA"
    jpeg = opened(result.variant("480"))
    assert jpeg.mode == "RGB"
    assert jpeg.getpixel((10, 10))[0] > 100  # half-transparent blue on white, not on black


def test_webp_and_heic_are_read():
    assert process_image(files.webp(size=(800, 600))).source_format == "WEBP"
    heic = io.BytesIO()
    Image.new("RGB", (800, 600), (0, 90, 200)).save(heic, "HEIF")
    result = process_image(heic.getvalue())
    assert (result.source_format, result.width, result.height) == ("HEIF", 800, 600)


def test_heic_without_a_decoder_is_refused_with_a_way_out(monkeypatch):
    monkeypatch.setattr(media_images, "HEIC_AVAILABLE", False)
    with pytest.raises(UnsupportedFile) as caught:
        process_image(b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic")
    assert caught.value.code == "heic_unavailable"
    assert str(caught.value.message).startswith(
        "Les photos HEIC ne peuvent pas être lues ici : exportez-la en JPEG"
    )


@pytest.mark.parametrize(
    ("size", "limit"),
    [
        ((100_000, 100_000), "64\u202f000\u202f000"),  # refused by Pillow's own guard first
        ((9_000, 9_000), "40\u202f000\u202f000"),  # a PNG decodes whole: 5 bytes a pixel
    ],
)
def test_decompression_bomb_png_is_refused_before_decoding(size, limit):
    data = files.png_declaring(*size)
    assert len(data) < 100
    with pytest.raises(UnsupportedFile) as caught:
        process_image(data)
    assert caught.value.code == "image_too_large"
    assert str(caught.value.message) == (
        f"L'image est trop grande ({limit} pixels au plus) : réduisez-la, puis réessayez."
    )


def test_the_pixel_budget_is_a_parameter():
    with pytest.raises(UnsupportedFile) as caught:
        process_image(files.jpeg(size=(2000, 1000)), max_pixels=1_000_000)
    assert "(1\u202f000\u202f000 pixels au plus)" in str(caught.value.message)


@pytest.mark.parametrize(
    "data",
    [
        files.jpeg(size=(800, 600))[:400],  # truncated
        b"\xff\xd8\xff\xe0" + b"\x00" * 200,  # a JPEG signature and nothing else
        files.pdf("Je suis un PDF"),  # not an image at all
        b"",
    ],
)
def test_broken_images_are_refused(data):
    with pytest.raises(UnsupportedFile) as caught:
        process_image(data)
    assert caught.value.code == "corrupt"
    assert str(caught.value.message) == (
        "L'image est endommagée ou incomplète : elle n'a pas pu être lue."
    )


def test_truncated_png_is_refused():
    data = files.png(size=(500, 500), mode="RGB")
    with pytest.raises(UnsupportedFile) as caught:
        process_image(data[: len(data) - 30])
    assert caught.value.code == "corrupt"


def test_formats_decoded_whole_have_a_memory_budget():
    """A 13 MP WebP would take about 200 MB to decode (libwebp has no reduced decoding)."""
    with pytest.raises(UnsupportedFile) as caught:
        process_image(files.webp(size=(4200, 3100)))
    assert caught.value.code == "image_too_large"
    assert "(12\u202f500\u202f000 pixels au plus)" in str(caught.value.message)
    assert process_image(files.webp(size=(4200, 3100)), max_decode_bytes=250_000_000).width == 4200
