"""E-mail settings per kind × mode on the account page, and delivery that follows them:
immediately, in the daily or the weekly digest, or never; a real SMTP server."""

import re
from datetime import timedelta

import pytest

from forum.extensions import db
from forum.models import Notification, User
from forum.models.base import utcnow
from forum.services import discussions, notification_settings, notifications, watches
from tests.conftest import post_form

OLD = utcnow() - timedelta(days=30)
KINDS = list(notification_settings.KINDS)
# Daily digests wherever a digest is offered (the reminders are sent or not: immediate)
ALL_DAILY = {
    f"mode_{name}": "daily" if "daily" in kind.modes else "immediate"
    for name, kind in notification_settings.KINDS.items()
}


@pytest.fixture
def people(make_user):
    return dict(
        alice=make_user(display_name="Alice Martin", handle="alice", created_at=OLD),
        elodie=make_user(display_name="Élodie Roux", handle="elodie", created_at=OLD),
    )


def checked(html: str) -> dict[str, str]:
    """{field name: checked value} as the page shows it."""
    return dict(
        re.findall(r'<input type="radio" name="(mode_\w+)" id="[^"]+" value="(\w+)" checked>', html)
    )


def test_account_page_has_one_fieldset_per_kind_with_the_current_mode(client, login, people):
    alice = people["alice"]
    notification_settings.save_modes(alice, {"mention": "immediate", "contact": "weekly"})
    login(alice)
    html = client.get("/account").get_data(as_text=True)
    assert (
        html.count('<fieldset id="mode_') == len(KINDS) == 11
    )  # « files » (refused uploads) added
    for label in (
        "Réponses à vos discussions, retours d'expérience et messages",
        "Mentions de votre nom (@)",
        "Vos réponses acceptées",
        "Nouveautés de ce que vous suivez : défis, modules, catégories, discussions",
        "Messages de contact adressés à votre structure",
    ):
        assert f"<legend>{label}</legend>" in html
    # the calendar's rows (issue 15), the follow-ups' (issue 16) and requests to join a
    # structure are « immédiatement » by default
    calendar_rows = {
        "mode_events": "immediate",
        "mode_reminders": "immediate",
        "mode_follow_ups": "immediate",
        "mode_membership": "immediate",
        "mode_files": "immediate",  # a refused upload: told while one still remembers it
    }
    assert checked(html) == {
        **ALL_DAILY,
        **calendar_rows,
        "mode_mention": "immediate",
        "mode_contact": "weekly",
    }
    assert '<label for="mode_reply-2">Résumé hebdomadaire</label>' in html


def test_saving_the_settings(client, login, people):
    alice = people["alice"]
    login(alice)
    choice = {
        **ALL_DAILY,
        "mode_reply": "immediate",
        "mode_watched": "weekly",
        "mode_contact": "never",
    }
    response = post_form(client, "/account/notifications", choice)
    assert response.status_code == 303
    assert response.headers["Location"].endswith("/account#email")
    db.session.expire_all()
    assert notification_settings.modes_of(alice) == {kind: choice[f"mode_{kind}"] for kind in KINDS}
    page = client.get("/account").get_data(as_text=True)
    assert "Vos choix d&#39;e-mails sont enregistrés." in page
    assert checked(page) == choice
    # A kind a client leaves out keeps its mode.
    assert post_form(client, "/account/notifications", {"mode_reply": "never"}).status_code == 303
    db.session.expire_all()
    assert notification_settings.modes_of(alice)["watched"] == "weekly"


