"""Cold cost of the reports list's sidebar counts, side by side in one run on one database:
the three unfiltered grouped queries of 4f154de (`old`, copied here) against the one
UNION ALL per set of filters that replaced them (régions, départements, structures,
modules and défis, each leaving its own filter out).

    flask --app wsgi db upgrade && flask --app wsgi seed-demo --reports 50000   # with
    FORUM_DATABASE_URL=sqlite:////tmp/facets/db.sqlite FORUM_SEARCH_DIR=/tmp/facets/ix
    .venv/bin/python benchmarks/bench_list_facets.py [DATABASE_URL]

Both are memoised per content stamp in the app: this is what the first view of a filter
set costs after a change, not what a warm page costs (nothing)."""

import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
URL = sys.argv[1] if len(sys.argv) > 1 else "sqlite:////tmp/facets/db.sqlite"
from sqlalchemy import func, select  # noqa: E402
from werkzeug.datastructures import MultiDict  # noqa: E402

from forum import create_app  # noqa: E402
from forum.extensions import db  # noqa: E402
from forum.models import Department, Region, Report, Structure  # noqa: E402
from forum.services import report_queries as rq  # noqa: E402

app = create_app({"SQLALCHEMY_DATABASE_URI": URL, "SEARCH_DIR": "/tmp/facets/ix"})


def old():
    published = (Report.is_published,)
    db.session.execute(
        select(Department.code, Department.name, Department.region_code, func.count(Report.id))
        .join(Report, Report.department_code == Department.code)
        .where(*published)
        .group_by(Department.code, Department.name, Department.region_code)
        .order_by(Department.code)
    ).all()
    dict(db.session.execute(select(Region.code, Region.name)).all())
    db.session.execute(
        select(Structure.slug, Structure.name, func.count(Report.id))
        .join(Report, Report.structure_id == Structure.id)
        .where(*published)
        .group_by(Structure.slug, Structure.name)
        .order_by(func.lower(Structure.name))
    ).all()


urls = {
    "none": {},
    "tag": {"tag": "financement"},
    "dept+format": {"department": "46", "format": "presentiel"},
    "module+region": {"module": "modele-economique-financement", "region": "76"},
}
with app.app_context():
    print("reports:", db.session.scalar(select(func.count(Report.id))))
    times = {"old": []} | {k: [] for k in urls}
    for _ in range(7):
        t = time.perf_counter()
        old()
        times["old"].append(time.perf_counter() - t)
        for k, args in urls.items():
            f = rq.ReportFilters.from_args(MultiDict(args))
            t = time.perf_counter()
            rq._count_facets(f)
            times[k].append(time.perf_counter() - t)
    base = statistics.median(times["old"])
    for k, v in times.items():
        m = statistics.median(v)
        print(f"{k:15s} median {m * 1000:7.1f} ms  ratio to old {m / base:5.2f}")
