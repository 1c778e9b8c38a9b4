"""Issue 12.3: write to a structure or a member through Maillage, relayed by real SMTP,
never showing an address; limits held in the database; a log without the text."""

import re
from datetime import timedelta
from html import unescape

import pytest

from forum.extensions import db
from forum.models import ContactMessage
from forum.models.base import utcnow
from tests.conftest import post_form

MESSAGE = {
    "subject": "Parcours en Lozère",
    "body": "Bonjour, pouvons-nous échanger sur votre parcours ?",
}


@pytest.fixture
def network(make_structure, make_user):
    structure = make_structure(name="La Fabrique", department_code="46")
    referent = make_user(
        email="referente@example.org",
        display_name="Claire Fabre",
        structure=structure,
        structure_role="referent",
    )
    quiet = make_user(email="quiet@example.org", display_name="Paul", structure=structure)
    opted_out = make_user(
        email="out@example.org",
        display_name="Nina",
        structure=structure,
        structure_role="referent",
        accepts_contact=False,
    )
    willing = make_user(
        email="willing@example.org", display_name="Marc", structure=structure, accepts_contact=True
    )
    sender_structure = make_structure(name="La Grange", department_code="48", status="pending")
    sender = make_user(email="lea@example.org", display_name="Léa Roux", structure=sender_structure)
    return dict(
        structure=structure,
        referent=referent,
        quiet=quiet,
        opted_out=opted_out,
        willing=willing,
        sender=sender,
    )


def test_structure_message_reaches_only_members_who_accept(client, login, network, smtp):
    login(network["sender"])
    slug = network["structure"].slug
    page = client.get(f"/structures/{slug}/contact")
    html = page.get_data(as_text=True)
    assert page.status_code == 200 and "@example.org" not in html
    assert "Léa Roux (La Grange)" in html  # the sender's structure signs the message
    response = post_form(client, f"/structures/{slug}/contact", MESSAGE)
    assert response.status_code == 303
    assert response.headers["Location"] == f"/structures/{slug}"
    assert sorted(m["To"] for m in smtp.messages) == [
        "referente@example.org",
        "willing@example.org",
    ]  # never Paul (not chosen, not référent·e) nor Nina (opted out)
    message = smtp.messages[0]
    assert message["Subject"] == "[Maillage] Parcours en Lozère"
    assert message["Reply-To"] is None  # the sender did not agree to share it
    text = message.get_content()
    assert "Léa Roux (La Grange) écrit à La Fabrique" in text
    assert "pouvons-nous échanger" in text and "lea@example.org" not in text
    logged = db.session.scalar(db.select(ContactMessage))
    assert (logged.sender_id, logged.structure_id, logged.recipients) == (
        network["sender"].id,
        network["structure"].id,
        2,
    )
    assert not logged.share_email
    exported = client.get("/account/export").get_json()
    assert exported["contact_messages_sent"][0]["to_structure"] == "La Fabrique"
    assert "pouvons-nous" not in str(exported)  # the text is kept nowhere


def test_reply_to_only_when_the_sender_agrees(client, login, network, smtp):
    login(network["sender"])
    user_id = network["willing"].id
    response = post_form(client, f"/members/{user_id}/contact", {**MESSAGE, "share_email": "y"})
    assert response.status_code == 303
    assert response.headers["Location"] == f"/users/{user_id}"
    (message,) = smtp.messages
    assert message["To"] == "willing@example.org" and message["Reply-To"] == "lea@example.org"
    assert db.session.scalar(db.select(ContactMessage.recipient_id)) == user_id


def _banner(html: str) -> str:
    return unescape(re.search(r'<p class="banner warning" role="status">(.*?)</p>', html).group(1))


def test_member_who_opted_out_gets_nothing(client, login, network, smtp):
    login(network["sender"])
    for member in ("opted_out", "quiet"):
        user_id = network[member].id
        page = client.get(f"/members/{user_id}/contact").get_data(as_text=True)
        assert "<textarea" not in page and "@example.org" not in page
        response = post_form(client, f"/members/{user_id}/contact", MESSAGE)
        assert response.status_code == 400
    assert smtp.messages == []
    assert db.session.scalar(db.select(db.func.count(ContactMessage.id))) == 0
    profile = client.get(f"/users/{network['opted_out'].id}").get_data(as_text=True)
    assert "/contact" not in profile and "out@example.org" not in profile


