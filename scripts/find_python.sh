#!/usr/bin/env bash
# Prints the path of a Python >= 3.12 (Django 6 needs it), or explains and fails.
set -u
check() { "$1" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 12) else 1)' >/dev/null 2>&1; }
for candidate in "${PYTHON:-}" python3.13 python3.12 python3 \
    "$HOME"/.pyenv/versions/3.13*/bin/python3 "$HOME"/.pyenv/versions/3.12*/bin/python3 \
    /usr/local/bin/python3.13 /usr/local/bin/python3.12 /usr/bin/python3.13 /usr/bin/python3.12; do
  [ -n "$candidate" ] || continue
  if check "$candidate"; then "$candidate" -c "import sys; print(sys.executable)"; exit 0; fi
done
echo "No Python 3.12 or newer was found. Install one (for example 'apt-get install python3.12' or" >&2
echo "'pyenv install 3.12') or name it: make run PYTHON=/path/to/python3.12" >&2
exit 1
