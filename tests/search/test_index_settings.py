"""The index follows what documents are made of: an index built under other analysis
settings (an upgrade) is rebuilt on its own, and renaming a structure, a member, a parcours
or a module re-indexes the reports that carry its name."""

import pytest
from flask import current_app

from forum.extensions import db
from forum.models import KitModule, Structure, User
from forum.search import engine
from forum.search.schema import settings
from forum.search.store import SETTINGS_FILE
from tests.search.conftest import index_ready


def search(query: str):
    with current_app.test_request_context():
        return engine().search(query)


@pytest.mark.whoosh_only("index files written under other settings: the postgres backend has none")
def test_an_index_of_other_analysis_settings_is_rebuilt(app, make_user, make_report):
    report = make_report(make_user(), title="Le covoiturage solidaire")
    engine().store.ensure()
    engine().sync()
    assert [h.item.id for h in search("covoiturage").hits] == [report.id]
    marker = engine().store.current / SETTINGS_FILE
    marker.write_text("0000000000000000")  # as left by an older version
    engine().store.close()
    assert search("covoiturage").status == "unavailable"
    engine().sync()  # the drainer: rebuilds from the database
    assert [h.item.id for h in search("covoiturage").hits] == [report.id]
    rebuilt = (engine().store.current / SETTINGS_FILE).read_text()
    assert rebuilt == settings()["fingerprint"]


def test_a_change_of_analysis_makes_every_document_stale(app, make_user, make_report, monkeypatch):
    """The PostgreSQL backend keeps no index files to fingerprint: its stored vectors follow
    the analysis only when rewritten. A document's digest carries ANALYSIS_VERSION, so after
    a change of analysis (an upgrade: « élus » meets « élu » since version 4) `search check`
    reports every document stale on both backends, and `--fix` rewrites them."""
    import forum.search.fields as fields
    from tests.search.conftest import CLEAN

    report = make_report(make_user(), title="Rencontre avec les élus")
    index_ready()
    assert engine().check() == CLEAN
    monkeypatch.setattr(fields, "ANALYSIS_VERSION", fields.ANALYSIS_VERSION + 1)
    assert engine().check()["stale"] == [f"report:{report.id}"]
    engine().check(fix=True)
    assert engine().check() == CLEAN


def test_renaming_what_a_report_names_reindexes_it(app, make_user, make_structure, make_report):
    structure = make_structure(name="Pôle Figeac")
    author = make_user(display_name="Inès Vidal", structure=structure)
    report = make_report(author, structure_id=structure.id)
    index_ready()
    db.session.get(Structure, structure.id).name = "Cap Coopératif"
    db.session.get(User, author.id).display_name = "Inès Roussel"
    module = db.session.get(KitModule, report.modules[0].id)
    module.title = "Rencontrer des pairs ornithologues"
    db.session.commit()
    index_ready()
    for query in ("Cap Coopératif", "Roussel", "ornithologues"):
        assert [h.item.id for h in search(query).hits] == [report.id], query
    assert search("Vidal").total == 0
    result = app.test_cli_runner().invoke(args=["search", "check"])
    assert result.exit_code == 0, result.output
