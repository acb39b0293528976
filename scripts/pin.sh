#!/usr/bin/env bash
# Re-pin every dependency (direct and transitive) after changing pyproject.toml:
#  - requirements.txt: exact versions with hashes (production installs: uv pip sync --require-hashes)
#  - [tool.uv] constraint-dependencies in pyproject.toml: the same exact versions, so `uv run` resolves
#    to them too. No lock file with download addresses is committed.
set -euo pipefail
cd "$(dirname "$0")/.."
uv pip compile pyproject.toml --group dev --generate-hashes --python-version 3.11 --quiet \
  --no-header --no-emit-index-url -o requirements.txt
python3 - <<'PY'
import re, pathlib
req = pathlib.Path("requirements.txt").read_text()
pins = sorted(set(re.findall(r"^([A-Za-z0-9_.\-\[\]]+==[^\s\\]+)", req, re.M)), key=str.lower)
pins = [re.sub(r"\[.*?\]", "", p) for p in pins]
py = pathlib.Path("pyproject.toml")
text = py.read_text()
block = "constraint-dependencies = [\n" + "".join(f'    "{p}",\n' for p in pins) + "]\n"
if "constraint-dependencies" in text:
    text = re.sub(r"constraint-dependencies = \[\n(?:.*\n)*?\]\n", block, text)
else:
    text = text.replace("[tool.uv]\npackage = true\n", "[tool.uv]\npackage = true\n" + block)
py.write_text(text)
print(f"pinned {len(pins)} packages")
PY
