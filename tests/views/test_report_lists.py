"""Lists, filters, module, tag, parcours and territory pages, home; SQL query counts."""

import re
from datetime import date
from html import unescape

from forum.extensions import db
from forum.models import KitModule, Parcours, Report
from forum.services import demo


def count_of(html: str) -> int:
    match = re.search(r'class="count" role="status">(\d+) retour', html)
    return int(match.group(1)) if match else 0


def published():
    return db.select(Report).where(Report.status == "published", Report.deleted_at.is_(None))


def expected(query) -> int:
    return db.session.scalar(db.select(db.func.count()).select_from(query.subquery()))


def test_list_counts_and_filters_combine(client, demo_reports):
    html = client.get("/reports/").get_data(as_text=True)
    assert count_of(html) == expected(published()) > 100
    from forum.models import ChallengeTag, KitModule, report_modules, report_tags

    module = db.session.scalar(
        db.select(KitModule).where(KitModule.slug == "modele-economique-financement")
    )
    by_module = published().join(report_modules).where(report_modules.c.module_id == module.id)
    html = client.get("/reports/?module=modele-economique-financement").get_data(as_text=True)
    assert count_of(html) == expected(by_module) > 0

    tag_ids = {t.slug: t.id for t in db.session.scalars(db.select(ChallengeTag))}

    def with_tag(query, slug):
        alias = report_tags.alias()
        return query.join(alias, alias.c.report_id == Report.id).where(
            alias.c.tag_id == tag_ids[slug]
        )

    both = with_tag(with_tag(published(), "financement"), "relation-aux-elus")
    html = client.get("/reports/?tag=financement&tag=relation-aux-elus").get_data(as_text=True)
    assert count_of(html) == expected(both)

    occitanie = published().where(
        Report.department_code.in_(
            ["09", "11", "12", "30", "31", "32", "34", "46", "48", "65", "66", "81", "82"]
        )
    )
    html = client.get("/reports/?region=76").get_data(as_text=True)
    assert count_of(html) == expected(occitanie) > 0
    lot = published().where(Report.department_code == "46", Report.format == "presentiel")
    assert count_of(
        client.get("/reports/?department=46&format=presentiel").get_data(as_text=True)
    ) == expected(lot)
    period = published().where(
        Report.session_date >= date(2025, 1, 1), Report.session_date <= date(2025, 6, 30)
    )
    assert count_of(
        client.get("/reports/?from=2025-01-01&to=2025-06-30").get_data(as_text=True)
    ) == expected(period)
    structure_q = published().where(
        Report.structure_id.in_(
            db.select(db.text("id"))
            .select_from(db.text("structure"))
            .where(db.text("slug = 'fabrique-du-lot'"))
        )
    )
    assert (
        count_of(client.get("/reports/?structure=fabrique-du-lot").get_data(as_text=True))
        == expected(structure_q)
        > 0
    )


def offered_counts(html: str) -> dict[str, dict[str, int]]:
    """The sidebar's choices and the count beside each: {filter name: {value: n}}."""
    offered: dict[str, dict[str, int]] = {}
    for name in ("module", "region", "department", "structure"):
        select = re.search(rf'<select id="f-{name}" name="{name}">(.*?)</select>', html, re.S)
        offered[name] = {
            value: int(n)
            for value, n in re.findall(
                r'<option value="([^"]+)"[^>]*>[^<]*\((\d+)\)</option>', select.group(1)
            )
        }
    offered["tag"] = {
        value: int(n)
        for value, n in re.findall(
            r'name="tag" value="([^"]+)"[^>]*> <label[^>]*>[^<]*<span class="count-of">\((\d+)\)',
            html,
        )
    }
    return offered


def test_sidebar_counts_follow_the_filters(client, demo_reports):
    """A tester: « Lot (12) » in the list found 2 once a défi was ticked, the counts ignored
    the filters. Every count beside a choice is what choosing it finds with the filters in
    effect (a list's own filter replaced, a défi added to the ticked ones)."""
    unfiltered = offered_counts(client.get("/reports/").get_data(as_text=True))
    current = {"tag": "financement", "format": "presentiel"}
    html = client.get("/reports/", query_string=current).get_data(as_text=True)
    offered = offered_counts(html)
    assert offered["structure"] and offered["module"] and offered["tag"]
    assert offered["department"] != unfiltered["department"]  # the filters count
    assert offered["tag"]["financement"] == count_of(html)  # ticked: what the list shows
    for name, choices in offered.items():
        assert all(n > 0 for n in choices.values()) or name in ("tag", "module"), name
        for value, n in choices.items():
            args = (
                {**current, "tag": [current["tag"], value]}
                if name == "tag"
                else {**current, name: value}
            )
            found = count_of(client.get("/reports/", query_string=args).get_data(as_text=True))
            assert found == n, (name, value)


