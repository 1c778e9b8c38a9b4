"""Joining a structure that has members is a request it accepts (issue 16's tester: anyone
chose any structure in « Mon compte » and read its bilan at once). Through the real forms
and routes: the account page, registration, the structure's « Membres » page; the bilan,
the report form and the notifications as the members see them."""

from datetime import UTC, datetime, timedelta

import pytest

from forum.extensions import db
from forum.models import Notification, Report, StructureRequest, User
from forum.services import memberships, notifications, structures
from tests.conftest import CSRF_RE, IsolatedClient, post_form
from tests.views.test_reports import report_data

PASSWORD = "motdepasse-solide"


def browser(app, user):
    """A client of its own, logged in as `user` through the login form."""
    app.test_client_class = IsolatedClient
    client = app.test_client()
    response = post_form(client, "/auth/login", {"email": user.email, "password": PASSWORD})
    assert response.status_code == 303, response.get_data(as_text=True)[:300]
    return client


def choose(client, structure, name="Nouvelle Venue"):
    """Save « Mon compte » with this structure (None: none)."""
    return post_form(
        client,
        "/account",
        {
            "display_name": name,
            "bio": "",
            "structure": str(structure.id) if structure else "",
            "locale": "fr",
        },
    )


def bilan(client, structure):
    return client.get(f"/activity/bilan?structure={structure.slug}")


def decide(client, structure, request_id, decision):
    path = f"/structures/{structure.slug}/requests/{request_id}/{decision}"
    return post_form(client, path, {})


def pending(user) -> StructureRequest | None:
    db.session.expire_all()
    return memberships.pending_request_of(user)


def told(user) -> list[str]:
    """The kinds of the notifications `user` may read, after the fan-out ran."""
    notifications.process_events()
    db.session.expire_all()
    return [n.kind for n in notifications.for_user(user)]


@pytest.fixture
def lot(make_structure, make_user, make_report):
    """A structure with its référente, a plain member, and a published report."""
    structure = make_structure(name="Fabrique du Lot", slug="fabrique-du-lot", department_code="46")
    referent = make_user(
        display_name="Claire Fabre", structure=structure, structure_role="referent"
    )
    member = make_user(display_name="Mathieu Lacoste", structure=structure)
    make_report(referent, "Séance au Lot", structure_id=structure.id)
    return {"structure": structure, "referent": referent, "member": member}


def test_a_stranger_choosing_a_structure_with_members_only_asks(app, lot, make_user):
    structure = lot["structure"]
    stranger = make_user(display_name="Nouvelle Venue")
    client = browser(app, stranger)
    response = choose(client, structure)
    assert response.status_code == 303
    db.session.refresh(stranger)
    assert stranger.structure_id is None  # not a member
    request = pending(stranger)
    assert request is not None and request.structure_id == structure.id
    page = client.get("/account").get_data(as_text=True)
    assert "Demande envoyée à «\u00a0Fabrique du Lot\u00a0», en attente d’acceptation" in page
    assert "Retirer ma demande" in page
    # Nothing of the structure's opens: its bilan, its exports, filing under it.
    assert bilan(client, structure).status_code == 403
    assert client.get(f"/activity.csv?structure={structure.slug}").status_code == 403
    response = post_form(client, "/reports/new", report_data(structure=str(structure.id)))
    assert response.status_code == 400
    assert db.session.scalar(db.select(db.func.count(Report.id))) == 1
    # Its référente is told, the plain member is not (a référente decides).
    assert told(lot["referent"]) == [memberships.JOIN_REQUESTED]
    assert told(lot["member"]) == []


