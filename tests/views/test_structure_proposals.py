"""Issue 12.1: a member proposes their structure (from « Mon compte » or at registration);
moderators validate, edit or merge it; territories count validated structures."""

import re
from html import unescape

import pytest

from forum.extensions import db
from forum.models import ModerationLog, Parcours, Report, Structure, StructureRequest, User
from tests.conftest import post_form

FLORAC = {
    "name": "Tiers-lieu La Grange",
    "kind": "tiers-lieu",
    "department": "48",
    "commune": "Florac-Trois-Rivières",
    "website": "https://grange.example.org",
    "description": "Atelier partagé et permanences.",
}


def test_member_proposes_and_uses_their_structure_at_once(client, make_user, login, make_report):
    member = make_user(display_name="Léa Roux")
    login(member)
    page = client.get("/structures/propose")
    assert page.status_code == 200
    assert 'name="submission_token"' in page.get_data(as_text=True)
    response = post_form(client, "/structures/propose", FLORAC)
    assert response.status_code == 303
    structure = db.session.scalar(db.select(Structure))
    assert response.headers["Location"] == f"/structures/{structure.slug}"
    assert (structure.status, structure.commune, structure.department_code) == (
        "pending",
        "Florac-Trois-Rivières",
        "48",
    )
    db.session.refresh(member)
    assert member.structure_id == structure.id and member.is_referent and member.contactable

    # Their report form offers it (chosen by default); others' forms do not.
    form = client.get("/reports/new").get_data(as_text=True)
    assert f'<option selected value="{structure.id}">' in form or (
        f'value="{structure.id}" selected' in form
    )
    report = make_report(member, department="48", structure_id=structure.id)
    html = client.get(f"/reports/{report.id}").get_data(as_text=True)
    assert "Tiers-lieu La Grange" in html and "en attente de validation" in html

    # The directory lists validated structures only; the page says it awaits validation.
    assert "Tiers-lieu La Grange" not in client.get("/structures/").get_data(as_text=True)
    page = client.get(f"/structures/{structure.slug}").get_data(as_text=True)
    assert "en attente de validation" in page and "Léa Roux" in page and "référent·e" in page

    # Lozère is no zone blanche once a report is published there, whatever the structure.
    territories = client.get("/territories/").get_data(as_text=True)
    lozere = territories[territories.index("Lozère (48)") :].split("</tr>")[0]
    assert "zone blanche" not in lozere


def test_pending_structure_is_in_the_moderation_queue_and_validated(
    client, make_user, login, make_structure
):
    proposer = make_user()
    structure = make_structure(name="La Grange", department_code="48", status="pending")
    proposer.structure, proposer.structure_role = structure, "referent"
    db.session.commit()
    login(make_user(role="moderator"))
    queue = client.get("/moderation/").get_data(as_text=True)
    assert "La Grange" in queue and f"/structures/{structure.slug}/edit" in queue
    assert client.get(f"/structures/{structure.slug}/edit").status_code == 200
    response = post_form(client, f"/structures/{structure.slug}/validate", {})
    assert response.status_code == 303
    db.session.refresh(structure)
    assert structure.status == "validated"
    assert db.session.scalar(db.select(ModerationLog.action)) == "validate_structure"
    assert "La Grange" in client.get("/structures/").get_data(as_text=True)
    # Moderators review proposals; validated structures are the admins' to edit.
    assert client.get(f"/structures/{structure.slug}/edit").status_code == 403


