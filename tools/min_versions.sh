#!/usr/bin/env bash
# Run the test suite with the LOWEST version of every direct dependency that pyproject.toml allows,
# so a floor like "typer>=0.27.2" is a promise the suite has kept, not a guess.
#
#   bash tools/min_versions.sh            # core + test + mt extras (what .ci/run installs)
#
# uv (from PyPI) finds the lowest allowed versions (`--resolution lowest-direct`); only the direct
# dependencies are pinned, and pip resolves the rest as a user's pip would. torch is not a direct
# dependency (argostranslate -> stanza brings it): it is taken as the CPU build, as
# docs/translation.md tells users to. Inside the run TRANSLIT_MIN_VERSIONS=1 makes
# tests/test_min_versions.py check that every direct dependency really is at its floor.
set -euo pipefail
cd "$(dirname "$0")/.."

venv="${MIN_VERSIONS_VENV:-${TMPDIR:-/tmp}/translit-min-versions}"
extras="test,mt"
rm -rf "$venv"
python3 -m venv "$venv"
# shellcheck disable=SC1091
. "$venv/bin/activate"
python -m pip install --quiet --upgrade pip uv

python_version=$(python -c 'import sys; print(f"{sys.version_info[0]}.{sys.version_info[1]}")')
uv pip compile pyproject.toml --extra test --extra mt --resolution lowest-direct --python-version "$python_version" \
    --quiet --no-header --annotation-style line --output-file "$venv/resolved.txt"
# keep the pins of translit's own (direct) dependencies only
grep -F 'translit (pyproject.toml)' "$venv/resolved.txt" | sed -E 's/[[:space:]]*#.*$//' > "$venv/lowest.txt"
echo "+ lowest direct dependencies:"; tr '\n' ' ' < "$venv/lowest.txt"; echo

python -m pip install --quiet --constraint "$venv/lowest.txt" -e ".[$extras]" "torch==2.13.0"
python -m pip check
TRANSLIT_MIN_VERSIONS="$venv/lowest.txt" python -m pytest
