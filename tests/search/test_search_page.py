"""The /search page: facets, field filters, highlighting, sorting, suggestions, bad input."""

import re

import pytest

from forum.extensions import db
from forum.search import engine
from tests.search.conftest import CORPUS


def page(client, **params):
    response = client.get("/search", query_string=params)
    assert response.status_code == 200
    return response.get_data(as_text=True)


def total(html):
    return int(re.search(r'class="count" role="status">(\d+) résultat', html).group(1))


def test_empty_page_shows_the_box_and_help(client):
    html = page(client)
    assert 'name="q"' in html and "Comment chercher" in html and "tag:financement" in html


def test_snippets_are_escaped_and_highlighted(corpus, client):
    html = page(client, q="financer")
    assert "<mark>financer</mark>" in html or "<mark>financées</mark>" in html
    assert total(html) == 2


def test_field_filters_in_the_box(corpus, search_ids):
    assert set(search_ids("tag:mobilite")) == {corpus["covoiturage"], corpus["transport-demande"]}
    assert search_ids("porteurs departement:46 module:confronter-idee-terrain") == [
        corpus["enquete"]
    ]
    assert set(search_ids("region:76")) == {
        corpus[k]
        for k in ("financer-garage", "isolee-porteuse", "enquete", "gouvernance", "numerique")
    }
    assert search_ids("structure:fabrique-du-lot") and len(search_ids("structure:inconnue")) == 0
    assert set(search_ids("apres:2025-05-01")) == {
        corpus[k] for k in ("isolement", "numerique", "cooperation")
    }
    assert set(search_ids("tag:mobilite avant:2025-01-01")) == {corpus["transport-demande"]}
    assert search_ids('tag:"Garde d\'enfants"')  # labels work too: slugified


def test_filters_left_out_or_either_in_the_box(corpus, client, search_ids):
    """A tester of issue 17: « -tag:financement » was read as words and left nothing out,
    « tag:a OR tag:b » found nothing. Now: a minus leaves a value out (alone or with
    words), an OR between filters of one name takes either; both backends alike."""
    financed = {corpus["cofinancement"], corpus["financer-garage"]}
    moving = {corpus["covoiturage"], corpus["transport-demande"]}
    assert set(search_ids("-tag:financement")) == set(corpus.values()) - financed
    assert search_ids("transport -tag:mobilite") == []  # its only report has that défi
    assert set(search_ids("tag:financement OR tag:mobilite")) == financed | moving
    assert set(search_ids("tag:financement OR defi:mobilite")) == financed | moving
    assert set(search_ids("porteurs -region:76")) == {
        corpus[k] for k in ("isolement", "cooperation", "cofinancement")
    }
    assert set(search_ids("-type:retour")) == set()  # only reports in this corpus
    # An unknown value left out leaves nothing out, and is said.
    html = client.get("/search", query_string={"q": "-tag:inexistant"}).get_data(as_text=True)
    assert "inexistant" in html and "Filtre inconnu" in html
    assert total(page(client, q="-tag:inexistant")) == len(corpus)


def test_french_operators_in_capitals(corpus, client, search_ids):
    """A tester typed « élus ou mairie » and got only the reports holding both words. « OU »
    and « ET » in capitals are the operators (as OR and AND), between words and between
    filters of one name; in lower case « ou » stays a common word, and the page says how
    to ask for either; inside quotes « OU » is a word of the phrase. Both backends."""
    either = set(search_ids("covoiturage")) | set(search_ids("gouvernance"))
    assert len(either) > len(search_ids("covoiturage")) > 0
    assert set(search_ids("covoiturage OU gouvernance")) == either
    assert set(search_ids("covoiturage OR gouvernance")) == either
    assert search_ids("covoiturage ou gouvernance") == search_ids("covoiturage gouvernance")
    assert search_ids("covoiturage ET gouvernance") == search_ids("covoiturage gouvernance")
    moving = {corpus["covoiturage"], corpus["transport-demande"]}
    financed = {corpus["cofinancement"], corpus["financer-garage"]}
    assert set(search_ids("tag:financement OU tag:mobilite")) == financed | moving
    # shown back as typed, not as the OR it is read as (a third fresh tester)
    shown = page(client, q="covoiturag OU gouvernanse")
    suggestion = re.search(r'<p class="suggestion">(.*?)</p>', shown, re.S).group(1)
    assert "covoiturag OU gouvernance</a>" in suggestion and " OR " not in suggestion
    said = "pour trouver l’un ou l’autre, écrivez OU en capitales"
    assert said in page(client, q="covoiturage ou gouvernance")
    assert said in page(client, q="covoiturage Ou gouvernance")  # a phone's capital
    assert said not in page(client, q="covoiturage OU gouvernance")
    assert said not in page(client, q='"covoiturage ou gouvernance"')
    assert said not in page(client, q="où trouver un garage")


