"""The XSS corpus in every field a member (or an admin) writes, then every page that shows
it opened in Debian's Chromium: no dialog, no `window.__xss` canary, no CSP violation, no
script error, no request to another origin, and no executable markup in the live DOM.

Each page is opened twice: with the site's Content-Security-Policy (a violation would mean
a payload reached the DOM as markup that CSP had to stop), and with CSP bypassed (so that
escaping alone is judged: any payload that became markup would run or load).
"""

from dataclasses import dataclass, field
from datetime import date, datetime
from urllib.parse import quote, urlencode

import pytest

from tests.test_markup import PAYLOADS as MARKDOWN_CORPUS
from tests.views.test_report_security_and_feeds import PAYLOADS as REPORT_CORPUS
from tests.views.test_report_security_and_feeds import TITLE

# Payloads that set the canary if they ever run (the corpus calls alert(), caught as dialogs),
# break out of attributes, <textarea>, <title> and <script>, or load from another origin.
CANARY = [
    "<script>window.__xss=1</script>",
    '<img src=x onerror="window.__xss=1">',
    '<svg onload="window.__xss=1">',
    '"><script>window.__xss=1</script>',
    "'><img src=x onerror=window.__xss=1>",
    "</textarea><script>window.__xss=1</script>",
    "</title><script>window.__xss=1</script>",
    "</script><script>window.__xss=1</script>",
    '<details open ontoggle="window.__xss=1">',
    '<a href="javascript:window.__xss=1">lien</a>',
    "[lien](javascript:window.__xss=1)",
    '<iframe srcdoc="<script>parent.__xss=1</script>"></iframe>',
    '<img src="http://evil.example/pixel.png">',
    "<style>@import 'http://evil.example/x.css';</style>",
    '<base href="http://evil.example/">',
    '<meta http-equiv="refresh" content="0;url=http://evil.example/">',
]
CORPUS = CANARY + [p.values[0] for p in MARKDOWN_CORPUS] + REPORT_CORPUS + [TITLE]
SHORT = [p for p in CANARY if len(p) <= 60]  # for names, labels and titles
DOM_PROBLEMS = """() => {
  const problems = [];
  const urlAttributes = new Set(["href", "src", "action", "formaction", "data", "xlink:href",
    "poster", "srcdoc", "background", "ping", "cite"]);
  const forbidden = new Set(["iframe", "object", "embed", "base", "frame", "frameset",
    "applet", "template", "math", "svg", "style", "img", "link"]);
  for (const el of document.querySelectorAll("body *, head base, head meta[http-equiv]")) {
    const tag = el.tagName.toLowerCase();
    // Our own server-drawn charts and map (issue 16) are the only SVG a page may hold.
    const ours = tag === "svg" && el.matches("svg.map-svg, svg.chart-svg");
    if ((forbidden.has(tag) && !ours) || (tag === "meta")) problems.push(`<${tag}>`);
    for (const attr of el.attributes) {
      const name = attr.name.toLowerCase();
      if (name.startsWith("on") || name === "style") problems.push(`${tag} ${name}=`);
      if (urlAttributes.has(name)) {
        let protocol = "";
        try { protocol = new URL(attr.value, document.baseURI).protocol; } catch (e) {}
        if (["javascript:", "vbscript:", "data:"].includes(protocol)) {
          problems.push(`${tag} ${name}=${attr.value.slice(0, 60)}`);
        }
      }
    }
  }
  for (const script of document.scripts) {
    if (!script.src || new URL(script.src).origin !== location.origin) {
      problems.push(`script ${script.src || script.textContent.slice(0, 60)}`);
    }
  }
  return problems;
}"""
NOT_FOUND = "the server responded with a status of 404 (NOT FOUND)"
WATCH = """
window.__csp = [];
document.addEventListener("securitypolicyviolation",
  (e) => window.__csp.push(`${e.violatedDirective} ${e.blockedURI} ${e.sample || ""}`));
"""


@dataclass
class Planted:
    admin: str  # e-mail of the admin whose own fields carry payloads
    pages: list = field(default_factory=list)  # paths an admin opens
    public: list = field(default_factory=list)  # paths an anonymous visitor opens


def sections(offset: int) -> dict:
    """The whole corpus, spread over the five sections (each well under 100 KB)."""
    from forum.models import SECTIONS

    text = {name: "" for name in SECTIONS}
    for index, payload in enumerate(CORPUS):
        name = SECTIONS[(index + offset) % len(SECTIONS)]
        text[name] += f"**marqueur** {payload}\n\n"
    return text