@pytest.mark.parametrize("bad", ["hourly", "", "DAILY", "daily ", "x" * 5000])
def test_bad_input_is_refused_in_french_and_what_was_typed_is_kept(client, login, people, bad):
    alice = people["alice"]
    login(alice)
    typed = {**ALL_DAILY, "mode_reply": "immediate", "mode_mention": bad, "mode_watched": "never"}
    response = post_form(client, "/account/notifications", typed)
    assert response.status_code == 400
    html = response.get_data(as_text=True)
    message = "Choisissez «\u00a0Immédiatement\u00a0», «\u00a0Résumé quotidien\u00a0», «\u00a0Résumé hebdomadaire\u00a0» ou «\u00a0Jamais\u00a0»."
    assert f'<p class="error" id="mode_mention-error">{message}</p>' in html
    assert 'aria-describedby="mode_mention-error"' in html
    assert 'href="#mode_mention"' in html  # the error summary leads to the fieldset
    # The other choices are shown as typed; the bad one has nothing checked.
    assert checked(html) == {k: v for k, v in typed.items() if k != "mode_mention"}
    db.session.expire_all()
    assert (
        notification_settings.modes_of(alice) == notification_settings.defaults()
    )  # nothing saved


def test_a_nul_byte_is_removed_from_a_value_and_refused_in_a_name(client, login, people):
    # fix13: a NUL in a value is removed (forum.security.FormRequest), as in a text typed
    # with one; no field is named with one: that request is still refused, calmly.
    login(people["alice"])
    response = post_form(client, "/account/notifications", {**ALL_DAILY, "mode_reply": "daily\x00"})
    assert response.status_code == 303
    db.session.expire_all()
    assert notification_settings.modes_of(people["alice"])["reply"] == "daily"
    response = post_form(client, "/account/notifications", {**ALL_DAILY, "mode\x00": "daily"})
    assert response.status_code == 400
    assert "octet nul" in response.get_data(as_text=True)


def test_settings_need_the_csrf_token(client, login, people):
    alice = people["alice"]
    login(alice)
    response = client.post("/account/notifications", data={**ALL_DAILY, "mode_reply": "never"})
    assert response.status_code == 400
    assert "Le formulaire a expiré" in response.get_data(as_text=True)
    db.session.expire_all()
    assert notification_settings.modes_of(alice)["reply"] == "daily"


def test_one_click_unsubscribe_sets_every_kind_to_never(client, login, people):
    alice = people["alice"]
    notification_settings.save_modes(alice, {"mention": "immediate"})
    token = notifications.unsubscribe_token(alice)
    assert client.post(f"/notifications/unsubscribe/{token}").status_code == 200
    db.session.expire_all()
    assert set(notification_settings.modes_of(alice).values()) == {"never"}
    login(alice)
    assert set(checked(client.get("/account").get_data(as_text=True)).values()) == {"never"}


def mails_to(smtp, user) -> list:
    return [m for m in smtp.messages if m["To"] == user.email]


def test_delivery_follows_each_kinds_mode(app, people, smtp, make_user):
    """Alice: mentions at once, replies never, what she watches weekly, accepted daily."""
    alice, elodie = people["alice"], people["elodie"]
    karim = make_user(display_name="Karim Benali", handle="karim", created_at=OLD)
    notification_settings.save_modes(
        alice, {"mention": "immediate", "reply": "never", "watched": "weekly", "accepted": "daily"}
    )
    notification_settings.set_all(elodie, "never")
    notification_settings.set_all(karim, "never")
    mine = discussions.create_discussion(alice, "Ma question", "Qui ?", discussions.categories()[0])
    other = discussions.create_discussion(karim, "Autre fil", "Texte", discussions.categories()[0])
    watches.watch(alice, "discussion", other.id)
    discussions.reply(mine, elodie, "Une réponse à Alice")  # reply: never
    discussions.reply(other, elodie, "Je cite @alice ici")  # mention: immediately
    discussions.reply(other, karim, "Du neuf dans le fil suivi")  # watched: weekly
    answer = discussions.reply(other, alice, "Ma réponse")
    discussions.accept_answer(other, answer)  # accepted: daily
    notifications.process_events()

    (mention,) = mails_to(smtp, alice)
    assert "vous a mentionné" in mention["Subject"]
    assert "Je cite @alice ici" in mention.get_body(("plain",)).get_content()
    # The mention's link to a profile is relative in the stored HTML: absolute in an e-mail.
    mention_html = mention.get_body(("html",)).get_content()
    assert f'href="{app.config["BASE_URL"]}/users/{alice.id}">@alice</a>' in mention_html

    # Daily digest: the accepted answer only; the reply is never sent, the weekly waits.
    alice.weekly_digest_sent_at = utcnow() - timedelta(days=2)
    db.session.commit()
    assert notifications.send_digests() == 1
    daily = mails_to(smtp, alice)[-1]
    text = daily.get_body(("plain",)).get_content()
    assert daily["Subject"].endswith(" : 1 nouveauté") and "acceptée" in text
    assert "Une réponse à Alice" not in text and "Du neuf" not in text
    assert notifications.send_digests() == 0  # the weekly is not due yet

    # Five days later a week has passed since the last weekly digest: it goes, with the text.
    assert notifications.send_digests(now=utcnow() + timedelta(days=5)) == 1
    weekly = mails_to(smtp, alice)[-1]
    text = weekly.get_body(("plain",)).get_content()
    assert weekly["Subject"].endswith(" : 1 nouveauté")  # one followed message
    assert "Nouveau message de Karim Benali" in text and "> Du neuf dans le fil suivi" in text
    assert "Du neuf dans le fil suivi</p>" in weekly.get_body(("html",)).get_content()
    assert "Une réponse à Alice" not in text
    db.session.expire_all()
    assert db.session.get(User, alice.id).weekly_digest_sent_at is not None
    assert (
        db.session.scalar(
            db.select(db.func.count()).where(
                Notification.user_id == alice.id, Notification.emailed_at.is_(None)
            )
        )
        == 0
    )  # the never one was set aside, not left waiting
    assert notifications.send_digests(now=utcnow() + timedelta(days=5)) == 0
    assert len(mails_to(smtp, alice)) == 3