def test_a_member_who_receives_nothing_is_told_plainly_and_nothing_more(
    client, login, make_user, network, smtp
):
    """One member: said in French by name, the same words whether they refused, never
    accepted or await validation (why is theirs), and their structure offered if someone
    there receives messages."""
    pending = make_user(
        email="attente@example.org",
        display_name="Sam",
        approved=False,
        accepts_contact=True,
        structure=network["structure"],
    )
    login(network["sender"])
    said = {}
    for key, member in [("opted_out", network["opted_out"]), ("quiet", network["quiet"]),
                        ("pending", pending)]:  # fmt: skip
        page = client.get(f"/members/{member.id}/contact").get_data(as_text=True)
        said[key] = _banner(page).replace(member.display_name, "X")
        assert _banner(page) == f"{member.display_name} ne reçoit pas de messages par Maillage."
        assert "Personne ici" not in page and "structure" not in _banner(page)
        offer = f'<a href="/structures/{network["structure"].slug}/contact">'
        assert offer + "Écrire plutôt à sa structure, La Fabrique</a>" in page
        assert f'<a href="/users/{member.id}">Retour au profil</a>' in page
    assert len(set(said.values())) == 1  # nothing tells a refusal from a wait

    # When nobody in their structure receives messages either, nothing is offered.
    for member in network["structure"].members:
        member.accepts_contact = False
    db.session.commit()
    page = client.get(f"/members/{network['opted_out'].id}/contact").get_data(as_text=True)
    assert "Nina ne reçoit pas de messages par Maillage." in page
    assert "sa structure" not in page
    assert smtp.messages == []


def test_the_contact_page_words_itself_for_a_member_or_a_structure(
    client, login, make_structure, make_user, network
):
    login(network["sender"])
    page = client.get(f"/members/{network['willing'].id}/contact").get_data(as_text=True)
    assert "Votre message sera transmis par e-mail à Marc. Son adresse" in unescape(page)
    assert "1 personne" not in page
    page = client.get(f"/structures/{network['structure'].slug}/contact").get_data(as_text=True)
    assert "aux 2 personnes qui acceptent d’être contactées" in unescape(page)

    silent = make_structure(name="Le Moulin", department_code="46")
    make_user(display_name="Jo", structure=silent)  # neither référent·e nor willing
    page = client.get(f"/structures/{silent.slug}/contact").get_data(as_text=True)
    assert _banner(page) == (
        "Le Moulin : aucun membre ne reçoit de messages par Maillage pour l’instant."
    )
    assert f'<a href="/structures/{silent.slug}">Retour à la page de la structure</a>' in page

    # The writer's own structure, where only the writer would receive them: « autre ».
    sender_structure = network["sender"].structure
    network["sender"].accepts_contact = True
    db.session.commit()
    page = client.get(f"/structures/{sender_structure.slug}/contact").get_data(as_text=True)
    assert _banner(page) == (
        "La Grange : aucun autre membre ne reçoit de messages par Maillage pour l’instant."
    )


def test_bad_input_french_errors_text_kept_nothing_sent(client, login, network, smtp):
    login(network["sender"])
    slug = network["structure"].slug
    response = post_form(client, f"/structures/{slug}/contact", {"subject": "", "body": "Court"})
    assert response.status_code == 400
    html = response.get_data(as_text=True).replace("&#39;", "'")
    assert "Indiquez l'objet de votre message." in html
    assert "Le message compte de 10 à 5 000 caractères." in html
    assert "Court</textarea>" in html
    assert smtp.messages == []
    assert db.session.scalar(db.select(db.func.count(ContactMessage.id))) == 0


def test_hourly_and_daily_limits_are_counted_in_the_database(client, login, network, smtp):
    sender = network["sender"]
    login(sender)
    slug = network["structure"].slug
    now = utcnow()
    db.session.add_all(
        ContactMessage(sender_id=sender.id, recipients=1, created_at=now - timedelta(minutes=m))
        for m in (1, 5, 10, 20, 50)
    )
    db.session.commit()
    response = post_form(client, f"/structures/{slug}/contact", MESSAGE)
    assert response.status_code == 429
    html = response.get_data(as_text=True).replace("&#39;", "'")
    assert "messages dans l’heure" in html and "pouvons-nous échanger" in html
    assert "Réessayez dans 10 minutes" in html  # the oldest of five, 50 minutes old
    assert 595 <= int(response.headers["Retry-After"]) <= 600  # RFC 9110 §10.2.3
    assert smtp.messages == []

    # An hour later the hourly limit is free again, but 20 in a day is the most.
    db.session.execute(db.update(ContactMessage).values(created_at=now - timedelta(hours=2)))
    db.session.add_all(
        ContactMessage(sender_id=sender.id, recipients=1, created_at=now - timedelta(hours=h))
        for h in range(3, 18)
    )
    db.session.commit()
    response = post_form(client, f"/structures/{slug}/contact", MESSAGE)
    assert response.status_code == 429
    html = response.get_data(as_text=True)
    assert "messages en 24 heures" in html and "Réessayez dans 7 heures" in html
    seven_hours = 7 * 3600  # the oldest of twenty, 17 hours old, leaves the day
    assert seven_hours - 5 <= int(response.headers["Retry-After"]) <= seven_hours
    assert smtp.messages == []

    old = ContactMessage.created_at < now - timedelta(hours=10)
    db.session.execute(db.delete(ContactMessage).where(old))
    db.session.commit()
    assert post_form(client, f"/structures/{slug}/contact", MESSAGE).status_code == 303
    assert len(smtp.messages) == 2


