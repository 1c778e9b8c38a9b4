"""Security headers, cookies, error pages and the health check."""

from tests.conftest import post_form


def test_security_headers_on_every_page(client):
    for path in ("/", "/structures/", "/auth/login", "/nope"):
        response = client.get(path)
        csp = response.headers["Content-Security-Policy"]
        assert "script-src 'self'" in csp and "frame-ancestors 'none'" in csp
        assert "unsafe-inline" not in csp
        assert response.headers["X-Content-Type-Options"] == "nosniff"
        assert response.headers["Referrer-Policy"]


def test_session_cookie_is_httponly_and_lax(client, make_user):
    make_user(email="a@example.org")
    response = post_form(
        client, "/auth/login", {"email": "a@example.org", "password": "motdepasse-solide"}
    )
    cookies = response.headers.getlist("Set-Cookie")
    session_cookie = next(c for c in cookies if c.startswith("session="))
    assert "HttpOnly" in session_cookie and "SameSite=Lax" in session_cookie


def test_no_inline_script_in_pages(client):
    html = client.get("/").get_data(as_text=True)
    assert "<script>" not in html and "onclick" not in html


def test_error_pages_are_french(client, make_user, login):
    response = client.get("/page-qui-nexiste-pas")
    assert response.status_code == 404 and "Page introuvable" in response.get_data(as_text=True)
    response = client.put("/auth/login")
    assert response.status_code == 405
    login(make_user())
    response = client.get("/admin/accounts")
    assert response.status_code == 403 and "Accès refusé" in response.get_data(as_text=True)


def test_unexpected_error_gives_french_500(app, client):
    @app.get("/boom-for-test")
    def boom():
        raise RuntimeError("boom")

    response = client.get("/boom-for-test")
    assert response.status_code == 500
    assert "Erreur interne" in response.get_data(as_text=True)


def test_healthz_checks_database_and_index(client):
    from forum.search import engine

    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.get_json() == {
        "status": "degraded",
        "database": "ok",
        "index": "unavailable",
        "search": "whoosh",
    }
    engine().store.ensure()
    assert client.get("/healthz").get_json() == {
        "status": "ok",
        "database": "ok",
        "index": "ok",
        "search": "whoosh",
    }


def test_static_assets_are_versioned_and_long_cached(client):
    """The content hash is in the file name; that name is never re-checked (no `no-cache`,
    no `Vary: Cookie`); an old hash still gets the file, but is not kept."""
    html = client.get("/").get_data(as_text=True)
    import re

    for name in ("css/maillage", "css/print", "js/forms", "img/favicon"):
        assert re.search(rf'"/static/{name}\.[0-9a-f]{{12}}\.(css|js|svg)"', html), name
    href = re.search(r'href="(/static/css/maillage\.[0-9a-f]{12}\.css)"', html).group(1)
    response = client.get(href)
    assert response.status_code == 200
    assert response.headers["Cache-Control"] == "public, max-age=31536000, immutable"
    assert "cookie" not in response.headers.get("Vary", "").lower()
    assert "Set-Cookie" not in response.headers
    response.close()
    stale = client.get("/static/css/maillage.000000000000.css")
    assert stale.status_code == 200 and stale.headers["Cache-Control"] == "no-cache"
    stale.close()
    assert client.get("/static/css/absent.000000000000.css").status_code == 404


def test_one_log_line_per_request_with_status_and_duration(client, caplog):
    import logging

    with caplog.at_level(logging.INFO, logger="maillage.access"):
        client.get("/structures/")
        client.get("/page-absente")
    lines = [r.getMessage() for r in caplog.records if r.name == "maillage.access"]
    assert len(lines) == 2
    assert lines[0].startswith("method=GET path=/structures/ status=200 duration_ms=")
    assert "path=/page-absente status=404" in lines[1]