def test_the_digest_command_sends_weekly_ones_once_a_week(app, people, smtp):
    alice, elodie = people["alice"], people["elodie"]
    notification_settings.set_all(alice, "weekly")
    thread = discussions.create_discussion(alice, "Hebdo", "Texte", discussions.categories()[0])
    discussions.reply(thread, elodie, "Première")
    run = app.test_cli_runner()
    assert "1 résumé(s)" in run.invoke(args=["notifications", "send-digests"]).output
    discussions.reply(thread, elodie, "Deuxième")
    assert "0 résumé(s)" in run.invoke(args=["notifications", "send-digests"]).output
    assert len(mails_to(smtp, alice)) == 1
    assert mails_to(smtp, alice)[0]["Subject"].endswith(" : 1 nouveauté")
    discussions.reply(thread, elodie, "Troisième")
    db.session.expire_all()
    alice = db.session.get(User, alice.id)
    alice.weekly_digest_sent_at -= timedelta(days=6, hours=13)  # the next cron run, a week on
    db.session.commit()
    assert "1 résumé(s)" in run.invoke(args=["notifications", "send-digests"]).output
    assert "Deuxième" in mails_to(smtp, alice)[-1].get_body(("plain",)).get_content()
    assert mails_to(smtp, alice)[-1]["Subject"].endswith(" : 2 nouveautés")


def test_reminders_offer_no_digest(client, login, people):
    """Tester's finding (issue 15): the reminder row offered daily and weekly digests,
    which it ignored (a reminder cannot wait for a digest). It offers « Immédiatement »
    and « Jamais »; a forged digest gets a French 400; « everything daily » elsewhere
    leaves reminders on."""
    login(people["alice"])
    page = client.get("/account").get_data(as_text=True)
    row = page.split('id="mode_reminders"', 1)[1].split("</fieldset>", 1)[0]
    assert 'value="immediate"' in row and 'value="never"' in row
    assert 'value="daily"' not in row and 'value="weekly"' not in row
    response = post_form(client, "/account/notifications", {**ALL_DAILY, "mode_reminders": "daily"})
    assert response.status_code == 400
    assert "Choisissez « Immédiatement » ou « Jamais »." in response.get_data(as_text=True)
    notification_settings.set_all(people["alice"], "weekly")
    assert notification_settings.modes_of(people["alice"])["reminders"] == "immediate"
    notification_settings.set_all(people["alice"], "never")
    assert notification_settings.modes_of(people["alice"])["reminders"] == "never"