def test_accepted_the_member_reads_the_bilan_and_files_under_the_structure(app, lot, make_user):
    structure, referent = lot["structure"], lot["referent"]
    stranger = make_user(display_name="Nouvelle Venue")
    client = browser(app, stranger)
    choose(client, structure)
    request = pending(stranger)
    deciding = browser(app, referent)
    page = deciding.get(f"/structures/{structure.slug}/members").get_data(as_text=True)
    assert "Nouvelle Venue" in page and "Accepter" in page and "Refuser" in page
    detail = deciding.get(f"/structures/{structure.slug}").get_data(as_text=True)
    assert "1 demande pour rejoindre la structure attend votre réponse" in detail
    response = decide(deciding, structure, request.id, "accept")
    assert response.status_code == 303
    db.session.expire_all()
    assert stranger.structure_id == structure.id and stranger.structure_role == "member"
    assert db.session.get(StructureRequest, request.id).status == "accepted"
    assert bilan(client, structure).status_code == 200
    response = post_form(client, "/reports/new", report_data(structure=str(structure.id)))
    assert response.status_code == 303
    assert told(stranger) == [memberships.JOIN_ACCEPTED]
    (n,) = db.session.scalars(db.select(Notification).where(Notification.user_id == stranger.id))
    assert (
        client.get(f"/notifications/{n.id}")
        .headers["Location"]
        .endswith(f"/structures/{structure.slug}")
    )
    # Answered: the request no longer waits on the « Membres » page.
    page = deciding.get(f"/structures/{structure.slug}/members").get_data(as_text=True)
    waiting = page.split('id="demandes"')[1].split("Membres de la structure")[0]
    assert "Nouvelle Venue" not in waiting and "Aucune demande en attente." in waiting


def test_refused_the_member_stays_out(app, lot, make_user):
    structure = lot["structure"]
    stranger = make_user(display_name="Nouvelle Venue")
    client = browser(app, stranger)
    choose(client, structure)
    request = pending(stranger)
    response = decide(browser(app, lot["referent"]), structure, request.id, "refuse")
    assert response.status_code == 303
    db.session.expire_all()
    assert stranger.structure_id is None
    assert db.session.get(StructureRequest, request.id).status == "refused"
    assert bilan(client, structure).status_code == 403
    assert "en attente d’acceptation" not in client.get("/account").get_data(as_text=True)
    assert told(stranger) == [memberships.JOIN_REFUSED]


def test_the_first_member_joins_at_once_and_leaving_is_immediate(app, make_structure, make_user):
    empty = make_structure(name="Tiers-lieu vide", slug="vide", department_code="46")
    newcomer = make_user()
    client = browser(app, newcomer)
    assert choose(client, empty).status_code == 303
    db.session.expire_all()
    assert newcomer.structure_id == empty.id and pending(newcomer) is None
    assert newcomer.is_referent  # its first member answers for it
    assert bilan(client, empty).status_code == 200
    assert choose(client, None).status_code == 303
    db.session.expire_all()
    assert newcomer.structure_id is None
    assert bilan(client, empty).status_code == 403


def test_who_may_answer(app, lot, make_user):
    """Its référente, not a plain member while it has one; then any member; moderators;
    never a stranger, nor the requester."""
    structure = lot["structure"]
    members_page = f"/structures/{structure.slug}/members"
    stranger = make_user(display_name="Nouvelle Venue")
    choose(browser(app, stranger), structure)
    request = pending(stranger)
    outsider = make_user(display_name="Quelqu’un d’autre")
    for user in (lot["member"], outsider):
        client = browser(app, user)
        assert client.get(members_page).status_code == 403
        response = decide(client, structure, request.id, "accept")
        assert response.status_code == 403
        assert "référente" in response.get_data(as_text=True)
    assert pending(stranger) is not None
    # Without a référente, any member answers.
    lot["referent"].structure_role = "member"
    db.session.commit()
    assert browser(app, lot["member"]).get(members_page).status_code == 200
    # A moderator answers for any structure, but not their own request.
    moderator = make_user(role="moderator")
    mod_client = browser(app, moderator)
    choose(mod_client, structure)
    own = pending(moderator)
    assert decide(mod_client, structure, own.id, "accept").status_code == 403
    assert decide(mod_client, structure, request.id, "accept").status_code == 303
    db.session.expire_all()
    assert stranger.structure_id == structure.id
    assert moderator.structure_id is None


