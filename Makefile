# make demo: set up .venv, build + validate the graph, answer the catalog, write Turtle and the picture.
# make test: set up .venv with test extras and run the whole test suite.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test bench clean

$(STAMP): pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet --config-settings editable_mode=compat -e '.[server,viz,test]'
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/kg build
	$(BIN)/kg validate build/graph.ttl
	$(BIN)/kg query --all --graph build/graph.ttl
	$(BIN)/kg verify --graph build/graph.ttl
	$(BIN)/kg viz --graph build/graph.ttl -o build/graph.html
	$(BIN)/kg viz --graph build/graph.ttl -o build/graph.png

test: $(STAMP)
	$(BIN)/python -m pytest

bench: $(STAMP)
	$(BIN)/python benchmarks/bench_build.py

clean:
	rm -rf build