def test_merge_moves_members_reports_and_parcours(
    client, make_user, login, make_structure, make_report
):
    from datetime import date

    target = make_structure(name="Fabrique du Lot", department_code="46")
    source = make_structure(name="Fabrique Lot", department_code="46", status="pending")
    keeper = make_user(structure=target, structure_role="referent")
    proposer = make_user(structure=source, structure_role="referent")
    report = make_report(proposer, structure_id=source.id)
    shared = Parcours(slug="p1", title="P1", department_code="46", start_date=date(2025, 1, 1))
    own = Parcours(slug="p2", title="P2", department_code="46", start_date=date(2025, 2, 1))
    shared.structures = [source, target]
    own.structures = [source]
    db.session.add_all([shared, own])
    db.session.commit()
    login(make_user(role="moderator"))

    refused = post_form(client, f"/structures/{source.slug}/merge", {"target": str(source.id)})
    assert refused.status_code == 400
    assert "N’est pas un choix valide." in refused.get_data(as_text=True)  # typographic
    assert db.session.get(Structure, source.id) is not None

    source_id, source_slug = source.id, source.slug
    response = post_form(client, f"/structures/{source_slug}/merge", {"target": str(target.id)})
    assert response.status_code == 303
    assert response.headers["Location"] == f"/structures/{target.slug}"
    db.session.expire_all()
    assert db.session.get(Structure, source_id) is None
    assert client.get(f"/structures/{source_slug}").status_code == 404
    assert db.session.get(User, proposer.id).structure_id == target.id
    assert db.session.get(User, proposer.id).structure_role == "member"  # target had one
    assert db.session.get(User, keeper.id).is_referent
    assert db.session.get(Report, report.id).structure_id == target.id
    assert [s.id for s in db.session.get(Parcours, shared.id).structures] == [target.id]
    assert [s.id for s in db.session.get(Parcours, own.id).structures] == [target.id]


def test_merge_says_how_many_reports_moved_singular_for_0_and_1(
    client, make_user, login, make_structure, make_report
):
    """French takes the singular for 0 and 1 (« 0 retour déplacé »); English does not."""
    target = make_structure(name="Fabrique du Lot", department_code="46")
    moderator = make_user(role="moderator")
    login(moderator)
    for moved, said in [
        (0, "(0 retour déplacé)"),
        (1, "(1 retour déplacé)"),
        (2, "(2 retours déplacés)"),
    ]:
        source = make_structure(name=f"Fabrique {moved}", department_code="46", status="pending")
        proposer = make_user(structure=source, structure_role="referent")
        for _ in range(moved):
            make_report(proposer, structure_id=source.id)
        page = post_form(
            client,
            f"/structures/{source.slug}/merge",
            {"target": str(target.id)},
            follow_redirects=True,
        ).get_data(as_text=True)
        assert f"Structure fusionnée dans «\u00a0Fabrique du Lot\u00a0» {said}." in page
    moderator.locale = "en"
    db.session.commit()
    source = make_structure(name="Fabrique en", department_code="46", status="pending")
    page = post_form(
        client,
        f"/structures/{source.slug}/merge",
        {"target": str(target.id)},
        follow_redirects=True,
    ).get_data(as_text=True)
    assert "Structure merged into &#34;Fabrique du Lot&#34; (0 reports moved)." in page


def test_registration_with_a_new_structure(client):
    page = client.get("/auth/register").get_data(as_text=True)
    assert "Ma structure n&#39;est pas dans la liste" in page or "pas dans la liste" in page
    fields = {
        "display_name": "Léa Roux",
        "email": "lea@example.org",
        "password": "motdepasse-solide",
        "password_confirm": "motdepasse-solide",
        "structure": "nouvelle",
    }
    # Proposing without its name: French errors, what was typed kept, nothing created.
    refused = post_form(client, "/auth/register", {**fields, **FLORAC, "name": ""})
    assert refused.status_code == 400
    html = refused.get_data(as_text=True)
    assert "Indiquez le nom de la structure." in html
    assert "Florac-Trois-Rivières" in html and "Atelier partagé et permanences." in html
    assert db.session.scalar(db.select(db.func.count(User.id))) == 0
    assert db.session.scalar(db.select(db.func.count(Structure.id))) == 0

    # A structure named as the team would pass for it (a fresh tester of issue 17
    # proposed « Équipe Maillage »; pending structures are offered to every newcomer).
    for name in ("Équipe Maillage", "La Modération", "Équipe Mаillage"):  # a Cyrillic « а »
        refused = post_form(client, "/auth/register", {**fields, **FLORAC, "name": name})
        html = refused.get_data(as_text=True).replace("&#39;", "'")
        assert refused.status_code == 400, name
        assert "celui de l'équipe de Maillage" in html or "alphabets" in html, name
        assert db.session.scalar(db.select(db.func.count(Structure.id))) == 0
    assert db.session.scalar(db.select(db.func.count(User.id))) == 0

    response = post_form(client, "/auth/register", {**fields, **FLORAC})
    assert response.status_code == 303
    user = db.session.scalar(db.select(User))
    assert user.structure.name == "Tiers-lieu La Grange" and user.structure.is_pending
    assert user.is_referent