def test_widened_queries_say_how_many_held_every_word(corpus, client):
    """« covoiturage porteuses »: one report holds both words; the page said « Aucun retour
    ne contient tous les mots » (false). It says how many did, and they come first."""
    html = client.get("/search", query_string={"q": "covoiturage porteuses"}).get_data(as_text=True)
    assert "1 résultat contient tous les mots (en tête)" in html
    assert "Aucun retour ne contient tous les mots" not in html
    html = client.get("/search", query_string={"q": "financement mobilité"}).get_data(as_text=True)
    assert "Aucun retour ne contient tous les mots" in html


def test_facet_counts_and_url_filters(corpus, client, search_ids):
    html = page(client, q="porteurs")
    n = total(html)
    assert n >= 6
    module_counts = dict(
        re.findall(
            r'href="/search\?q=porteurs&amp;module=([\w-]+)"\s*>[^<]*<span class="count"[^>]*>(\d+)<',
            html,
        )
    )
    assert module_counts and sum(map(int, module_counts.values())) >= n
    slug, count = next(iter(module_counts.items()))
    assert len(search_ids("porteurs", module=slug)) == int(count)
    both = search_ids("", tag=["mobilite", "garde-d-enfants"])
    assert both == [corpus["transport-demande"]]
    assert set(search_ids("", department=["19", "23"])) == {
        corpus[k] for k in ("covoiturage", "transport-demande", "isolement")
    }
    assert set(search_ids("", **{"from": "2025-06-01", "to": "2025-09-23"})) == {
        corpus["numerique"],
        corpus["cooperation"],
    }


def test_sort_by_date(corpus, client, search_ids):
    ids = search_ids("porteurs", sort="date")
    dates = {corpus[key]: day for key, _, _, _, _, day, _ in CORPUS}
    assert [dates[i] for i in ids] == sorted((dates[i] for i in ids), reverse=True)


def test_dates_with_only_discussions_say_why_nothing_is_found(corpus, client):
    """« type:discussion apres:2025-01-01 » found nothing and said nothing (a fresh tester
    of issue 17): dates are sessions', which only reports have."""
    said = "Les dates portent sur les séances"
    assert said in page(client, q="type:discussion apres:2025-01-01")
    assert said in page(client, q="porteurs", type="post", **{"from": "2025-01-01"})
    assert said not in page(client, q="porteurs apres:2025-01-01")
    assert said not in page(client, q="porteurs type:retour apres:2025-01-01")
    assert said not in page(client, q="type:discussion")


def test_a_departement_outside_the_region_is_said(corpus, client):
    """« porteurs region:occitanie departement:gironde » found nothing with no word (the
    second fresh tester of issue 17; /activity said it)."""
    said = "aucun retour ne peut correspondre aux deux filtres"
    html = page(client, q="porteurs region:occitanie departement:gironde")
    assert said in html and "«\u00a0Gironde\u00a0»" in html and total(html) == 0
    assert said in page(client, q="porteurs", region="76", department="33")
    assert said not in page(client, q="porteurs region:occitanie departement:lot")
    assert said not in page(client, q="porteurs", region="76", department=["33", "46"])