def test_sorting_and_pagination(client, demo_reports):
    html = client.get("/reports/?sort=session").get_data(as_text=True)
    dates = re.findall(r'<time datetime="(\d{4}-\d\d-\d\d)"', html)
    assert len(dates) == 20 and dates == sorted(dates, reverse=True)
    assert "Page 1 sur" in html and 'rel="next"' in html
    page2 = client.get("/reports/?sort=session&page=2").get_data(as_text=True)
    dates2 = re.findall(r'<time datetime="(\d{4}-\d\d-\d\d)"', page2)
    assert dates2 and dates2[0] <= dates[-1]
    assert "sort=session" in re.search(r'rel="next" href="([^"]+)"', html).group(1)


def test_bad_filter_values_never_fail(client, demo_reports):
    for query in [
        "page=-1",
        "page=abc",  # past the last page is a 404: tests/views/test_pagination_bounds.py
        "from=2024-13-45",
        "to=hier",
        "module=inconnu",
        "tag=inconnu",
        "region=ZZ",
        "department=' OR 1=1 --",
        "structure=%2F..%2F",
        "format=fusée",
        "sort=drop",
        "tag=" + "x" * 3000,
    ]:
        response = client.get(f"/reports/?{query}")
        assert response.status_code == 200, query
    assert "Date non valide ignorée" in client.get("/reports/?from=2024-13-45").get_data(
        as_text=True
    )
    # A value that names nothing finds nothing, and the page says which (« 0 retour » and
    # nothing else: a fresh tester of issue 17); known values are not named.
    html = client.get("/reports/?tag=inconnu&tag=financement&region=ZZ").get_data(as_text=True)
    assert "Filtre inconnu : défi «\u00a0inconnu\u00a0»" in html
    assert "Filtre inconnu : région «\u00a0ZZ\u00a0»" in html
    assert "financement\u00a0»" not in html and "0 retour" in html
    assert "Filtre inconnu" not in client.get("/reports/?tag=financement").get_data(as_text=True)
    # Slugs whatever their case (the search page takes « Tag:Mobilité »), and a period
    # that ends before it starts is said, as on the search page (a fresh tester of issue 17).
    assert (
        count_of(client.get("/reports/?tag=Financement").get_data(as_text=True))
        == count_of(client.get("/reports/?tag=financement").get_data(as_text=True))
        > 0
    )
    html = client.get("/reports/?from=2025-02-01&to=2025-01-01").get_data(as_text=True)
    assert "La période demandée est vide" in html and count_of(html) == 0
    assert count_of(client.get("/reports/?module=inconnu").get_data(as_text=True)) == 0
    assert "Retirer les filtres" in client.get("/reports/?module=inconnu").get_data(as_text=True)


def test_list_runs_a_constant_number_of_queries(client, demo_reports, count_queries):
    """However many reports: the same statements when the page is built after a change
    (cold: counts and ids recomputed) and fewer when it was already built since (warm)."""

    def queries_for(url):
        counts = []
        for _ in range(2):  # cold, then warm
            with count_queries() as statements:
                assert client.get(url).status_code == 200
            counts.append(len(statements))
        return tuple(counts)

    urls = (
        "/reports/?tag=financement",
        "/reports/",
        "/reports/?module=plan-action-suites&region=75&sort=session",
    )
    demo.add_reports(1, seed=3)  # every cache cold
    before = {url: queries_for(url) for url in urls}
    demo.add_reports(200, seed=7)
    after = {url: queries_for(url) for url in urls}
    assert after == before
    colds = {cold for cold, _ in before.values()}
    warms = {warm for _, warm in before.values()}
    assert len(warms) == 1 and max(warms) <= 6
    assert max(colds) <= 10 and max(warms) < min(colds)  # every facet: one statement


def test_report_page_runs_a_constant_number_of_queries(client, demo_reports, count_queries):
    """Whatever the report: 3 statements once built (the content stamp, the report's row,
    its thread), its article and replies being kept rendered per stamp; the first time,
    the report with its modules and tags (3), its files, its thread, its replies when it
    has some (all at once, then their files) and « retours similaires » (then kept). Reports taken in id order: the
    database's own order varies."""
    from forum.models import Discussion

    threaded = set(
        db.session.scalars(db.select(Discussion.report_id).where(Discussion.report_id.is_not(None)))
    )
    ids = list(
        db.session.scalars(published().with_only_columns(Report.id).order_by(Report.id).limit(12))
    )
    assert threaded & set(ids) and set(ids) - threaded  # both kinds are measured
    for report_id in ids:
        counts = []
        for _ in range(2):
            with count_queries() as statements:
                assert client.get(f"/reports/{report_id}").status_code == 200
            counts.append(len(statements))
        cold = 9 if report_id in threaded else 7
        assert counts == [cold, 3], report_id