def test_registration_without_proposal_ignores_the_proposal_fields(client):
    fields = {
        "display_name": "Jean Dupont",
        "email": "jean@example.org",
        "password": "motdepasse-solide",
        "password_confirm": "motdepasse-solide",
        "structure": "",
        "department": "",
        "website": "pas une adresse",
    }
    response = post_form(client, "/auth/register", fields)
    assert response.status_code == 303
    assert db.session.scalar(db.select(User)).structure is None
    assert db.session.scalar(db.select(db.func.count(Structure.id))) == 0


def test_proposal_errors_are_french_and_keep_the_text(client, make_user, login, make_structure):
    make_structure(name="Tiers-lieu La Grange", department_code="48")
    login(make_user())
    bad = {
        "name": "",
        "kind": "fusée",
        "department": "999",
        "commune": "Florac",
        "website": "pas une url",
        "description": "Mon texte tapé",
    }
    response = post_form(client, "/structures/propose", bad)
    assert response.status_code == 400
    html = response.get_data(as_text=True)
    assert "Indiquez le nom de la structure." in html and "Adresse web invalide." in html
    assert "Mon texte tapé" in html and 'value="Florac"' in html
    duplicate = post_form(client, "/structures/propose", FLORAC)
    assert duplicate.status_code == 400
    assert "figure déjà dans l&#39;annuaire" in duplicate.get_data(as_text=True)
    assert db.session.scalar(db.select(db.func.count(Structure.id))) == 1


def test_proposing_needs_an_approved_member(client, make_user, login):
    assert client.get("/structures/propose").status_code == 302  # to the login page
    login(make_user(approved=False))
    assert post_form(client, "/structures/propose", FLORAC).status_code == 403
    assert db.session.scalar(db.select(db.func.count(Structure.id))) == 0


def test_members_cannot_validate_or_merge(client, make_user, login, make_structure):
    pending = make_structure(status="pending")
    other = make_structure()
    login(make_user())
    assert post_form(client, f"/structures/{pending.slug}/validate", {}).status_code == 403
    merge = post_form(client, f"/structures/{pending.slug}/merge", {"target": str(other.id)})
    assert merge.status_code == 403
    assert client.get(f"/structures/{pending.slug}/edit").status_code == 403
    db.session.refresh(pending)
    assert pending.status == "pending"


def test_moderators_name_the_referent(client, make_user, login, make_structure):
    structure = make_structure(name="La Fabrique", status="pending")
    first = make_user(structure=structure, structure_role="referent")
    second = make_user(display_name="Paul Vidal", structure=structure)
    outsider = make_user()
    login(make_user(role="moderator"))
    page = client.get(f"/structures/{structure.slug}/edit").get_data(as_text=True)
    assert f"/structures/{structure.slug}/referent" in page
    refused = post_form(client, f"/structures/{structure.slug}/referent", {"member": ""})
    assert refused.status_code == 400
    assert "Choisissez un membre de la structure." in refused.get_data(as_text=True)
    stranger = post_form(
        client, f"/structures/{structure.slug}/referent", {"member": str(outsider.id)}
    )
    assert stranger.status_code == 400
    path = f"/structures/{structure.slug}/referent"
    response = post_form(client, path, {"member": str(second.id)})
    assert response.status_code == 303
    db.session.expire_all()
    assert db.session.get(User, second.id).is_referent
    assert not db.session.get(User, first.id).is_referent
    assert db.session.scalar(db.select(ModerationLog.action)) == "set_referent"


def test_a_colleague_joins_a_pending_structure_at_registration(app, client):
    """Found by a tester: the second facilitator of a proposed structure was told to pick it
    from a list that did not show it."""
    fields = {
        "password": "motdepasse-solide",
        "password_confirm": "motdepasse-solide",
        "structure": "nouvelle",
    }
    first = {**fields, "display_name": "Léa Roux", "email": "lea@example.org", **FLORAC}
    assert post_form(client, "/auth/register", first).status_code == 303
    structure = db.session.scalar(db.select(Structure))
    other = app.test_client()
    again = post_form(
        other,
        "/auth/register",
        {**first, "display_name": "Marc Vidal", "email": "marc@example.org"},
    )
    assert again.status_code == 400
    assert "attend sa validation" in again.get_data(as_text=True)
    page = other.get("/auth/register").get_data(as_text=True)
    assert f'value="{structure.id}"' in page and "en attente de validation" in page
    joined = post_form(
        other,
        "/auth/register",
        {
            **fields,
            "display_name": "Marc Vidal",
            "email": "marc@example.org",
            "structure": str(structure.id),
        },
    )
    assert joined.status_code == 303
    marc = db.session.scalar(db.select(User).where(User.email == "marc@example.org"))
    # Léa is its member already: Marc's choice is a request she accepts (the structure accepts it).
    assert marc.structure_id is None
    request = db.session.scalar(
        db.select(StructureRequest).where(StructureRequest.user_id == marc.id)
    )
    assert request.structure_id == structure.id and request.is_pending
    path = f"/structures/{structure.slug}/requests/{request.id}/accept"
    assert post_form(client, path, {}).status_code == 303  # client: Léa, its référente
    db.session.expire_all()
    assert marc.structure_id == structure.id and not marc.is_referent