def test_the_period_form_keeps_the_sort(corpus, client):
    """« Appliquer » under « Période » dropped the sort by date (a fresh tester of issue 17)."""
    html = page(client, q="porteurs", sort="date")
    period = html.split('class="period"', 1)[1].split("</form>", 1)[0]
    assert '<input type="hidden" name="sort" value="date">' in period
    period = page(client, q="porteurs").split('class="period"', 1)[1].split("</form>", 1)[0]
    assert 'name="sort"' not in period


def test_pagination(corpus, client, search_ids):
    first = search_ids("", region=["75", "76"])
    second = search_ids("", region=["75", "76"], page=2)
    assert len(first) == 10 and 1 <= len(second) and not set(first) & set(second)


def test_a_misspelling_that_finds_nothing_shows_its_correction(corpus, client):
    html = page(client, q="covoiturrage")
    assert "voici les résultats pour «\u00a0covoiturage\u00a0»" in html
    assert f'href="/reports/{corpus["covoiturage"]}"' in html


def test_a_correction_keeps_what_was_excluded(corpus, client):
    """A tester (issue 17): the correction of « finacement -porteurs » was « financement
    porteurs », the excluded word required and highlighted; « -region: » and « -tag: »
    were dropped too. Both backends: the correction changes the misspelt words only."""
    report = f'href="/reports/{corpus["covoiturage"]}"'
    html = page(client, q="covoiturrage -voiture")  # its only report says « voiture »
    assert report not in html and "covoiturage voiture" not in html
    html = page(client, q="covoiturrage -tag:mobilite")  # it is tagged mobilité
    assert report not in html
    html = page(client, q="covoiturrage -tag:garde-d-enfants")
    assert report in html and "voici les résultats pour «\u00a0covoiturage\u00a0»" in html
    html = page(client, q='covoiturrage -"tiers-lieu"')
    assert report in html and "voici les résultats pour «\u00a0covoiturage -" in html


def test_no_result_suggests_removing_filters(corpus, client):
    html = page(client, q="covoiturage", tag="gouvernance")
    assert total(html) == 0 and "retirer des filtres" in html
    html = page(client, q="zzzqqq")
    assert total(html) == 0 and "mots plus généraux" in html


@pytest.mark.parametrize(
    "q",
    [
        '"unbalanced',
        "AND",
        "OR OR",
        "-",
        "((",
        ")",
        "x" * 3000,
        "a:b:c",
        "*",
        "élu*",
        "NOT",
        '""',
        "tag:",
        "avant:2024-13-45 école",
        "%",
        "\\",
        "🙂",
        "' OR 1=1 --",
        "<script>alert(1)</script>",
    ],
)
def test_malformed_queries_never_fail(corpus, client, q):
    response = client.get("/search", query_string={"q": q})
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert "<script>alert(1)" not in html


@pytest.mark.parametrize(
    "q",
    [
        "financement'; DROP TABLE search_document; --",
        "financement \\' \\\\ '' \\",
        "financement & | ! : * <-> !!",
        "financement\x00'; DROP TABLE report; --",
        '"financement \'"',
        "tag:'; DROP TABLE report; -- financement",
    ],
)
def test_hostile_queries_are_words_never_sql_nor_tsquery(corpus, client, q):
    """Quotes, backslashes, SQL and tsquery operators are punctuation between words (the
    postgres backend binds a tsquery made of quoted lexemes: never SQL or tsquery syntax
    from the text): the page answers, finds what the bare words find, and nothing in the
    database moved."""
    from forum.models import Report
    from tests.search.conftest import CLEAN

    response = client.get("/search", query_string={"q": q})
    assert response.status_code == 200
    bare = re.sub(r"[^\w\s:]", " ", q.replace("\x00", " "))
    with client.application.test_request_context():
        assert engine().search(q).total == engine().search(bare).total
        assert engine().search("financement").total >= 2
    assert db.session.scalar(db.select(db.func.count(Report.id))) == len(CORPUS)
    assert engine().check() == CLEAN


