#!/usr/bin/env bash
# Re-pin every dependency after changing pyproject.toml. Needs pip-tools in the venv.
set -euo pipefail
cd "$(dirname "$0")/.."
.venv/bin/pip install -q pip-tools
.venv/bin/pip-compile -q --strip-extras --no-emit-index-url --extra test -o requirements-test.lock pyproject.toml
# The runtime lock is constrained by the test lock so both pin the same versions.

.venv/bin/pip-compile -q --strip-extras --no-emit-index-url -c requirements-test.lock -o requirements.lock pyproject.toml