@pytest.mark.parametrize(
    "proposed, existing, alike",
    [
        ("Fabrique du Lot", "La Fabrique du Lot", True),  # an article
        ("Tiers-lieu La Grange", "La Grange", True),  # the kind of structure
        ("Les Granges", "La Grange", True),  # plural, article
        ("Tiers lieu du Ségala", "Tiers-lieu du Segala", True),  # accents, hyphens
        ("Fabrqiue du Lot", "Fabrique du Lot", True),  # a typo
        ("Le Moulin", "Le Moulin de Figeac", True),  # one within the other
        ("La Fabrique", "La Grange", False),
        ("Tiers-lieu La Grange", "Tiers-lieu Le Moulin", False),  # only the kind in common
        ("Pôle territorial Val de Garonne", "Pôle territorial Sud Gironde", False),
        ("Tiers-lieu 1", "Tiers-lieu 2", False),  # numbered apart
    ],
)
def test_names_alike(proposed, existing, alike):
    from forum.services.structures import names_alike

    assert names_alike(proposed, existing) is alike
    assert names_alike(existing, proposed) is alike


def test_the_queue_flags_a_proposal_that_looks_like_a_structure_of_its_departement(
    client, make_user, login, make_structure
):
    """« ressemble à : X », in the same département only; the edit page offers X in the
    merge form, and merging stays the moderator's click."""
    fabrique = make_structure(
        name="La Fabrique du Lot", slug="fabrique-du-lot", department_code="46"
    )
    double = make_structure(name="Fabrique du lot", department_code="46", status="pending")
    elsewhere = make_structure(name="Fabrique du Lot", department_code="12", status="pending")
    moulin = make_structure(name="Le Moulin", department_code="46", status="pending")
    moulin_bis = make_structure(name="Tiers-lieu Le Moulin", department_code="46", status="pending")
    login(make_user(role="moderator"))
    html = client.get("/moderation/").get_data(as_text=True)
    items = {
        name: unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", item)))
        for item in html.split('<li class="card">')[1:]
        for name in [re.search(r"<strong>(.*?)</strong>", item).group(1)]
    }

    def flag(item):
        found = re.search(r"doublon possible ressemble à : (.*?) — comparer et fusionner", item)
        return found and found.group(1)

    assert flag(items["Fabrique du lot"]) == "La Fabrique du Lot"
    assert flag(items["Le Moulin"]) == "Tiers-lieu Le Moulin (en attente de validation)"
    assert flag(items["Tiers-lieu Le Moulin"]) == "Le Moulin (en attente de validation)"
    assert elsewhere.name in items and not flag(items[elsewhere.name])  # another département
    assert f'<a href="/structures/{double.slug}/edit#fusion">comparer et fusionner</a>' in html
    assert f'<a href="/structures/{fabrique.slug}">La Fabrique du Lot</a>' in html
    assert moulin.slug != moulin_bis.slug

    edit = client.get(f"/structures/{double.slug}/edit").get_data(as_text=True)
    assert "ressemble à :" in edit
    assert f'<option selected value="{fabrique.id}">' in edit
    assert db.session.get(Structure, double.id) is not None  # nothing merged by itself
    page = post_form(
        client,
        f"/structures/{double.slug}/merge",
        {"target": str(fabrique.id)},
        follow_redirects=True,
    ).get_data(as_text=True)
    assert "Structure fusionnée dans «\u00a0La Fabrique du Lot\u00a0»" in page
    queue = client.get("/moderation/").get_data(as_text=True)
    assert queue.count("comparer et fusionner") == 2  # the two Moulins are left
