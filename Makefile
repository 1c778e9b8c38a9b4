# Maillage — `make run` serves the demo on SQLite, `make test` runs the whole suite.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
FLASK := $(BIN)/flask --app wsgi
STAMP := $(VENV)/.installed

.PHONY: run serve-prod test e2e screenshots browser pdf-libs install translations messages db demo clean

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || { echo "Python 3.11+ requis / required"; exit 1; }
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test,postgres]'
	touch $(STAMP)

install: $(STAMP) translations

translations: $(STAMP)
	$(BIN)/pybabel compile --use-fuzzy -d forum/translations -f 2>&1 | grep -v '^compiling' || true

# Re-extract the strings and update the catalogs after changing the interface.
messages: $(STAMP)
	$(BIN)/pybabel extract -F babel.cfg -k lazy --ignore-dirs '.* .venv node_modules' -o forum/translations/messages.pot .
	$(BIN)/pybabel update -i forum/translations/messages.pot -d forum/translations --no-fuzzy-matching

db: install
	$(FLASK) db upgrade
	$(FLASK) seed-demo --if-empty

run: db
	$(FLASK) run --host 127.0.0.1 --port 5000

# Production: FORUM_SECRET_KEY and FORUM_DATABASE_URL (PostgreSQL) must be set.
serve-prod: install
	@test -n "$$FORUM_SECRET_KEY" || { echo "FORUM_SECRET_KEY manquant / missing"; exit 1; }
	FORUM_ENV=production $(FLASK) db upgrade
	FORUM_ENV=production $(FLASK) bootstrap
	FORUM_ENV=production $(BIN)/gunicorn -c gunicorn.conf.py wsgi:app

# Browser tests need Debian's Chromium and axe-core (npm); `make test` runs them when
# Chromium is present and says so when it skips them; `make e2e` installs what they need.
node_modules/axe-core/axe.min.js: package.json package-lock.json
	@command -v npm >/dev/null && npm ci --silent --no-audit --no-fund || echo "npm absent : axe-core non installé (tests d'accessibilité ignorés)"

# WeasyPrint (the bilan's PDF, issue 16) needs Pango; installed like Chromium below.
pdf-libs:
	@ldconfig -p 2>/dev/null | grep -q libpango-1.0 || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libpango-1.0-0 libpangoft2-1.0-0 >/dev/null; \
	  else echo "Installez Pango : sudo apt-get install libpango-1.0-0 libpangoft2-1.0-0"; exit 1; fi; }

browser:
	@command -v chromium >/dev/null || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	  else echo "Installez Chromium : sudo apt-get install chromium"; exit 1; fi; }

test: install pdf-libs node_modules/axe-core/axe.min.js
	@command -v chromium >/dev/null || echo "** Chromium absent : les tests navigateur (tests/e2e) seront ignorés. 'make e2e' l'installe. **"
	$(BIN)/python -m pytest $(PYTEST_ARGS)

e2e: install pdf-libs browser node_modules/axe-core/axe.min.js
	$(BIN)/python -m pytest tests/e2e $(PYTEST_ARGS)

screenshots: install browser
	$(BIN)/python scripts/screenshots.py

clean:
	rm -rf $(VENV) instance .pytest_cache node_modules
