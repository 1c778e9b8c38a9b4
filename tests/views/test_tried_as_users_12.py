"""What a fresh tester of issue 12 found, fixed: names and messages made of spaces, a
member leaving their structure by proposing another, suspended members reached by
contact, new accounts publishing reports without a brake, reports published empty."""

from datetime import timedelta

import sqlalchemy as sa

from forum.extensions import db
from forum.models import ContactMessage, Report, Structure, User
from forum.models.base import utcnow
from tests.conftest import post_form
from tests.views.test_reports import report_data

PROPOSAL = {"name": "Tiers-lieu La Grange", "kind": "tiers-lieu", "department": "48"}
MESSAGE = {"subject": "Parcours en Lozère", "body": "Bonjour, pouvons-nous échanger ?"}


def old_account(make_user, **fields):
    user = make_user(**fields)
    user.created_at = utcnow() - timedelta(days=30)
    db.session.commit()
    return user


def test_a_structure_name_of_spaces_is_refused_and_nothing_is_created(client, make_user, login):
    login(old_account(make_user))
    before = db.session.scalar(sa.select(sa.func.count(Structure.id)))
    for blank in ("  ", "\u00a0 \t"):
        response = post_form(client, "/structures/propose", {**PROPOSAL, "name": blank})
        assert response.status_code == 400
        assert "Indiquez le nom de la structure." in response.get_data(as_text=True)
    assert db.session.scalar(sa.select(sa.func.count(Structure.id))) == before


def test_proposing_a_structure_asks_to_leave_the_current_one_and_hands_over_the_referent_role(
    client, make_user, make_structure, login
):
    fabrique = make_structure(name="La Fabrique", department_code="46")
    claire = old_account(make_user, structure=fabrique, structure_role="referent")
    antoine = old_account(make_user, structure=fabrique, display_name="Antoine")
    login(claire)
    page = client.get("/structures/propose").get_data(as_text=True)
    assert "Vous êtes membre de «\u00a0La Fabrique\u00a0»" in page
    refused = post_form(client, "/structures/propose", PROPOSAL)
    assert refused.status_code == 400
    html = refused.get_data(as_text=True)
    assert "cochez la case pour la quitter" in html and "Tiers-lieu La Grange" in html
    db.session.expire_all()
    assert claire.structure_id == fabrique.id

    done = post_form(client, "/structures/propose", {**PROPOSAL, "leave_current": "y"})
    assert done.status_code == 303
    db.session.expire_all()
    assert claire.structure.name == "Tiers-lieu La Grange"
    assert claire.structure_role == "referent"
    assert db.session.get(User, antoine.id).structure_role == "referent"


def test_contact_with_a_subject_or_message_of_spaces_sends_nothing(
    client, make_user, make_structure, login, smtp
):
    structure = make_structure(name="La Fabrique")
    old_account(make_user, structure=structure, structure_role="referent")
    login(old_account(make_user))
    response = post_form(
        client,
        f"/structures/{structure.slug}/contact",
        {"subject": "   ", "body": "          \n\n     "},
    )
    assert response.status_code == 400
    html = response.get_data(as_text=True)
    assert "Indiquez l" in html and "Écrivez votre message." in html
    assert smtp.messages == []
    assert db.session.scalar(sa.select(sa.func.count(ContactMessage.id))) == 0


def test_a_suspended_member_cannot_be_written_to(client, make_user, login, smtp):
    suspended = old_account(make_user, accepts_contact=True, display_name="Léa Martin")
    suspended.suspended_at = utcnow()
    db.session.commit()
    login(old_account(make_user))
    assert "Écrire à Léa Martin" not in client.get(f"/users/{suspended.id}").get_data(as_text=True)
    response = post_form(client, f"/members/{suspended.id}/contact", MESSAGE)
    assert response.status_code == 400
    assert smtp.messages == []