@pytest.fixture(scope="module")
def planted(live_server) -> Planted:
    """Payloads in every rendered field, written through the services as the forms would."""
    from forum.extensions import db
    from forum.models import User
    from forum.search import engine
    from forum.services import discussions, moderation, modules, notifications, structures, tags
    from forum.services import parcours as parcours_service
    from forum.services.affiliation import TRUSTED_CALLER
    from forum.services.reports import ReportInput, create_report, update_report

    _base, app = live_server
    with app.app_context():

        def person(email, name, role="member", approved=True):
            user = User(email=email, display_name=name, handle=email.split("@")[0], role=role)
            user.created_at = datetime(2024, 1, 1)  # established: no new-account brake
            user.approved, user.bio = approved, "\n\n".join(CORPUS)
            user.set_password("un-mot-de-passe-solide")
            db.session.add(user)
            db.session.commit()
            return user

        admin = person("xss-admin@example.org", SHORT[1], role="admin")
        member = person("xss-membre@example.org", SHORT[2])
        person("xss-attente@example.org", SHORT[3], approved=False)
        structure = structures.save_structure(
            None,
            name=SHORT[0],
            kind="tiers-lieu",
            department_code="46",
            website='https://example.org/?"><script>window.__xss=1</script>',
            description="\n\n".join(CORPUS),
        )
        member.structure = structure
        db.session.commit()
        module = modules.save_module(
            None, SHORT[4], SHORT[5], "\n".join(SHORT), "\n\n".join(CORPUS), "\n".join(SHORT)
        )
        category = discussions.save_category(None, SHORT[6], "\n\n".join(CORPUS))
        parcours = parcours_service.create_parcours(
            SHORT[7],
            SHORT[8],
            "46",
            date(2025, 1, 6),
            None,
            8,
            [structure.id],
            creator=TRUSTED_CALLER,
        )
        reports = []
        for index, title in enumerate(SHORT):
            reports.append(
                create_report(
                    member,
                    ReportInput(
                        title=f"{title} piégé",
                        session_date=date(2025, 2, 1 + index),
                        department="46",
                        format="presentiel",
                        participants=6,
                        modules=[module.slug, "emergence-interconnaissance"],
                        structure_id=structure.id,
                        parcours_id=parcours.id,
                        tags=["mobilite"],
                        new_tags=[SHORT[9], SHORT[10]] if index == 0 else [],
                        sections=sections(index),
                        publish=True,
                    ),
                )
            )
        report = reports[0]
        edit = ReportInput(
            title=TITLE,
            session_date=report.session_date,
            department="46",
            format="hybride",
            participants=7,
            modules=[module.slug],
            structure_id=structure.id,
            tags=[t.slug for t in report.tags],
            sections=sections(3),
            publish=True,
        )
        update_report(report, member, edit)  # the history shows diffs of payloads
        proposed = [t for t in report.tags if not t.approved]
        tags.update_tag(proposed[0], proposed[0].label, "\n\n".join(CORPUS), approved=True)

        discussion = discussions.create_discussion(
            admin, SHORT[11], "\n\n".join(CORPUS), category, report.tags, [module], [report]
        )
        replies = [
            discussions.reply(discussion, member, f"@xss-admin {payload}") for payload in CORPUS[:8]
        ]
        discussions.edit_post(replies[0], member, "\n\n".join(CORPUS[8:20]))
        moderation.flag_post(replies[1], admin, "\n".join(SHORT))
        discussions.accept_answer(discussion, replies[2])
        moderation.set_pinned(discussion, admin, True)
        thread = discussions.report_thread(report)
        db.session.commit()
        quoted = discussions.reply(thread, admin, "\n\n".join(CORPUS[:30]))
        db.session.commit()  # as the requests that wrote them would
        while notifications.process_events():
            pass
        engine().sync()

        ids = dict(r=report.id, d=discussion.id, p=replies[0].id, q=quoted.id, c=category.id)
        ids.update(t=proposed[0].slug, m=module.slug, s=structure.slug, pc=parcours.slug)
        ids.update(u=member.id, a=admin.id)

    reflected = " ".join(SHORT[:6])
    filters = urlencode(
        {"q": reflected, "module": SHORT[0], "tag": SHORT[1], "structure": SHORT[2],
         "region": SHORT[3], "department": SHORT[4], "from": SHORT[5], "to": SHORT[6],
         "type": SHORT[7], "format": SHORT[8], "sort": SHORT[9], "page": SHORT[10]}
    )  # fmt: skip
    pages = [
        "/",
        "/reports/",
        f"/reports/?{filters}",
        "/reports/{r}",
        "/reports/{r}?quote={q}",  # the reply box filled with a quoted payload
        "/reports/{r}/history",
        "/reports/{r}/edit",
        f"/reports/new?module={quote(SHORT[0])}",
        "/tags/",
        "/tags/{t}",
        f"/tags/{{t}}?{filters}",
        "/tags/{t}/edit",
        "/modules/",
        "/modules/{m}",
        "/modules/{m}/edit",
        "/parcours/",
        "/parcours/{pc}",
        "/structures/",
        f"/structures/?{filters}",
        "/structures/{s}",
        "/structures/{s}/edit",
        "/discussions/",
        f"/discussions/?category={quote(SHORT[0])}&tag={quote(SHORT[1])}",
        "/discussions/{d}",
        "/discussions/{d}?quote={p}",
        f"/discussions/new?category={quote(SHORT[2])}&report={{r}}",
        "/posts/{p}/edit",
        "/posts/{p}/history",
        "/posts/{p}/flag",
        "/users/{u}",
        "/users/{a}",
        "/account",
        "/notifications",
        "/bookmarks",
        "/moderation/",
        "/admin/accounts",
        "/admin/categories",
        "/admin/categories/{c}/edit",
        "/territories/",
        f"/search?{filters}",
        "/search?q=marqueur",  # hits, with highlighted snippets of the payloads
        f"/search?q={quote('piégé ' + SHORT[0])}",
        f"/nulle-part/{quote(SHORT[0])}",  # the 404 page
    ]
    public = [
        "/reports/{r}",
        "/discussions/{d}",
        "/search?q=marqueur",
        f"/auth/login?next={quote(SHORT[0])}",
        f"/auth/login?next={quote('javascript:window.__xss=1')}",
        "/auth/register",
        f"/auth/reset/{quote(SHORT[0])}",
    ]
    return Planted(
        "xss-admin@example.org",
        [p.format(**ids) for p in pages],
        [p.format(**ids) for p in public],
    )