def test_related_reports_share_modules_and_tags(client, demo_reports):
    report = db.session.scalar(published().order_by(Report.id.desc()))
    html = client.get(f"/reports/{report.id}").get_data(as_text=True)
    related_ids = [
        int(i)
        for i in re.findall(r'<li><a href="/reports/(\d+)">', html.split("related-title")[-1])
    ]
    assert related_ids and report.id not in related_ids
    mine = {t.id for t in report.tags} | {-m.id for m in report.modules}
    for rid in related_ids:
        other = db.session.get(Report, rid)
        assert mine & ({t.id for t in other.tags} | {-m.id for m in other.modules})


def test_modules_pages(client, demo_reports):
    html = unescape(client.get("/modules/").get_data(as_text=True))
    modules = list(db.session.scalars(db.select(KitModule).order_by(KitModule.position)))
    assert len(modules) == 6
    positions = [html.find(m.title) for m in modules]
    assert positions == sorted(positions) and -1 not in positions
    page = client.get("/modules/confronter-idee-terrain").get_data(as_text=True)
    assert "Objectifs" in page and "Outils d’animation suggérés" in page
    assert "Défis les plus rencontrés dans ce module" in page
    assert client.get("/modules/inconnu").status_code == 404


def test_admins_edit_reorder_and_extend_modules(client, make_user, login):
    from tests.conftest import post_form

    member = make_user()
    login(member)
    assert client.get("/modules/new").status_code == 403
    assert (
        post_form(client, "/modules/plan-action-suites/move", {"direction": "up"}).status_code
        == 403
    )
    post_form(client, "/auth/logout", {})
    login(make_user(role="admin"))
    response = post_form(
        client,
        "/modules/new",
        {
            "title": "Séance bonus : pitcher son projet",
            "summary": "Présenter son projet en 3 minutes.",
            "objectives": "Pitcher\nÉcouter",
            "description": "**Temps 1** : préparation",
            "tools": "Chronomètre",
        },
    )
    assert response.status_code == 303
    bonus = db.session.scalar(
        db.select(KitModule).where(KitModule.slug == "seance-bonus-pitcher-son-projet")
    )
    assert bonus.position == 7 and "<strong>Temps 1</strong>" in bonus.description_html
    assert post_form(client, f"/modules/{bonus.slug}/move", {"direction": "up"}).status_code == 303
    db.session.expire_all()
    order = list(db.session.scalars(db.select(KitModule.slug).order_by(KitModule.position)))
    assert order[5] == bonus.slug and order[6] == "plan-action-suites"
    response = post_form(
        client,
        "/modules/emergence-interconnaissance/edit",
        {"title": "", "summary": "", "objectives": "", "description": "", "tools": ""},
    )
    assert response.status_code == 400 and "Indiquez le titre." in response.get_data(as_text=True)
    top = post_form(
        client,
        "/modules/emergence-interconnaissance/move",
        {"direction": "up"},
        follow_redirects=True,
    )
    assert "déjà à cette extrémité" in top.get_data(as_text=True)


def test_tags_pages(client, demo_reports):
    html = client.get("/tags/").get_data(as_text=True)
    assert "Financement" in html and "Mobilité" in html
    assert "Saisonnalité" not in html  # the demo's proposed tag waits for moderation
    page = client.get("/tags/financement").get_data(as_text=True)
    assert count_of(page) > 0
    assert client.get("/tags/inconnu").status_code == 404


def test_parcours_page_reads_end_to_end(client, demo_reports):
    parcours = db.session.scalar(db.select(Parcours).where(Parcours.reports.any()))
    html = client.get(f"/parcours/{parcours.slug}").get_data(as_text=True)
    dates = re.findall(r'<time datetime="(\d{4}-\d\d-\d\d)"', html)
    assert dates == sorted(dates) and len(dates) >= 1
    for structure in parcours.structures:
        assert structure.name in html
    assert parcours.title in client.get("/parcours/").get_data(as_text=True)