def test_bad_parameters_never_fail(corpus, client):
    for params in (
        {"page": "-3"},
        {"page": "x"},
        {"from": "2024-13-45"},
        {"sort": "drop"},
        {"tag": "x" * 5000},
        {"type": "nope"},
    ):
        assert client.get("/search", query_string={"q": "porteurs", **params}).status_code == 200
    # A NUL pasted into the search box is read as a space (it is never stored).
    assert client.get("/search?q=a%00b").status_code == 200


def test_notices_for_long_queries_and_bad_dates(corpus, client):
    assert "500 premiers caractères" in page(client, q="porteurs " * 400)
    assert "Date non valide ignorée" in page(client, q="avant:2024-13-45 école")
    # A tester (issue 17): « apres:2025-02-30 » is in the format the notice asked for; it
    # now names the date refused and says it must exist; escaped like any typed text.
    html = page(client, q="apres:2025-02-30 avant:<b>x</b> école")
    assert (
        "Dates non valides ignorées : «\u00a02025-02-30\u00a0», «\u00a0&lt;b&gt;x&lt;/b&gt;" in html
    )
    assert "un jour qui existe" in html and "une année AAAA" in html


def test_a_year_or_a_month_is_a_period(corpus, search_ids):
    """« apres:2025 » was refused as a bad date (a fresh tester of issue 17: a facilitator
    types a year). A year or a month counts whole: its first day after « apres: », its
    last before « avant: »."""
    whole = set(search_ids("apres:2025-01-01 avant:2025-12-31"))
    assert whole and set(search_ids("apres:2025 avant:2025")) == whole
    march = set(search_ids("apres:2025-03 avant:2025-03"))
    assert march and march == set(search_ids("apres:2025-03-01 avant:2025-03-31")) != whole
    assert set(search_ids("avant:2024")) == set(search_ids("avant:2024-12-31"))


def test_similar_reports_come_from_the_index(corpus, client):
    html = client.get(f"/reports/{corpus['covoiturage']}").get_data(as_text=True)
    similar = re.findall(r'<li><a href="/reports/(\d+)">', html.split("related-title")[-1])
    assert similar and str(corpus["covoiturage"]) not in similar
    assert str(corpus["transport-demande"]) in similar[:3]  # the other mobility report


@pytest.mark.whoosh_only("an index folder removed: the postgres backend has no folder")
def test_similar_reports_fall_back_to_shared_tags_without_index(app, corpus, client):
    import shutil

    from forum.search import engine

    shutil.rmtree(app.config["SEARCH_DIR"])
    engine().store.close()
    html = client.get(f"/reports/{corpus['covoiturage']}").get_data(as_text=True)
    assert "Retours similaires" in html and f'/reports/{corpus["transport-demande"]}"' in html


def test_a_long_query_is_cut_between_words_never_inside_a_filter(corpus, client, search_ids):
    """A tester of issue 17: « tag:financement » typed 32 times was cut at 500 characters
    inside the last filter (« tag:financ »), which named nothing: 0 results, no notice."""
    q = "tag:financement " * 32
    assert len(q) > 500
    html = page(client, q=q)
    assert "seuls ses 500 premiers caractères" in html
    assert total(html) == 2 and "Filtre inconnu" not in html


def test_an_empty_filter_or_an_empty_period_is_said(corpus, client, search_ids):
    """A tester of issue 17: « tag: » alone found nothing without a word (searched as the
    word « tag »); « apres:2026-01-01 avant:2025-01-01 » gave 0 results silently."""
    html = page(client, q="tag: mobilité")
    assert "Un filtre sans valeur" in html
    assert set(search_ids("tag: mobilité")) == set(search_ids("mobilité")) != set()
    html = page(client, q="apres:2026-01-01 avant:2025-01-01")
    assert "La période demandée est vide" in html and total(html) == 0
    assert "note:" in page(client, q="note: covoiturage")  # not a filter: a word, kept