def _watch(page, base: str) -> dict:
    """Record what a payload that got through would cause."""
    seen = {"dialogs": [], "console": [], "errors": [], "foreign": []}
    page.on("dialog", lambda d: (seen["dialogs"].append(d.message), d.dismiss()))
    page.on(
        "console",
        lambda m: m.type in ("error", "warning") and seen["console"].append(m.text),
    )
    page.on("pageerror", lambda e: seen["errors"].append(str(e)))
    page.on(
        "request",
        lambda r: r.url.startswith((base, "data:")) or seen["foreign"].append(r.url),
    )
    return seen


def _open_all(browser, base: str, paths: list[str], csp: bool, email: str | None) -> list:
    context = browser.new_context(bypass_csp=not csp, locale="fr-FR")
    context.add_init_script(WATCH)
    page = context.new_page()
    page.set_default_timeout(60_000)  # a ceiling for a loaded machine
    seen = _watch(page, base)
    if email:
        page.goto(f"{base}/auth/login")
        page.get_by_label("Adresse e-mail").fill(email)
        page.get_by_label("Mot de passe").fill("un-mot-de-passe-solide")
        page.get_by_role("button", name="Se connecter").click()
        page.wait_for_url(f"{base}/")
    failures = []
    for path in paths:
        for key in seen:
            seen[key].clear()
        response = page.goto(base + path, wait_until="load")
        if response.status == 404:  # the page itself (a 404 page is still checked)
            seen["console"].remove(f"Failed to load resource: {NOT_FOUND}")
        found = {
            "canary": page.evaluate("() => window.__xss"),
            "csp": page.evaluate("() => window.__csp"),
            "dom": page.evaluate(DOM_PROBLEMS),
            "moved": None if page.url.startswith(base) else page.url,
            **{key: list(values) for key, values in seen.items()},
        }
        html = page.content()
        # Not vacuous: every page shows payloads (as text), and search highlights them.
        found["missing"] = "__xss" not in html or ("q=marqueur" in path and "<mark>" not in html)
        found = {key: value for key, value in found.items() if value}
        if found:
            failures.append((path, found))
    context.close()
    return failures


@pytest.mark.parametrize("csp", [True, False], ids=["with-csp", "csp-bypassed"])
def test_no_payload_runs_on_any_page(live_server, browser, planted, csp):
    base, _app = live_server
    failures = _open_all(browser, base, planted.pages, csp, planted.admin)
    failures += _open_all(browser, base, planted.public, csp, None)
    assert failures == []


def test_the_oracles_see_a_payload_that_gets_through(live_server, browser):
    """The same checks fire on a page where markup is injected on purpose."""
    base, _app = live_server
    injected = """() => { const div = document.createElement("div");
      div.innerHTML = '<img src=x onerror="window.__xss=1;alert(1)">'
        + '<a href="javascript:alert(2)">x</a><img src="http://evil.example/p.png">';
      document.body.append(div); }"""
    for csp in (False, True):
        context = browser.new_context(bypass_csp=not csp)
        context.add_init_script(WATCH)
        page = context.new_page()
        seen = _watch(page, base)
        page.goto(f"{base}/accessibilite")
        page.evaluate(injected)
        problems = page.evaluate(DOM_PROBLEMS)
        assert "img onerror=" in problems and any("javascript:" in p for p in problems)
        if csp:
            page.wait_for_function("() => window.__csp.length >= 2")  # the handler, the image
            assert any("Content Security Policy" in text for text in seen["console"])
        else:
            page.wait_for_function("() => window.__xss === 1")
            assert seen["dialogs"] == ["1"]
            assert any("evil.example" in url for url in seen["foreign"])
        context.close()
