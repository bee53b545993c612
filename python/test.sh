#!/usr/bin/env bash
# Builds the Python package into a fresh virtualenv with pip, as a user installs it, and
# runs its tests (python/tests) with pytest. Skips, saying so, without python3's venv.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! python3 -c 'import venv, ensurepip' 2>/dev/null; then
    echo "python/test.sh: skipped: python3 with venv and ensurepip is not installed"
    exit 0
fi
venv=${FACTLINT_VENV:-target/python-venv}
python3 -m venv --clear "$venv"
"$venv/bin/pip" install --quiet --disable-pip-version-check ".[test]"
"$venv/bin/pytest" -q python/tests
