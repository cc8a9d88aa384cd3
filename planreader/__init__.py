"""Anti-trafficking plans: data model, loader and checks, independent of the site generator."""
import sys
from importlib.util import find_spec

# One clear line instead of a traceback when the project is run outside its environment.
if sys.version_info < (3, 11):
    raise SystemExit(f"error: Python 3.11 or newer is needed (this is {sys.version.split()[0]}); run `make serve` or `make test`")
for _module, _package in (("pydantic", "pydantic"), ("yaml", "PyYAML"), ("babel", "Babel")):
    if find_spec(_module) is None:
        raise SystemExit(f"error: the Python package {_package} is missing; run `make build` (it sets up .venv) "
                         f"and use .venv/bin/python")
