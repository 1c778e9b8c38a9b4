"""The floor for benchmarks/bench_pages.py: the cheapest pages Flask serves under our gunicorn.

    gunicorn -c gunicorn.conf.py benchmarks.floor_app:app     (from the repository root)

Served by the same `gunicorn.conf.py` as the forum (same sync workers, same count, same
recycling), so that what separates a forum page from these is the forum's own work:

- `/`: a bare Flask route that returns a short text (routing, request and response
  objects, gunicorn's own cost per request and connection);
- `/posts`: a Jinja page of 100 static posts (author, date, a paragraph of text each,
  autoescaped, about 60 KB of HTML), built in memory at import time: the cost of rendering
  a page the size of a 100-message discussion, without database, session, translations,
  `url_for` or compression;
- `/healthz`: what `benchmarks/stack.py` waits for before measuring.

Nothing here reads the forum's configuration or database.
"""

from datetime import datetime, timedelta

from flask import Flask, render_template
from jinja2 import DictLoader

app = Flask(__name__)

WORDS = (
    "séance porteurs territoire mobilité financement covoiturage bénévoles tiers-lieu "
    "animation commune élus atelier parcours projet rural association réseau"
).split()

POSTS = [
    {
        "id": n,
        "author": f"Membre n° {n % 20 + 1}",
        "at": datetime(2026, 1, 1, 9, 0) + timedelta(minutes=37 * n),
        "body": " ".join(WORDS[(n + k) % len(WORDS)] for k in range(30)).capitalize() + ".",
    }
    for n in range(100)
]

PAGE = """<!doctype html>
<html lang="fr">
<head><meta charset="utf-8"><title>{{ title }}</title></head>
<body>
<main>
<h1>{{ title }}</h1>
<ol class="thread">
{% for post in posts %}
  <li id="post-{{ post.id }}" class="post">
    <article>
      <header><strong>{{ post.author }}</strong>
        <time datetime="{{ post.at.isoformat() }}">{{ post.at.strftime('%d/%m/%Y %H:%M') }}</time>
      </header>
      <div class="post-body"><p>{{ post.body }}</p></div>
      <footer><a href="#post-{{ post.id }}">Lien</a> · <a href="?reply={{ post.id }}">Répondre</a></footer>
    </article>
  </li>
{% endfor %}
</ol>
</main>
</body>
</html>
"""


# A template from a loader, as the forum's are: compiled once per worker, then cached.
app.jinja_loader = DictLoader({"posts.html": PAGE})


@app.get("/")
def bare():
    return "ok"


@app.get("/posts")
def posts():
    return render_template("posts.html", title="Cent messages statiques", posts=POSTS)


@app.get("/healthz")
def healthz():
    return {"status": "ok", "index": "none"}
