# The two commands a newcomer needs:
#   make serve   build the site and serve it on http://127.0.0.1:8000 (rebuilds when you save)
#   make test    run every test (data, macros, build, built pages, browser)
# Both make the virtual environment and install the pinned packages on first use.
# make build and make serve take ENGINE=mkdocs (the default, and what publishes the site),
# ENGINE=properdocs or ENGINE=zensical: each other engine has its own environment and pins.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
export NO_MKDOCS_2_WARNING := 1
# The browser the tests drive (tests/conftest.py reads the same setting): Debian's Chromium.
CHROMIUM ?= /usr/bin/chromium
export CHROMIUM

.PHONY: serve build build-for-pages check quick review test clean

$(BIN)/.installed: requirements.txt requirements-dev.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	touch $@

# The site engine. MkDocs uses .venv; ProperDocs (which continues MkDocs 1.6, and would clash with
# it) and Zensical each have their own environment, made on first use from requirements-<engine>.txt.
ENGINE ?= mkdocs
ifeq ($(filter $(ENGINE),mkdocs properdocs zensical),)
$(error ENGINE is "$(ENGINE)": it should be mkdocs, properdocs or zensical)
endif
EVENV := $(if $(filter mkdocs,$(ENGINE)),$(VENV),.venv-$(ENGINE))

.venv-%/bin/.installed: requirements.txt requirements-%.txt
	test -x .venv-$*/bin/python || $(PYTHON) -m venv .venv-$*
	.venv-$*/bin/python -m pip install --quiet --disable-pip-version-check -r requirements-$*.txt
	touch $@

# How each engine builds into a folder ($(1)) and serves: Zensical first has zensical.yml and its
# pages laid out for it (python -m macros zensical; macros/hooks.py says why), and needs the
# project's folder on its path for the package's Markdown extensions.
ENGINE_BUILD_mkdocs = $(BIN)/mkdocs build --strict --site-dir $(1)
ENGINE_BUILD_properdocs = .venv-properdocs/bin/properdocs build --strict -f mkdocs.yml --site-dir $(1)
ENGINE_BUILD_zensical = .venv-zensical/bin/python -m macros zensical --site-dir $(1) && \
	PYTHONPATH=$(CURDIR) .venv-zensical/bin/zensical build --strict --clean -f zensical.yml