def test_create_parcours_co_built_by_two_structures(client, make_user, login, make_structure):
    from tests.conftest import post_form

    a, b = (
        make_structure(name="Cap Solidaire", department_code="33"),
        make_structure(name="PTSG", department_code="33"),
    )
    login(make_user(structure=a))
    response = post_form(
        client,
        "/parcours/new",
        [
            ("title", "Premiers pas Sud Gironde 2026"),
            ("place", "Langon"),
            ("department", "33"),
            ("start_date", "2026-03-02"),
            ("end_date", "2026-05-11"),
            ("cohort_size", "10"),
            ("structures", str(a.id)),
            ("structures", str(b.id)),
        ],
    )
    assert response.status_code == 303
    html = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "Cap Solidaire" in html and "PTSG" in html and "Langon" in html
    bad = post_form(
        client,
        "/parcours/new",
        [
            ("title", "X2"),
            ("department", "33"),
            ("start_date", "2026-05-02"),
            ("end_date", "2026-03-01"),
            ("cohort_size", "900"),
        ],
    )
    assert bad.status_code == 400
    text = bad.get_data(as_text=True)
    assert "entre 0 et 500" in text


def test_territories_flag_zones_blanches(client, demo_reports):
    html = client.get("/territories/").get_data(as_text=True)
    assert "Nouvelle-Aquitaine" in html and "Occitanie" in html
    assert "zone blanche" in html
    lozere = re.search(r"Lozère \(48\) (<span.{0,120})", html, re.S).group(1)  # the table
    assert "zone blanche" in lozere  # the demo has no structure in Lozère


def test_home_shows_latest_reports_tags_and_modules(client, demo_reports):
    html = client.get("/").get_data(as_text=True)
    latest = db.session.scalar(published().order_by(Report.published_at.desc(), Report.id.desc()))
    assert latest.title.replace("'", "&#39;") in html
    assert "Les six modules du kit" in html and "Défis les plus discutés" in html
    assert html.count('class="tag"') >= 5


def test_results_come_before_filters_in_the_page(client, demo_reports):
    """Screen readers and browsers without CSS read the results first; the count of active
    filters sits beside the results count and links down to the filters."""
    from forum.search import engine

    engine().rebuild()
    for path in (
        "/reports/?department=23&tag=mobilite",
        "/search?q=tiers-lieux&department=23&tag=mobilite",
    ):
        html = client.get(path).get_data(as_text=True)
        results, count = html.index('id="resultats"'), html.index('class="count"')
        active = html.index('<a href="#filtres">2 filtres actifs</a>')
        filters = html.index('<details class="filters-disclosure" id="filtres">')
        assert results < count < active < filters, path
        assert html.index("Filtres (2 actifs)") > filters
        assert '<a class="skip-link" href="#resultats">' in html
    html = client.get("/reports/").get_data(as_text=True)
    assert '<a href="#filtres">Filtrer</a>' in html and "Filtres (" not in html


def test_a_module_by_its_number_and_a_place_by_its_name(client, demo_reports):
    """A fresh tester: `/reports/?module=3` said nothing and found nothing, while
    `/activity?module=3` and `module:3` in the search box work. The list takes a module by
    its number and a région or département by its name, as they do."""
    module = db.session.scalar(db.select(KitModule).where(KitModule.position == 3))
    by_slug = count_of(client.get(f"/reports/?module={module.slug}").get_data(as_text=True))
    assert by_slug > 0
    assert count_of(client.get("/reports/?module=3").get_data(as_text=True)) == by_slug
    assert count_of(client.get("/reports/?region=occitanie").get_data(as_text=True)) == count_of(
        client.get("/reports/?region=76").get_data(as_text=True)
    )
    assert count_of(client.get("/reports/?department=Lot").get_data(as_text=True)) == count_of(
        client.get("/reports/?department=46").get_data(as_text=True)
    )
    assert client.get("/reports/?module=99999999999999999999").status_code == 200


def test_the_parcours_list_writes_the_first_of_a_month_as_french_does(client, demo_reports):
    """A fresh tester: /parcours/ showed « 1 oct. 2025 » (elsewhere « 1er octobre »)."""
    from datetime import date

    parcours = db.session.scalar(db.select(Parcours).order_by(Parcours.id))
    parcours.start_date = date(2025, 10, 1)
    db.session.commit()
    html = client.get("/parcours/").get_data(as_text=True)
    assert "1er oct. 2025" in html and "1 oct. 2025" not in html


def test_a_small_cohort_is_not_shown_exactly(client, demo_reports):
    """A third fresh tester: a parcours of 2 porteurs showed « cohorte de 2 porteurs » while
    report pages, /activity and the bilan say « moins de 3 » (nobody recognisable)."""
    parcours = db.session.scalar(db.select(Parcours).order_by(Parcours.id))
    parcours.cohort_size = 2
    db.session.commit()
    detail = client.get(f"/parcours/{parcours.slug}").get_data(as_text=True)
    assert "cohorte de moins de 3 porteurs" in detail and "cohorte de 2 porteurs" not in detail
    listed = client.get("/parcours/").get_data(as_text=True)
    assert "moins de 3 porteurs" in listed and "· 2 porteurs" not in listed
