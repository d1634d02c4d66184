# make demo: set up .venv, build + validate the corpus (build/graph.trig, build/graph.ttl), answer the catalog, draw the picture.
# make test: set up .venv with test extras and run the whole test suite (make test-fast: the fast tier).
# Both first install the Debian packages they need when missing (scripts/system-packages: as root or with
# password-less sudo; otherwise it stops with the one command to run).
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
FAST := not slow and not server and not browser and not fonts

.PHONY: demo test test-fast system-packages bench clean

system-packages:
	@PY=$(PY) VENV=$(VENV) sh scripts/system-packages

$(STAMP): pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet --config-settings editable_mode=compat -e '.[server,viz,test]'
	touch $(STAMP)

demo: system-packages $(STAMP)
	$(BIN)/kg build
	$(BIN)/kg validate
	$(BIN)/kg query --all
	$(BIN)/kg verify
	$(BIN)/kg entities
	$(BIN)/kg viz -o build/graph.html
	$(BIN)/kg viz -o build/graph.png

test: system-packages $(STAMP)
	$(BIN)/python -m pytest

test-fast: $(STAMP)
	$(BIN)/python -m pytest -n 2 -m "$(FAST)"

# BENCH_SIZES: corpus sizes for bench_corpus.py (default 100: a few minutes; 100,1000 side by side with the
# naive stack; 10000 by hand: python benchmarks/bench_corpus.py --sizes 10000 --naive-max 0)
BENCH_SIZES ?= 100
bench: $(STAMP)
	$(BIN)/python benchmarks/bench_build.py
	$(BIN)/python benchmarks/bench_corpus.py --sizes $(BENCH_SIZES)

clean:
	rm -rf build