def test_contact_needs_an_approved_member(client, make_user, login, network, smtp):
    slug = network["structure"].slug
    assert client.get(f"/structures/{slug}/contact").status_code == 302  # to log in
    assert client.get(f"/members/{network['willing'].id}/contact").status_code == 302
    login(make_user(approved=False))
    assert post_form(client, f"/structures/{slug}/contact", MESSAGE).status_code == 403
    assert smtp.messages == []
    assert client.get("/members/999999/contact").status_code in (302, 404)


def test_moderators_see_who_wrote_to_whom_never_the_text(client, make_user, login, network, smtp):
    login(network["sender"])
    post_form(client, f"/structures/{network['structure'].slug}/contact", MESSAGE)
    post_form(client, "/auth/logout", {})
    login(make_user(role="moderator"))
    html = client.get("/moderation/").get_data(as_text=True)
    assert "Messages de contact relayés" in html and "Léa Roux" in html and "La Fabrique" in html
    assert "pouvons-nous échanger" not in html and "Parcours en Lozère" not in html


def test_contact_setting_in_my_account(client, login, network):
    referent = network["referent"]
    login(referent)
    page = client.get("/account").get_data(as_text=True)
    box = re.search(r'<input[^>]*name="accepts_contact"[^>]*>', page).group(0)
    assert "checked" in box  # on by default for a référent·e
    fields = {
        "display_name": referent.display_name,
        "locale": "fr",
        "structure": str(referent.structure_id),
    }
    assert post_form(client, "/account", fields).status_code == 303  # box left unticked
    db.session.refresh(referent)
    assert referent.accepts_contact is False and not referent.contactable
    assert post_form(client, "/account", {**fields, "accepts_contact": "y"}).status_code == 303
    db.session.refresh(referent)
    assert referent.accepts_contact is None and referent.contactable  # the référent·e default


def test_contact_traces_older_than_the_retention_go_when_a_message_is_logged(
    app, client, login, network, smtp
):
    """FORUM_CONTACT_LOG_DAYS (365 by default): older rows are deleted as a new message is
    logged, as failed logins are at each attempt; /confidentialite says so."""
    assert app.config["CONTACT_LOG_DAYS"] == 365
    page = unescape(client.get("/confidentialite").get_data(as_text=True))
    assert "Chaque trace est effacée au bout de 365 jours, au premier message relayé" in page
    app.config["CONTACT_LOG_DAYS"] = 30
    sender, other = network["sender"], network["willing"]
    now = utcnow()
    db.session.add_all(
        ContactMessage(sender_id=user.id, recipients=1, created_at=now - timedelta(days=days))
        for user, days in [(sender, 400), (other, 31), (other, 29), (sender, 2)]
    )
    db.session.commit()
    login(sender)
    assert post_form(client, f"/members/{other.id}/contact", MESSAGE).status_code == 303
    kept = db.session.scalars(db.select(ContactMessage.created_at).order_by(ContactMessage.id))
    assert [round((now - when).total_seconds() / 86400) for when in kept] == [29, 2, 0]

    page = client.get("/confidentialite").get_data(as_text=True)
    assert "au bout de 30 jours, au premier message" in unescape(page)

    # Set to 0, a day is still kept: the daily limit counts the day's messages.
    app.config["CONTACT_LOG_DAYS"] = 0
    assert "au bout de 1 jour, au premier" in unescape(
        client.get("/confidentialite").get_data(as_text=True)
    )
    assert post_form(client, f"/members/{other.id}/contact", MESSAGE).status_code == 303
    assert db.session.scalar(db.select(db.func.count(ContactMessage.id))) == 2  # today's