def test_facet_ties_and_a_filter_only_search(corpus, client):
    """A tester (issue 17): facets with equal counts came in the backend's own order, so
    the twelve shown differed between Whoosh and PostgreSQL; a search made only of a
    filter that names nothing offered « sans filtre » linking to the same search; the
    notice of an empty filter always named « tag: »."""
    html = page(client, q="porteurs")
    region_part = html.split(">Région</h2>", 1)[1].split("</ul>", 1)[0]
    shown = re.findall(r"region=(\w+)", region_part)
    counts = [int(n) for n in re.findall(r'class="count"[^>]*>(\d+)<', region_part)]
    assert len(counts) == len(shown) >= 2, region_part
    assert counts == sorted(counts, reverse=True)
    pairs = list(zip(counts, shown, strict=False))
    for (n1, v1), (n2, v2) in zip(pairs, pairs[1:], strict=False):
        assert n1 > n2 or v1 < v2, pairs  # ties by value
    # « Corrèze (19) (1) » read as two codes (a tester): the count has a shape of its own,
    # and says what it counts to a screen reader.
    dep_part = " ".join(html.split(">Département</h2>", 1)[1].split("</ul>", 1)[0].split())
    assert re.search(
        r'Corrèze \(19\)<span class="count" aria-hidden="true">(\d+)</span>'
        r'<span class="visually-hidden"> \(\1 résultats?\)</span>',
        dep_part,
    ), dep_part
    html = page(client, q="tag:inexistant")
    assert 'href="/search?q=tag%3Ainexistant"' not in html
    assert "voir tous les retours d’expérience" in html
    assert "«\u00a0region:\u00a0»" in page(client, q="region: covoiturage")


def test_dates_in_the_box_include_their_day(corpus, search_ids):
    """A tester of issue 17: « apres: » included its day and « avant: » left it out. Both
    include it now, as the form's « du … au … » does, on both backends."""
    march_4 = corpus["cofinancement"]  # its session was on 2025-03-04
    assert march_4 in search_ids("avant:2025-03-04")
    assert march_4 in search_ids("apres:2025-03-04")
    assert search_ids("apres:2025-03-04 avant:2025-03-04") == [march_4]
    assert march_4 not in search_ids("avant:2025-03-03") + search_ids("apres:2025-03-05")
    assert search_ids("apres:2025-03-04", to="2025-03-04") == [march_4]


def test_an_or_beside_a_filter_is_said_not_silently_misread(corpus, client, search_ids):
    """A tester of issue 17: « tag:mobilite OR financement » dropped the OR without a word;
    « financement OR tag:mobilite transport » joined « financement » and « transport » by
    it. An OR touching a filter is now dropped and said; the filter narrows the words."""
    html = page(client, q="tag:mobilite OR covoiturage")
    assert "ne relie que deux mots" in html
    assert search_ids("tag:mobilite OR covoiturage") == [corpus["covoiturage"]]
    joined = "financement OR tag:mobilite transport"  # not « financement OR transport »
    assert search_ids(joined) == search_ids("financement transport tag:mobilite")
    assert "ne relie que deux mots" in page(client, q=joined)
    assert "ne relie que deux mots" not in page(client, q="tag:mobilite OR tag:financement")
    assert "ne relie que deux mots" not in page(client, q="covoiturage OR garage")


def test_a_negative_module_number_names_nothing(corpus, client, search_ids):
    """A tester of issue 17: « module:-1 » was read as module 1."""
    html = page(client, q="module:-1")
    assert "Filtre inconnu" in html and "-1" in html and total(html) == 0
    assert search_ids("module:1")  # the first module's reports are there


