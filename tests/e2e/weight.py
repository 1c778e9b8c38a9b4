"""What a page costs a reader in Chromium: the bytes of its first load (HTML, CSS, JS,
as sent over the wire) and of the images fetched once scrolled to the bottom (lazy images
load only then). Used by tests/e2e/test_attachments.py and
benchmarks/page_weight_photos.py."""

import re

FIRST_LOAD = ("document", "stylesheet", "script")
VARIANT = re.compile(r"/attachments/\d+/(\d+)")  # an image variant by width

SCROLL_TO_BOTTOM = """async () => {
  for (let y = 0; y <= document.documentElement.scrollHeight; y += innerHeight / 2) {
    scrollTo(0, y);
    await new Promise((done) => setTimeout(done, 150));
  }
  scrollTo(0, document.documentElement.scrollHeight);
}"""
ALL_IMAGES_LOADED = "[...document.images].every((image) => image.complete)"


def weigh(page, url: str) -> dict:
    """Load `url` in `page` (a fresh context: empty cache), then scroll to the bottom.

    Returns {"first_load": bytes of HTML+CSS+JS, "first_load_files": {url: bytes},
    "images": bytes of images, "variants": [widths of the attachment variants fetched],
    "other": bytes of anything else}; bytes are response bodies as transferred (compressed
    when the server compressed them)."""
    finished = []
    page.on("requestfinished", lambda request: finished.append(request))
    page.goto(url, wait_until="load")
    loaded = len(finished)
    page.evaluate(SCROLL_TO_BOTTOM)
    page.wait_for_load_state("networkidle")
    page.wait_for_function(ALL_IMAGES_LOADED)
    result = {"first_load": 0, "first_load_files": {}, "images": 0, "variants": [], "other": 0}
    for index, request in enumerate(finished):
        size = request.sizes()["responseBodySize"]
        if request.resource_type in FIRST_LOAD and index < loaded:
            result["first_load"] += size
            result["first_load_files"][request.url] = size
        elif request.resource_type == "image":
            result["images"] += size
            if match := VARIANT.search(request.url):
                result["variants"].append(int(match.group(1)))
        else:
            result["other"] += size
    return result
