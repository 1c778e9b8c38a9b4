"""Frugality: every main page, first load (HTML + CSS + JS), compressed, under 60 KB;
nothing fetched from another host."""

import gzip
import re

import pytest

from forum import ROOT

BUDGET = 60 * 1024
PAGES = [
    "/",
    "/reports/",
    "/reports/{report}",
    "/search?q=financement",
    "/discussions/",
    "/discussions/{discussion}",
    "/modules/",
    "/modules/modele-economique-financement",
    "/tags/",
    "/tags/financement",
    "/territories/",
    "/structures/",
    "/parcours/",
    "/auth/login",
    "/auth/register",
    "/accessibilite",
]


@pytest.fixture
def demo(app, demo_reports):
    from forum.extensions import db
    from forum.models import Discussion, Report
    from forum.search import engine

    engine().rebuild()
    return {
        "report": db.session.scalar(
            db.select(Report.id).where(Report.status == "published", Report.deleted_at.is_(None))
        ),
        "discussion": db.session.scalar(
            db.select(Discussion.id).where(Discussion.report_id.is_(None))
        ),
    }


def weigh(client, path) -> tuple[int, int, list[str]]:
    response = client.get(path, headers={"Accept-Encoding": "gzip"})
    assert response.status_code == 200, path
    assert response.headers.get("Content-Encoding") == "gzip", path
    html_bytes = len(response.data)
    html = gzip.decompress(response.data).decode()
    assets = re.findall(r'(?:href|src)="(/static/[^"]+)"', html)
    external = re.findall(
        r'(?:href|src)="(https?://(?!127\.0\.0\.1|localhost)[^"]+)"(?![^<]*rel="nofollow)', html
    )
    asset_bytes = 0
    for asset in assets:
        path_only = re.sub(r"\.[0-9a-f]{12}(?=\.\w+$)", "", asset.removeprefix("/static/"))
        asset_bytes += len(gzip.compress((ROOT / "static" / path_only).read_bytes()))
    return html_bytes, asset_bytes, [u for u in external if "<link" in u or "<script" in u]


def test_every_main_page_is_under_60_kb_compressed(client, demo, capsys):
    rows = []
    for path in PAGES:
        html, assets, external = weigh(client, path.format(**demo))
        rows.append((path, html, assets))
        assert html + assets < BUDGET, (path, html, assets)
    with capsys.disabled():
        print("\npage weights (compressed HTML + CSS + JS):")
        for path, html, assets in rows:
            print(
                f"  {path:45} {html / 1024:5.1f} KB + {assets / 1024:4.1f} KB = {(html + assets) / 1024:5.1f} KB"
            )


def test_no_request_to_another_host(client, demo):
    for path in PAGES:
        html = client.get(path.format(**demo)).get_data(as_text=True)
        for tag in re.findall(r"<(?:link|script|img|iframe)[^>]*>", html):
            assert not re.search(r'(?:href|src)="(?:https?:)?//', tag), (path, tag)
