"""One writer process for the concurrency test: publishes and edits reports, draining the
outbox after each commit as the background thread would. Run as a module."""

import sys
from datetime import date

from forum import create_app
from forum.extensions import db
from forum.models import User
from forum.search import engine
from forum.services import reports
from forum.services.reports import ReportInput


def main(database_url: str, search_dir: str, worker: int, count: int) -> None:
    app = create_app(
        {"SQLALCHEMY_DATABASE_URI": database_url, "SEARCH_DIR": search_dir}, env="testing"
    )
    with app.app_context():
        author = db.session.scalar(db.select(User).where(User.email == "concurrence@example.org"))
        for n in range(count):
            data = ReportInput(
                title=f"Atelier {worker}-{n} sur la mobilité",
                session_date=date(2025, 1, 1 + n % 28),
                department="46",
                format="presentiel",
                participants=n % 20,
                modules=["confronter-idee-terrain"],
                tags=["mobilite"],
                sections={"context": f"Processus {worker}, retour {n} : covoiturage."},
                publish=True,
            )
            report = reports.create_report(author, data)
            db.session.commit()  # as the request that publishes it does
            engine().sync()
            data.sections["context"] += " Modifié après coup : transport à la demande."
            reports.update_report(report, author, data)
            db.session.commit()
            engine().sync()
            print(f"{worker}:{n}", flush=True)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]))
