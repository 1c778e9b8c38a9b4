"""Structure directory, detail pages and admin edits."""

from forum.extensions import db
from forum.models import Structure
from tests.conftest import post_form


def test_directory_filters_by_region_department_and_kind(client, make_structure):
    make_structure(name="Tiers-lieu de Figeac", kind="tiers-lieu", department_code="46")
    make_structure(name="Incubateur bordelais", kind="incubateur", department_code="33")
    make_structure(name="Asso de Rennes", kind="association", department_code="35")

    def names(query):
        html = client.get(f"/structures/{query}").get_data(as_text=True)
        return {
            n
            for n in ("Tiers-lieu de Figeac", "Incubateur bordelais", "Asso de Rennes")
            if n in html
        }

    assert names("") == {"Tiers-lieu de Figeac", "Incubateur bordelais", "Asso de Rennes"}
    assert names("?region=75") == {"Incubateur bordelais"}  # Nouvelle-Aquitaine
    assert names("?region=76") == {"Tiers-lieu de Figeac"}  # Occitanie
    assert names("?department=35") == {"Asso de Rennes"}
    assert names("?kind=incubateur") == {"Incubateur bordelais"}
    assert names("?region=75&kind=tiers-lieu") == set()
    response = client.get("/structures/?region=zz&kind=" + "x" * 5000)
    assert response.status_code == 200
    assert "Aucune structure ne correspond" in response.get_data(as_text=True)
    response = client.get("/structures/?region=%00zz")
    assert response.status_code == 400
    assert "octet nul" in response.get_data(as_text=True)


def test_detail_lists_members(client, make_structure, make_user):
    structure = make_structure(
        name="La Fontaine",
        description="Association de Charente.",
        website="https://lafontaine.example.org",
        department_code="16",
    )
    make_user(display_name="Céline Malvy", structure=structure)
    html = client.get(f"/structures/{structure.slug}").get_data(as_text=True)
    assert "La Fontaine" in html and "Céline Malvy" in html and "Charente" in html
    assert "Nouvelle-Aquitaine" in html
    assert client.get("/structures/inconnue").status_code == 404


def test_only_admins_create_and_edit(client, make_user, login, make_structure):
    member = make_user()
    login(member)
    assert client.get("/structures/new").status_code == 403
    assert (
        post_form(
            client, "/structures/new", {"name": "X", "kind": "autre", "department": "24"}
        ).status_code
        == 403
    )
    post_form(client, "/auth/logout", {})

    login(make_user(role="admin"))
    response = post_form(
        client,
        "/structures/new",
        {
            "name": "Pôle Territorial Sud Gironde",
            "kind": "pole-territorial",
            "department": "33",
            "website": "https://ptsg.example.org",
            "description": "Co-construit un parcours.",
        },
    )
    assert response.status_code in (302, 303)
    structure = db.session.scalar(db.select(Structure))
    assert structure.slug == "pole-territorial-sud-gironde"
    assert response.headers["Location"] == f"/structures/{structure.slug}"

    response = post_form(
        client,
        f"/structures/{structure.slug}/edit",
        {
            "name": "PTSG",
            "kind": "pole-territorial",
            "department": "33",
            "website": "",
            "description": "",
        },
    )
    assert response.status_code in (302, 303)
    db.session.refresh(structure)
    assert structure.name == "PTSG"


def test_structure_form_errors(client, make_user, login):
    login(make_user(role="admin"))
    response = post_form(
        client,
        "/structures/new",
        {"name": "", "kind": "fusée", "department": "999", "website": "pas une url"},
    )
    assert response.status_code == 400
    html = response.get_data(as_text=True)
    assert "Indiquez le nom." in html and "Adresse web invalide." in html
    assert db.session.scalar(db.select(db.func.count(Structure.id))) == 0