def test_answers_that_can_no_longer_be_given_are_4xx_in_french(app, lot, make_user):
    structure, referent = lot["structure"], lot["referent"]
    stranger = make_user(display_name="Nouvelle Venue")
    choose(browser(app, stranger), structure)
    request = pending(stranger)
    deciding = browser(app, referent)
    assert decide(deciding, structure, request.id, "refuse").status_code == 303
    response = decide(deciding, structure, request.id, "accept")  # a second click
    assert response.status_code == 409
    assert "déjà été refusée" in response.get_data(as_text=True)
    assert decide(deciding, structure, 999999, "accept").status_code == 404
    # A request to a structure the member has joined meanwhile (set by hand here).
    again = make_user(display_name="Déjà Là")
    choose(browser(app, again), structure, name="Déjà Là")  # another member's name is refused
    late = pending(again)
    again.structure_id = structure.id
    db.session.commit()
    response = decide(deciding, structure, late.id, "accept")
    assert response.status_code == 409
    assert "déjà membre" in response.get_data(as_text=True)
    # A forged POST without the CSRF token changes nothing.
    db.session.expire_all()
    again.structure_id = None
    db.session.commit()
    path = f"/structures/{structure.slug}/requests/{late.id}/accept"
    assert deciding.post(path, data={}).status_code == 400
    db.session.expire_all()
    assert db.session.get(StructureRequest, late.id).status == "pending"


def test_one_pending_request_at_a_time_and_withdrawing(app, lot, make_structure, make_user):
    structure = lot["structure"]
    other = make_structure(name="Incubateur Gironde", slug="gironde", department_code="33")
    make_user(structure=other, structure_role="referent")
    stranger = make_user(display_name="Nouvelle Venue")
    client = browser(app, stranger)
    choose(client, structure)
    first = pending(stranger)
    choose(client, structure)  # the same again: the same request
    assert pending(stranger).id == first.id
    choose(client, other)  # another one replaces it
    second = pending(stranger)
    assert second.structure_id == other.id
    assert db.session.get(StructureRequest, first.id).status == "withdrawn"
    # The replaced request can no longer be accepted.
    response = decide(browser(app, lot["referent"]), structure, first.id, "accept")
    assert response.status_code == 409
    response = post_form(client, "/account/structure-request/withdraw", {})
    assert response.status_code == 303
    assert pending(stranger) is None
    assert db.session.get(StructureRequest, second.id).status == "withdrawn"
    response = post_form(client, "/account/structure-request/withdraw", {}, follow_redirects=True)
    assert "aucune demande en attente" in response.get_data(as_text=True)
    db.session.expire_all()
    assert stranger.structure_id is None


def test_registering_with_a_structure_that_has_members_asks_it(app, client, lot):
    structure = lot["structure"]
    response = post_form(
        client,
        "/auth/register",
        {
            "email": "nouvelle@example.org",
            "password": "un-mot-de-passe-solide",
            "password_confirm": "un-mot-de-passe-solide",
            "display_name": "Nouvelle Venue",
            "structure": str(structure.id),
        },
        follow_redirects=True,
    )
    assert "en attente d’acceptation" in response.get_data(as_text=True)
    user = db.session.scalar(db.select(User).where(User.email == "nouvelle@example.org"))
    assert user.structure_id is None
    assert pending(user).structure_id == structure.id
    assert bilan(client, structure).status_code == 403


def test_the_request_notification_follows_who_may_answer(app, lot, make_user):
    """A référente who hands over the role no longer sees the request she was told of, in
    the list and in the badge alike (visible_to and its SQL twin agree)."""
    structure, referent = lot["structure"], lot["referent"]
    stranger = make_user(display_name="Nouvelle Venue")
    choose(browser(app, stranger), structure)
    assert told(referent) == [memberships.JOIN_REQUESTED]
    assert notifications.unread_count(referent) == 1
    (n,) = db.session.scalars(db.select(Notification).where(Notification.user_id == referent.id))
    location = browser(app, referent).get(f"/notifications/{n.id}").headers["Location"]
    assert location.endswith(f"/structures/{structure.slug}/members")
    structures.set_referent(structure, lot["member"], make_user(role="moderator"))
    db.session.commit()
    db.session.expire_all()
    assert told(referent) == []
    assert notifications.unread_count(referent) == 0


def test_a_merge_moves_the_requests(app, lot, make_structure, make_user):
    structure = lot["structure"]
    proposal = make_structure(name="Fabrique du Lot (doublon)", slug="doublon", status="pending")
    proposer = make_user(structure=proposal, structure_role="referent")
    stranger = make_user(display_name="Nouvelle Venue")
    memberships.choose_structure(stranger, proposal)  # as at registration
    db.session.commit()
    assert pending(stranger).structure_id == proposal.id
    structures.merge_structures(proposal, structure, make_user(role="moderator"))
    db.session.commit()
    assert pending(stranger).structure_id == structure.id
    db.session.expire_all()
    assert proposer.structure_id == structure.id  # members stay members


