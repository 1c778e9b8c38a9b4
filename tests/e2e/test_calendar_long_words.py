"""Issue 15's tester at 360 px: long French words and URLs in the calendar's pages (event
titles, places, visio links, structure names) stay inside the screen and inside their
boxes, in Chromium."""

from datetime import datetime, timedelta

import pytest

from tests.e2e.test_accessibility import axe_violations
from tests.e2e.test_calendar import PASSWORD, log_in

WIDTH = 360
LONG_WORD = "Intercommunalité-anticonstitutionnellement-" * 3 + "Saint-Rémy-de-Provence"
LONG_URL = "https://visio.example.org/" + "salle-de-reunion-du-reseau-maillage-" * 4
# Every element whose right edge passes the screen's, or whose text is wider than its box
# (what overflow hides from scrollWidth): tag, class and text, for the failure message.
OVERFLOWING = """() => [...document.querySelectorAll('main *')].filter(el => {
  const box = el.getBoundingClientRect();
  if (box.width === 0 || getComputedStyle(el).position === 'absolute') return false;
  for (let up = el.parentElement; up; up = up.parentElement) {  // scrolls inside its box
    if (['auto', 'scroll'].includes(getComputedStyle(up).overflowX)) return false;
  }
  return box.right > window.innerWidth + 1 || el.scrollWidth > el.clientWidth + 1
    && getComputedStyle(el).overflowX === 'visible' && el.clientWidth > 0;
}).map(el => `${el.tagName}.${el.className}: ${el.textContent.trim().slice(0, 40)}`)"""
# Short words (at most 16 letters, split at spaces, hyphens and slashes where a line may
# break anyway) cut across two lines: « R/ôl/e », « Particip/ant·e » in a crushed column.
CUT_WORDS = """() => {
  const cut = [];
  const walker = document.createTreeWalker(document.querySelector('main'), NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const node = walker.currentNode;
    for (const m of node.data.matchAll(/[^\\s\\-\\/–—]+/g)) {
      if (m[0].length < 2 || m[0].length > 16) continue;
      const range = document.createRange();
      range.setStart(node, m.index);
      range.setEnd(node, m.index + m[0].length);
      const tops = new Set([...range.getClientRects()].filter(r => r.width > 0)
                                                    .map(r => Math.round(r.top)));
      if (tops.size > 1) cut.push(m[0]);
    }
  }
  return cut;
}"""


@pytest.fixture(scope="module")
def long_world(live_server):
    """An organiser and a registered member; an online event and one in a commune, both
    with titles, places and a structure name made of long words."""
    from forum.extensions import db
    from forum.models import Structure, User
    from forum.services.calendar import PARIS, EventInput, create_event, register

    _base, app = live_server
    with app.app_context():
        structure = Structure(slug="long-mots", name="Coopérative " + LONG_WORD,
                              kind="association", department_code="07", commune=LONG_WORD)  # fmt: skip
        organiser = User(email="orga-long@example.org", display_name="Organisatrice " + LONG_WORD,
                         handle="orga-long", structure=structure)  # fmt: skip
        member = User(email="membre-long@example.org", display_name="Membre " + LONG_WORD,
                      handle="membre-long", structure=structure)  # fmt: skip
        for user in (organiser, member):
            user.set_password(PASSWORD)
        db.session.add_all([structure, organiser, member])
        db.session.commit()
        start = (datetime.now(PARIS) + timedelta(days=9)).replace(
            hour=9, minute=30, second=0, microsecond=0, tzinfo=None
        )
        ids = []
        for online in (True, False):
            event = create_event(
                organiser,
                EventInput(
                    kind="echange",
                    title=f"Échange {LONG_WORD}",
                    starts_at=start,
                    ends_at=start + timedelta(hours=3),
                    department="" if online else "07",
                    commune="" if online else LONG_WORD,
                    online=online,
                    online_url=LONG_URL if online else "",
                    description=f"Voir {LONG_URL} et {LONG_WORD}.",
                ),
            )
            db.session.flush()
            register(member, event, "participant")
            ids.append(event.id)
        db.session.commit()
        return ids


@pytest.mark.parametrize("who", ["membre-long@example.org", "orga-long@example.org"])
def test_long_words_stay_inside_a_360_px_screen(live_server, long_world, new_page, who):
    base, _app = live_server
    page = new_page(width=WIDTH, height=800)
    log_in(page, base, who)
    paths = ["/events/", "/events/mine", "/events/my-feed", "/", "/notifications"]
    paths += [f"/events/{i}" for i in long_world]
    if who.startswith("orga"):
        paths += [f"/events/{long_world[0]}/edit", f"/events/{long_world[1]}/cancel"]
    for path in paths:
        page.goto(base + path)
        assert page.evaluate("document.documentElement.scrollWidth") <= WIDTH, path
        assert page.evaluate(OVERFLOWING) == [], path
        assert page.evaluate(CUT_WORDS) == [], path
        if path in ("/events/mine", f"/events/{long_world[1]}"):
            assert axe_violations(page) == [], path