ENGINE_SERVE_mkdocs = $(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000
ENGINE_SERVE_properdocs = .venv-properdocs/bin/properdocs serve -f mkdocs.yml --dev-addr 127.0.0.1:8000
ENGINE_SERVE_zensical = .venv-zensical/bin/python -m macros zensical && \
	PYTHONPATH=$(CURDIR) .venv-zensical/bin/zensical serve -f zensical.yml --dev-addr 127.0.0.1:8000

serve: $(EVENV)/bin/.installed
	@$(EVENV)/bin/python -m macros config
	@$(EVENV)/bin/python -m macros schemas > /dev/null   # for the editor, while you change the data
	$(ENGINE_SERVE_$(ENGINE))

# Build into a temporary folder and only replace site/ when the whole build succeeded,
# so a failed build never leaves a half-built site to publish.
build: $(EVENV)/bin/.installed
	@$(EVENV)/bin/python -m macros config
	rm -rf build/site.tmp
	$(call ENGINE_BUILD_$(ENGINE),build/site.tmp)
	rm -rf site && mv build/site.tmp site

# The build GitHub Pages publishes (.github/workflows/publish.yml): `make build` for the site's
# real address, e.g. make build-for-pages SITE_URL=https://<account>.github.io/<repository>/
# It refuses to run without an https:// address, so no canonical link, sitemap entry, feed or
# calendar of the published site can point at 127.0.0.1.
build-for-pages:
	@case "$(SITE_URL)" in https://?*) ;; *) \
	  echo "make build-for-pages needs the site's address in SITE_URL, for example" \
	    "SITE_URL=https://<account>.github.io/<repository>/ (it is \"$(SITE_URL)\"). Nothing was built." >&2; \
	  exit 1;; esac
	@$(MAKE) --no-print-directory build SITE_URL="$(SITE_URL)"

# List the pages past their review date (prints a reminder; never fails).
review: $(BIN)/.installed
	@$(BIN)/python -m macros review

# Check the data files only (quicker than a build).
check: $(BIN)/.installed
	@$(BIN)/python -m macros config
	$(BIN)/python -m macros check

# The quick check before pushing (about 15 seconds): the data checks, the unit layer (every page's
# macros, every officer's mistake as its message) and the data tests. `make test` (CI) runs everything.
.PHONY: quick
quick: $(BIN)/.installed
	$(BIN)/python -m macros check
	$(BIN)/python -m pytest -q -p no:cacheprovider tests/unit tests/data/test_data.py tests/data/test_truth.py

# Find the passage of a source document to cite, e.g. make find WORDS="87 play areas"
.PHONY: find
find: $(BIN)/.installed
	@$(BIN)/python -m macros find $(WORDS)

# Make build/schemas/*.schema.json from macros/data/models.py: each data file's first line points
# VS Code's YAML extension at its schema (make serve makes them too).
.PHONY: schemas
schemas: $(BIN)/.installed
	$(BIN)/python -m macros schemas

# The W3C Nu HTML checker (vnu-jar, from the npm registry), checked against its published checksum.
VNU_VERSION := 26.9.27
VNU_SHA256 := 5970d3ffca91a627cf0965e5d91bb2e4242307c29292998de0b419d6a901b2b7
$(VENV)/vnu/vnu.jar: | $(BIN)/.installed
	@command -v java >/dev/null 2>&1 || { \
	  echo "Installing Java for the HTML checker"; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq default-jre-headless >/dev/null; }
	mkdir -p $(VENV)/vnu
	$(BIN)/python -c "import urllib.request; urllib.request.urlretrieve('https://registry.npmjs.org/vnu-jar/-/vnu-jar-$(VNU_VERSION).tgz', '$(VENV)/vnu/vnu.tgz')"
	echo "$(VNU_SHA256)  $(VENV)/vnu/vnu.tgz" | sha256sum --check --quiet
	tar -xzf $(VENV)/vnu/vnu.tgz -C $(VENV)/vnu --strip-components=3 package/build/dist/vnu.jar
	rm $(VENV)/vnu/vnu.tgz

# The unit layer alone: every view on small data and on every page, and the engine seam; no build, no browser
# (about 6 s alone, 8 s with the coverage on two processes), with how much of the package it covers; it fails below 95 %, so that stays met.
.PHONY: unit macros
unit: $(BIN)/.installed
	$(BIN)/python -m pytest -q -p no:cacheprovider -n 2 tests/unit --cov=macros --cov-report=term-missing:skip-covered \
		--cov-fail-under=95

# The officers' list of macros (CONTRIBUTING.md, "The macros you can use"), from the code.
macros: $(BIN)/.installed
	@$(BIN)/python -m macros macros

# tests/build/test_engines.py builds the site with ProperDocs and Zensical too, each from its own environment.
test: $(BIN)/.installed $(VENV)/vnu/vnu.jar .venv-properdocs/bin/.installed .venv-zensical/bin/.installed
	@test -x "$(CHROMIUM)" || { \
	  echo "Installing Debian's chromium for the browser tests"; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq chromium >/dev/null; }
	@$(MAKE) --no-print-directory unit   # the unit layer first, and how much of the package it covers (at least 95 %)
	$(BIN)/python -m pytest -n 2 --dist loadfile --ignore=tests/unit   # every other layer (the unit layer ran above)

# Benchmark, not a test: the real site and synthetic sites of 100 and 1000 pages against plain
# Material on the same pages, live reload and download sizes (bench/results.md); then the same sites
# on each engine: full build, reload after a data edit, peak memory (bench/engines.md). About half an hour.
.PHONY: bench lighthouse
bench: $(BIN)/.installed .venv-properdocs/bin/.installed .venv-zensical/bin/.installed
	$(BIN)/python bench/run.py
	$(BIN)/python bench/engines.py

# The W3C Nu checker, axe and Lighthouse on MkDocs' build and on Zensical's, and what differs
# (bench/engine_checks.md; Lighthouse where `make lighthouse` installed it). About ten minutes.
.PHONY: engine-checks
engine-checks: $(BIN)/.installed $(VENV)/vnu/vnu.jar .venv-zensical/bin/.installed
	$(BIN)/python bench/engine_checks.py

# Lighthouse (mobile) on each kind of page; writes bench/lighthouse.md. Needs npm and chromium.
bench/node_modules/.installed: bench/package.json bench/package-lock.json
	npm ci --prefix bench --no-audit --no-fund
	touch $@

lighthouse: $(BIN)/.installed bench/node_modules/.installed
	@command -v chromium >/dev/null 2>&1 || { \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq chromium >/dev/null; }
	$(BIN)/python bench/lighthouse.py

clean:
	rm -rf site build .pytest_cache
