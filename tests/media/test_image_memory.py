"""A 50 MP phone photo is processed within the memory budget of issue 14 (200 MB extra)."""

import json
import subprocess
import sys
from pathlib import Path

SCRIPT = Path(__file__).resolve().parents[2] / "benchmarks" / "media_memory.py"


def test_50_megapixel_jpeg_stays_far_under_200_mb():
    """Measured in fresh processes (peak RSS, Pillow's pixels are outside tracemalloc's
    view): about 41 MB, since libjpeg decodes at 1/4 scale for a 2000 px variant."""
    out = subprocess.run(
        [sys.executable, str(SCRIPT), "--formats", "jpeg", "--json"],
        capture_output=True, text=True, timeout=300, check=True,
    )  # fmt: skip
    row = json.loads(out.stdout)["jpeg"]
    assert row["peak_extra_mb"] < 100, row
    assert row["variants_kb"]["full jpg"] < 2000, row
