"""Issue 12.2: a structure's page (identity, territory, members and roles, its reports
newest first with counts by module and challenge, parcours, discussions, feed)."""

from datetime import date

from forum.extensions import db
from forum.models import Category, Parcours
from tests.conftest import A_MONTH_AGO
from tests.test_page_weight import BUDGET, demo, weigh  # noqa: F401  (demo is a fixture)


def test_structure_page_shows_its_network(client, app, make_structure, make_user, make_report):
    from forum.services import discussions

    structure = make_structure(
        name="La Fabrique", department_code="46", commune="Figeac", description="Un tiers-lieu."
    )
    referent = make_user(
        display_name="Claire Fabre",
        structure=structure,
        structure_role="referent",
        created_at=A_MONTH_AGO,  # publishes a page of reports and more
    )
    make_user(display_name="Paul Vidal", structure=structure)
    for n in range(app.config["PER_PAGE"] + 2):
        make_report(
            referent,
            title=f"Séance numéro {n:02d}",
            structure_id=structure.id,
            modules=["besoin-social-utilite-sociale"],
            tags=["mobilite"] if n % 2 else [],
        )
    make_report(make_user(), title="Séance d'une autre structure")
    parcours = Parcours(
        slug="printemps", title="Parcours de printemps", department_code="46",
        start_date=date(2025, 3, 1),
    )  # fmt: skip
    parcours.structures = [structure]
    db.session.add(parcours)
    db.session.commit()
    category = db.session.scalar(db.select(Category))
    discussions.create_discussion(referent, "Qui anime en soirée ?", "Bonjour à tous", category)

    response = client.get(f"/structures/{structure.slug}")
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert "Figeac, Lot (46), Occitanie" in html and "Un tiers-lieu." in html
    assert 'Claire Fabre</a> <span class="meta">— référent·e' in html
    assert 'Paul Vidal</a> <span class="meta">— membre' in html
    assert "22 retours d’expérience publiés" in html
    assert "Module 2 — Besoin social et utilité sociale : 22</a>" in html  # by module
    assert "Mobilité : 11</a>" in html  # by challenge
    assert "Séance numéro 21" in html and "Séance numéro 00" not in html  # newest first
    assert html.index("Séance numéro 21") < html.index("Séance numéro 20")
    assert "Séance d&#39;une autre structure" not in html
    assert "Parcours de printemps" in html and "Qui anime en soirée ?" in html
    assert f'href="/structures/{structure.slug}/feed.atom"' in html
    assert "@example.org" not in html
    page2 = client.get(f"/structures/{structure.slug}?page=2").get_data(as_text=True)
    assert "Séance numéro 00" in page2 and "Séance numéro 21" not in page2
    assert client.get(f"/structures/{structure.slug}?page=9").status_code == 404

    feed = client.get(f"/structures/{structure.slug}/feed.atom")
    assert feed.mimetype == "application/atom+xml"
    text = feed.get_data(as_text=True)
    assert "Séance numéro 21" in text and "autre structure" not in text
    assert client.get("/structures/inconnue/feed.atom").status_code == 404


def test_new_pages_are_under_60_kb(client, demo, make_user, login, capsys):  # noqa: F811
    from forum.models import Structure, User

    pending = db.session.scalar(db.select(Structure).where(Structure.status == "pending"))
    busiest = db.session.scalar(db.select(Structure).where(Structure.slug == "fabrique-du-lot"))
    referent = db.session.scalar(
        db.select(User).where(User.structure_id == busiest.id, User.structure_role == "referent")
    )
    paths = [
        f"/structures/{busiest.slug}",
        f"/structures/{pending.slug}",
    ]
    for path in paths:
        html, assets, _external = weigh(client, path)
        assert html + assets < BUDGET, (path, html, assets)
        with capsys.disabled():
            print(f"\n  {path:50} {(html + assets) / 1024:5.1f} KB")
    login(make_user())
    for path in [
        "/structures/propose",
        f"/structures/{busiest.slug}/contact",
        f"/members/{referent.id}/contact",
    ]:
        html, assets, _external = weigh(client, path)
        assert html + assets < BUDGET, (path, html, assets)
        with capsys.disabled():
            print(f"\n  {path:50} {(html + assets) / 1024:5.1f} KB")
