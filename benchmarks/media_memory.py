"""Peak memory and time of `forum.media.images.process_image` on a 50-megapixel photo
(issue 14: « under 200 MB extra for a 50 MP image »).

    .venv/bin/python benchmarks/media_memory.py [--formats jpeg,png,webp,heic] [--json]

Each format is generated (8160 x 6120 px, 49.9 MP: the sensor of current 50 MP phones;
smooth noise, so that it compresses like a photo) in a child process, written to a
temporary file, then processed in a fresh child process that reports the growth of its
peak resident set (getrusage ru_maxrss) across the call alone: the interpreter, Pillow and
the file's bytes are already counted before. Pillow allocates its pixels outside Python's
allocator, so tracemalloc would not see them.
"""

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SIZE = (8160, 6120)
FORMATS = {"jpeg": "JPEG", "png": "PNG", "webp": "WEBP", "heic": "HEIF"}


def generate(fmt: str, path: str) -> None:
    """Write a SIZE photo-like image in `fmt` to `path` (about 150 MB of memory here)."""
    from PIL import Image

    if fmt == "heic":
        import pillow_heif

        pillow_heif.register_heif_opener()
    small = Image.merge("RGB", [Image.effect_noise((1020, 765), 60) for _ in range(3)])
    big = small.resize(SIZE, Image.Resampling.BICUBIC)
    options = {"quality": 90} if fmt in ("jpeg", "webp", "heic") else {"compress_level": 1}
    big.save(path, FORMATS[fmt], **options)


def measure(path: str) -> dict:
    """Process the file at `path` once; the growth of the peak RSS during the call, in MB."""
    sys.path.insert(0, str(ROOT))
    from forum.media.images import process_image

    data = Path(path).read_bytes()
    process_image(_small_jpeg())  # warm up: codecs loaded, first allocations made
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    started = time.perf_counter()
    result = process_image(data, max_decode_bytes=10**12)  # measure, not refuse
    seconds = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {
        "file_mb": round(len(data) / 1e6, 1),
        "peak_extra_mb": round((after - before) / 1024, 1),  # ru_maxrss is in KiB on Linux
        "peak_total_mb": round(after / 1024, 1),
        "seconds": round(seconds, 2),
        "variants_kb": {f"{v.name} {v.extension}": len(v.data) // 1024 for v in result.variants},
    }


def _small_jpeg() -> bytes:
    import io

    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (600, 400)).save(out, "JPEG")
    return out.getvalue()


def run(formats: list[str]) -> dict:
    results = {}
    with tempfile.TemporaryDirectory() as folder:
        for fmt in formats:
            path = str(Path(folder) / f"photo.{fmt}")
            subprocess.run([sys.executable, __file__, "--generate", fmt, path], check=True)
            out = subprocess.run(
                [sys.executable, __file__, "--measure", path],
                check=True, capture_output=True, text=True,
            )  # fmt: skip
            results[fmt] = json.loads(out.stdout)
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--formats", default="jpeg,png,webp")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--generate", nargs=2, metavar=("FORMAT", "PATH"))
    parser.add_argument("--measure", metavar="PATH")
    args = parser.parse_args()
    if args.generate:
        generate(*args.generate)
    elif args.measure:
        print(json.dumps(measure(args.measure)))
    else:
        results = run(args.formats.split(","))
        if args.json:
            print(json.dumps(results))
            return
        for fmt, row in results.items():
            print(
                f"{fmt:5} {SIZE[0]}x{SIZE[1]}  file {row['file_mb']:6.1f} MB  "
                f"peak +{row['peak_extra_mb']:6.1f} MB (total {row['peak_total_mb']:.0f} MB)  "
                f"{row['seconds']:.2f} s  variants {row['variants_kb']} KB"
            )


if __name__ == "__main__":
    main()