def test_many_unknown_words_are_not_corrected(corpus, client):
    """A tester of issue 17: forty made-up words kept a Whoosh worker busy 3.4 s looking
    for a correction of each. Past MAX_CORRECTED_WORDS unknown words, none is offered (on
    both backends); one typo still is."""
    from forum.search.analysis import MAX_CORRECTED_WORDS

    with client.application.test_request_context():
        assert engine().search("finacement").corrected == "financement"
        many = " ".join(f"finacement{n}" for n in range(MAX_CORRECTED_WORDS + 1))
        found = engine().search(f"finacement {many}")
        assert found.suggestion is None and found.corrected is None
        assert "corrected" not in found.notices


def test_dates_add_up_and_an_excluded_date_is_said(corpus, client, search_ids):
    """A tester of issue 17: a second « apres: » replaced the first without a word, and
    « -apres: » was ignored silently. Two dates of a kind add up (the narrower period);
    an excluded date is said; an OR between two dates is said, in words that fit."""
    march_4 = corpus["cofinancement"]  # 2025-03-04
    assert search_ids("apres:2025-03-04 apres:2024-01-01 avant:2025-03-04") == [march_4]
    assert search_ids("avant:2025-03-04 avant:2026-01-01 apres:2025-03-04") == [march_4]
    html = page(client, q="-apres:2025-03-04 financement")
    assert "Une date ne s’exclut pas" in html
    html = page(client, q="financement apres:2025-01-01 OR apres:2024-01-01")
    assert "pas des dates ni des exclusions" in html


def test_the_period_form_with_its_dates_reversed_says_so(corpus, client):
    """A fresh tester of issue 17: « du 31/12/2024 au 01/01/2024 » in the « Période » form
    found nothing and said nothing (the box's « apres: » after « avant: » is explained)."""
    html = client.get(
        "/search", query_string={"q": "porteurs", "from": "2024-12-31", "to": "2024-01-01"}
    ).get_data(as_text=True)
    assert "La période demandée est vide" in html and "Séances depuis le\u00a0»" in html
    html = client.get(
        "/search", query_string={"q": "porteurs", "from": "2024-01-01", "to": "2024-12-31"}
    ).get_data(as_text=True)
    assert "La période demandée est vide" not in html


def test_the_summer_is_a_word(corpus, client, search_ids):
    """A fresh tester: « été » answered « aucun mot assez précis » and listed everything;
    « garderie d'été » found as « garderie ». The season is a word now (the participle with
    it), on both backends; « hiver » was always one."""
    summer = corpus_report(
        "Une garderie d'été pour tenir les séances de juillet",
        "En été, les porteuses ont leurs enfants toute la journée.",
    )
    html = page(client, q="été")
    assert "aucun mot assez précis" not in html
    assert search_ids("été")[0] == summer.id
    assert search_ids('"garderie d\'été"') == [summer.id]
    assert search_ids("ete") and search_ids("ete")[0] == summer.id  # typed without accent


def test_a_letter_left_out_is_put_back_first(corpus, client):
    """A fresh tester: « finacement » was corrected to « finalement », one letter changed,
    rather than « financement », the letter left out, on a base about financing. Among
    equally close words, the one the typed word misses letters of comes first (both
    backends)."""
    corpus_report(
        "Une séance qui a finalement eu lieu",
        "Reportée deux fois, la séance a finalement eu lieu.",
    )
    html = page(client, q="finacement")
    assert "voici les résultats pour «\u00a0financement\u00a0»" in html, html[:3000]


def corpus_report(title: str, context: str):
    """One more published report by the corpus' author, indexed (the search tests that need
    a word the corpus lacks)."""
    from datetime import date

    from forum.models import User
    from forum.services import reports as report_service
    from forum.services.reports import ReportInput
    from tests.search.conftest import index_ready

    author = db.session.scalar(db.select(User).where(User.display_name == "Claire F."))
    report = report_service.create_report(
        author,
        ReportInput(
            title=title,
            session_date=date(2025, 7, 3),
            department="46",
            format="presentiel",
            participants=8,
            modules=["besoin-social-utilite-sociale"],
            tags=[],
            sections={"context": context},
            publish=True,
        ),
    )
    db.session.commit()
    index_ready()
    return report