def test_demo_has_a_pending_request(app):
    from forum.services import demo

    demo._seed_structures()
    demo._seed_members()
    assert demo._seed_requests() == 1
    (request,) = db.session.scalars(db.select(StructureRequest))
    assert request.is_pending and request.user.structure_id is None
    assert request.structure.slug == "fabrique-du-lot"
    assert db.session.scalar(
        db.select(db.func.count(Notification.id)).where(Notification.structure_id.is_not(None))
    ) == len(memberships.deciders(request.structure))


def test_a_double_click_on_accept_accepts_and_tells_once(app, lot, make_user):
    """Two « Accepter » at the same moment (two threads, two connections): one is 303,
    the other sees the request decided (409, in French); the member is told once."""
    import threading

    from forum.models import EventOutbox

    structure, referent = lot["structure"], lot["referent"]
    stranger = make_user(display_name="Nouvelle Venue")
    choose(browser(app, stranger), structure)
    request = pending(stranger)
    clients = [browser(app, referent), browser(app, referent)]
    bodies = [
        {
            "csrf_token": next(
                g for g in CSRF_RE.search(c.get("/account").get_data(as_text=True)).groups() if g
            )
        }
        for c in clients
    ]
    path = f"/structures/{structure.slug}/requests/{request.id}/accept"
    db.session.commit()
    events_before = db.session.scalar(db.select(db.func.count(EventOutbox.id)))
    barrier = threading.Barrier(2)
    results = [None, None]

    def send(i):
        with app.app_context():
            barrier.wait()
            response = clients[i].post(path, data=bodies[i])
        results[i] = (response.status_code, response.get_data(as_text=True))

    threads = [threading.Thread(target=send, args=(i,)) for i in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(120)
    assert sorted(code for code, _body in results) == [303, 409], [r[0] for r in results]
    refused = next(body for code, body in results if code == 409)
    # Which 409 depends on when the second click reads the first one's commit: the request
    # already accepted, or its author already a member (both true, both in French).
    assert "déjà été acceptée" in refused or "Nouvelle Venue est déjà membre" in refused
    db.session.expire_all()
    assert db.session.scalar(db.select(db.func.count(EventOutbox.id))) == events_before + 1
    assert told(stranger) == [memberships.JOIN_ACCEPTED]


def test_asking_again_within_a_week_of_a_refusal_or_a_withdrawal_is_refused(app, lot, make_user):
    """Refused (or withdrawn), a member cannot ask the same structure again for 7 days:
    the account page says so (429) and its deciders are not told again."""
    structure, referent = lot["structure"], lot["referent"]
    stranger = make_user(display_name="Nouvelle Venue")
    client = browser(app, stranger)
    choose(client, structure)
    first = pending(stranger)
    assert told(referent) == [memberships.JOIN_REQUESTED]
    assert decide(browser(app, referent), structure, first.id, "refuse").status_code == 303
    response = choose(client, structure)
    assert response.status_code == 429
    page = response.get_data(as_text=True)
    assert "a été refusée il y a moins de 7 jours" in page and 'name="structure"' in page
    assert pending(stranger) is None
    assert told(referent) == [memberships.JOIN_REQUESTED]  # not told a second time
    # A week later, they may ask again.
    db.session.get(StructureRequest, first.id).decided_at -= memberships.ASK_AGAIN_AFTER
    db.session.commit()
    assert choose(client, structure).status_code == 303
    second = pending(stranger)
    assert second is not None and second.id != first.id
    # Withdrawing then asking again at once is braked the same way.
    assert post_form(client, "/account/structure-request/withdraw", {}).status_code == 303
    response = choose(client, structure)
    assert response.status_code == 429
    assert "Vous avez retiré votre demande" in response.get_data(as_text=True)
    assert pending(stranger) is None
    asked = db.select(db.func.count(StructureRequest.id)).where(
        StructureRequest.user_id == stranger.id
    )
    assert db.session.scalar(asked) == 2  # the first request and the one a week later


def test_the_account_page_says_what_happened_to_the_structure(app, make_structure, make_user):
    """« Mon compte » says which structure was left or joined, and that a référente who
    leaves gives up the role; a référente is warned on the page before."""
    mine = make_structure(name="Fabrique du Lot", slug="fabrique-du-lot", department_code="46")
    empty = make_structure(name="Incubateur Gironde", slug="gironde", department_code="33")
    referent = make_user(display_name="Claire Fabre", structure=mine, structure_role="referent")
    client = browser(app, referent)
    page = client.get("/account").get_data(as_text=True)
    assert "la quitter, ou rejoindre une autre structure, vous retire ce rôle" in page
    page = choose(client, None, name="Claire Fabre").headers["Location"]
    page = client.get(page).get_data(as_text=True)
    assert "Vous avez quitté «\u00a0Fabrique du Lot\u00a0»." in page
    assert (
        "Vous n’êtes plus la personne référente de «\u00a0Fabrique du Lot\u00a0», qui n’a" in page
    )
    page = client.get(choose(client, empty, name="Claire Fabre").headers["Location"])
    page = page.get_data(as_text=True)
    assert "Vous êtes membre de «\u00a0Incubateur Gironde\u00a0»." in page
    assert "Vous avez quitté" not in page
    # Its first member answers for it (tester: a structure left empty had no référent·e).
    assert "Vous êtes la personne référente de «\u00a0Incubateur Gironde\u00a0»" in page


def _members_by_role(structure) -> dict[str, list[str]]:
    db.session.expire_all()
    found: dict[str, list[str]] = {}
    for user in db.session.scalars(db.select(User).where(User.structure_id == structure.id)):
        found.setdefault(user.structure_role, []).append(user.display_name)
    return {role: sorted(names) for role, names in found.items()}


def test_a_referente_who_leaves_hands_the_role_to_the_longest_registered_member(
    app, lot, make_user, make_structure
):
    """Issue 16 left open: when the only référente left, nobody was designated (requests
    then went to every member). The longest-registered member takes the role, is told,
    and decides the next request; the leaver's page names them."""
    structure, referent, member = lot["structure"], lot["referent"], lot["member"]
    newer = make_user(display_name="Zoé Tardive", structure=structure)
    member.created_at -= timedelta(days=30)  # Mathieu registered long before Zoé
    newer.created_at -= timedelta(days=1)
    db.session.commit()
    client = browser(app, referent)
    assert "il revient au membre inscrit depuis le plus longtemps" in client.get(
        "/account"
    ).get_data(as_text=True)
    response = choose(client, None, name="Claire Fabre")
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert (
        "Vous n’êtes plus la personne référente de «\u00a0Fabrique du Lot\u00a0» : "
        "Mathieu Lacoste l’est désormais" in page
    )
    assert _members_by_role(structure) == {
        "referent": ["Mathieu Lacoste"],
        "member": ["Zoé Tardive"],
    }
    # Mathieu is told, with a link to the members' page; Zoé is not.
    assert told(member) == [memberships.REFERENT_NAMED]
    assert told(newer) == []
    mathieu = browser(app, member)
    page = mathieu.get("/notifications").get_data(as_text=True)
    assert "Claire Fabre a quitté «\u00a0Fabrique du Lot\u00a0» : vous en êtes désormais" in page
    notification = db.session.scalar(
        db.select(Notification).where(Notification.user_id == member.id)
    )
    opened = mathieu.get(f"/notifications/{notification.id}")
    assert opened.headers["Location"].endswith("/structures/fabrique-du-lot/members")
    # The next request goes to Mathieu alone, and Zoé may no longer answer it.
    stranger = make_user(display_name="Nouvelle Venue")
    assert choose(browser(app, stranger), structure).status_code == 303
    assert told(member) == [memberships.JOIN_REQUESTED, memberships.REFERENT_NAMED]
    assert told(newer) == []
    request = pending(stranger)
    assert decide(browser(app, newer), structure, request.id, "accept").status_code == 403
    assert decide(mathieu, structure, request.id, "accept").status_code == 303


def test_another_referente_keeps_the_role_and_nobody_is_told(app, lot, make_user):
    structure, referent = lot["structure"], lot["referent"]
    make_user(display_name="Anne Second", structure=structure, structure_role="referent")
    client = browser(app, referent)
    choose(client, None, name="Claire Fabre")
    assert _members_by_role(structure) == {
        "referent": ["Anne Second"],
        "member": ["Mathieu Lacoste"],
    }
    assert told(lot["member"]) == []


def test_a_referente_accepted_elsewhere_or_deleting_her_account_hands_over(
    app, lot, make_user, make_structure
):
    """Every way out of a structure hands the role over: accepted into another structure
    (the request's acceptance), and deleting one's account."""
    structure, referent, member = lot["structure"], lot["referent"], lot["member"]
    other = make_structure(name="Pôle Cahors", slug="pole-cahors", department_code="46")
    keeper = make_user(display_name="Hugo Cahors", structure=other, structure_role="referent")
    client = browser(app, referent)
    assert choose(client, other, name="Claire Fabre").status_code == 303
    assert _members_by_role(structure)["referent"] == ["Claire Fabre"]  # asked, not moved
    request = pending(referent)
    assert decide(browser(app, keeper), other, request.id, "accept").status_code == 303
    assert _members_by_role(structure) == {"referent": ["Mathieu Lacoste"]}
    assert memberships.REFERENT_NAMED in told(member)
    # Mathieu deletes his account: nobody is left to take the role, nothing breaks; the
    # page says what becomes of the role first.
    page = browser(app, member).get("/account/delete").get_data(as_text=True)
    assert "ce rôle reviendra au membre inscrit depuis le plus longtemps" in page
    response = post_form(
        browser(app, member),
        "/account/delete",
        {"mode": "keep", "password": PASSWORD, "confirm": "y"},
    )
    assert response.status_code == 303
    assert _members_by_role(structure) == {}
    # Hugo's newer colleague takes Pôle Cahors when Hugo deletes his account.
    db.session.refresh(referent)
    assert referent.structure_id == other.id and referent.structure_role == "member"
    response = post_form(
        browser(app, keeper),
        "/account/delete",
        {"mode": "erase", "password": PASSWORD, "confirm": "y"},
    )
    assert response.status_code == 303
    assert _members_by_role(other) == {"referent": ["Claire Fabre"]}
    # Told by « Un membre »: the account that left is gone.
    notifications.process_events()
    page = browser(app, referent).get("/notifications").get_data(as_text=True)
    assert "Un membre a quitté «\u00a0Pôle Cahors\u00a0»" in page


def test_members_without_a_referente_see_and_answer_requests(app, make_structure, make_user):
    """Tester (issue 16): in a structure with members but no référent·e, the request was
    e-mailed to its members but neither listed on their notifications page nor counted
    right. Every member may answer then (may_admit): the list, the badge and the members'
    page must agree."""
    structure = make_structure(name="Pôle Gâtine", slug="gatine", department_code="79")
    member = make_user(display_name="Sans Rôle", structure=structure, structure_role="member")
    # Another structure, with its référente, has a request of its own (the tester's
    # database had some): the rule must look at this structure's référent·e only.
    other = make_structure(name="Pôle Niort", slug="niort", department_code="79")
    make_user(display_name="Réf Niort", structure=other, structure_role="referent")
    choose(browser(app, make_user(display_name="Quelqu'un")), other)
    notifications.process_events()
    stranger = make_user(display_name="Nouvelle Venue")
    choose(browser(app, stranger), structure)
    assert told(member) == [memberships.JOIN_REQUESTED]
    assert notifications.unread_count(member) == 1
    page = browser(app, member).get("/notifications").get_data(as_text=True)
    assert "Nouvelle Venue demande à rejoindre" in page
    # The same through registration, as the tester did, with the page as the member sees it.
    response = post_form(
        app.test_client(),
        "/auth/register",
        {
            "email": "autre@example.org",
            "password": "un-mot-de-passe-solide",
            "password_confirm": "un-mot-de-passe-solide",
            "display_name": "Autre Venue",
            "structure": str(structure.id),
        },
    )
    assert response.status_code in (302, 303)
    notifications.process_events()
    client = browser(app, member)
    page = client.get("/notifications").get_data(as_text=True)
    assert "Autre Venue demande à rejoindre" in page
    assert notifications.unread_count(member) == 2


@pytest.mark.parametrize("round_", range(3))
def test_two_members_leaving_at_once_leave_one_referente(
    app, migrated, make_structure, make_user, round_
):
    """Tester (issue 16): the référente and the member next in line left at the same
    moment; the role went to the member who was leaving (a référent·e of nothing) and the
    structure kept none. Leaving is serialised per structure: whatever the order, the one
    who stays is the référente, and nobody outside holds the role."""
    from tests.servers import at_once

    structure = make_structure(name=f"Pôle {round_}", slug=f"pole-{round_}", department_code="19")
    now = datetime.now(UTC).replace(tzinfo=None)
    helene = make_user(
        display_name="Hélène", structure=structure, structure_role="referent",
        created_at=now - timedelta(days=300),
    )  # fmt: skip
    yannick = make_user(
        display_name="Yannick", structure=structure, created_at=now - timedelta(days=200)
    )
    zoe = make_user(display_name="Zoé", structure=structure, created_at=now - timedelta(days=100))
    ids = [helene.id, yannick.id]

    def job(start):
        me = db.session.get(User, ids.pop())
        start.wait()
        memberships.set_structure(me, None)
        db.session.commit()

    assert not at_once([app, app], job)
    db.session.expire_all()
    assert _members_by_role(structure) == {"referent": ["Zoé"]}
    for gone in (helene, yannick):
        db.session.refresh(gone)
        assert (gone.structure_id, gone.structure_role) == (None, "member")
    assert db.session.get(User, zoe.id).is_referent


def test_a_suspended_referente_leaves_the_requests_to_the_members(app, lot, make_user):
    """Second tester (issue 16): with its référente suspended, a structure's requests
    waited on an account that cannot log in, and its members got a 403 on the page that
    answers them. A suspended référent·e counts as none: the members are told and answer."""
    from forum.services import members

    structure, referent, member = lot["structure"], lot["referent"], lot["member"]
    members.suspend(make_user(role="admin"), referent, "Absente")
    db.session.commit()
    stranger = make_user(display_name="Nouvelle Venue")
    choose(browser(app, stranger), structure)
    assert told(member) == [memberships.JOIN_REQUESTED]
    mathieu = browser(app, member)
    assert mathieu.get(f"/structures/{structure.slug}/members").status_code == 200
    request = pending(stranger)
    assert decide(mathieu, structure, request.id, "accept").status_code == 303
    db.session.expire_all()
    assert db.session.get(User, stranger.id).structure_id == structure.id


def test_requests_left_waiting_in_an_emptied_structure_go_to_its_next_referente(
    app, make_structure, make_user
):
    """Second tester (issue 16): Marion asked to join; its only member left; Mathieu chose
    it and became its référent at once, never told that Marion was waiting."""
    structure = make_structure(name="Pôle Sud Gironde", slug="sud-gironde", department_code="33")
    karim = make_user(display_name="Karim", structure=structure, structure_role="referent")
    marion = make_user(display_name="Marion Asked")
    choose(browser(app, marion), structure, name="Marion Asked")
    assert pending(marion) is not None
    assert told(karim) == [memberships.JOIN_REQUESTED]  # Karim was told
    choose(browser(app, karim), None, name="Karim")  # the last member leaves
    mathieu = make_user(display_name="Mathieu Next")
    assert choose(browser(app, mathieu), structure, name="Mathieu Next").status_code == 303
    db.session.expire_all()
    assert db.session.get(User, mathieu.id).is_referent
    assert told(mathieu) == [memberships.JOIN_REQUESTED]
    page = browser(app, mathieu).get("/notifications").get_data(as_text=True)
    assert "Marion Asked demande à rejoindre" in page


def test_a_suspended_member_does_not_take_the_role(app, lot, make_user):
    """Review: hand_over picked the longest-registered member even when suspended (an
    account that cannot answer anything); the next one takes it."""
    from forum.services import members

    structure, referent, member = lot["structure"], lot["referent"], lot["member"]
    member.created_at -= timedelta(days=60)
    later = make_user(display_name="Zoé Tardive", structure=structure)
    members.suspend(make_user(role="admin"), member, "Absent")
    db.session.commit()
    choose(browser(app, referent), None, name="Claire Fabre")
    assert _members_by_role(structure) == {
        "referent": ["Zoé Tardive"],
        "member": ["Mathieu Lacoste"],
    }
    assert told(later) == [memberships.REFERENT_NAMED]
