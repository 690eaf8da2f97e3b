# Two commands on a fresh machine:  `make run`  and  `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin

.PHONY: run test bench clean messages

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e ".[test]"
	touch $@ $(VENV)/.installed

run: $(VENV)/.installed
	$(BIN)/python -m bot

test: $(VENV)/.installed-test
	$(BIN)/ruff check .
	$(BIN)/python -m pytest $(PYTEST_ARGS)

bench: $(VENV)/.installed-test
	$(BIN)/python -m bench

clean:
	rm -rf $(VENV) *.egg-info

# Refresh the message template and merge new msgids into the Czech catalog.
messages: $(VENV)/.installed-test
	$(BIN)/pybabel extract -k _ -k n_:1,2 -k N_ --no-location --sort-output \
		--project Dealbot -o ui/locale/messages.pot bot handlers models scheduler ui
	$(BIN)/pybabel update --no-fuzzy-matching -i ui/locale/messages.pot \
		-d ui/locale -l cs