def test_a_new_account_publishes_at_most_ten_things_an_hour(client, make_user, login):
    newcomer = make_user()  # registered now
    login(newcomer)
    statuses = [
        post_form(
            client, "/reports/new", report_data(title=f"Séance numéro {n} à Figeac")
        ).status_code
        for n in range(11)
    ]
    assert statuses[:10] == [303] * 10
    assert statuses[10] == 429
    last = post_form(client, "/reports/new", report_data(title="Séance de trop à Figeac"))
    page = last.get_data(as_text=True)
    assert "publie au plus 10 messages, retours ou rendez-vous par heure" in page
    assert "enregistrer un brouillon" in page and "Titre :" not in page  # not the title's fault
    assert "Retry-After" in last.headers
    assert "Séance de trop à Figeac" in last.get_data(as_text=True)  # what was typed stays
    # A draft is not a publication: still possible.
    draft = post_form(
        client, "/reports/new", report_data(title="Brouillon du soir", action="draft")
    )
    assert draft.status_code == 303


def test_a_report_is_not_published_without_text_but_a_draft_may_be_empty(client, make_user, login):
    login(old_account(make_user))
    empty = {name: "   " for name in ("context", "proceedings", "worked", "difficulties", "advice")}
    response = post_form(client, "/reports/new", report_data(title="Rien à dire", **empty))
    assert response.status_code == 400
    assert "Écrivez au moins une des cinq parties" in response.get_data(as_text=True)
    assert db.session.scalar(sa.select(Report).where(Report.title == "Rien à dire")) is None
    draft = post_form(
        client, "/reports/new", report_data(title="Rien à dire", action="draft", **empty)
    )
    assert draft.status_code == 303
    report = db.session.scalar(sa.select(Report).where(Report.title == "Rien à dire"))
    assert report.status == "draft"


def test_member_tools_under_a_report_are_left_out_of_print(client, make_user, login, make_report):
    member = old_account(make_user)
    report = make_report(member)
    login(member)
    html = client.get(f"/reports/{report.id}").get_data(as_text=True)
    tools = html[html.index('<div class="report-tools no-print">') :]
    tools = tools[: tools.index("</div>")]
    assert "Repartir de ce retour" in tools and "<form" in tools
    assert "Signaler" not in tools  # one's own report is edited, not flagged
    # No replies yet: the empty « Discussion » heading is not printed either.
    assert 'class="report-thread no-print"' in html


def test_home_counts_the_structures_the_directory_lists(client, make_structure):
    make_structure(name="Validée")
    make_structure(name="Proposée", status="pending")
    html = client.get("/").get_data(as_text=True)
    assert "1 structure" in html and "2 structures" not in html


def test_starting_from_nothing_is_a_blank_form(client, make_user, login):
    login(old_account(make_user))
    assert client.get("/reports/new?from=").status_code == 200


def test_invisible_characters_count_as_empty(client, make_user, make_structure, login, smtp):
    """Found by a second tester: zero-width spaces passed where spaces did not."""
    structure = make_structure(name="La Fabrique")
    old_account(make_user, structure=structure, structure_role="referent")
    login(old_account(make_user))
    invisible = "\u200b" * 12
    response = post_form(
        client, f"/structures/{structure.slug}/contact", {"subject": "Bonjour", "body": invisible}
    )
    assert response.status_code == 400
    assert "Écrivez votre message." in response.get_data(as_text=True)
    assert smtp.messages == []
    sections = {
        "context": "\u200b\u200b",
        "proceedings": "\u00a0\u00a0",
        "worked": "\u3000",
        "difficulties": "\t\n",
        "advice": "\u2028\ufeff\u2060",
    }
    published = post_form(client, "/reports/new", report_data(title="Invisible", **sections))
    assert published.status_code == 400
    assert "Écrivez au moins une des cinq parties" in published.get_data(as_text=True)
    named = post_form(client, "/structures/propose", {**PROPOSAL, "name": "\u200b\u200b\u200b"})
    assert named.status_code == 400
    assert "Indiquez le nom de la structure." in named.get_data(as_text=True)
