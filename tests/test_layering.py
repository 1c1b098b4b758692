"""The arrows of the pipeline point one way: checked from the imports."""

import ast
import os

import pytest

import refcheck

ROOT = os.path.dirname(refcheck.__file__)


def _modules():
    for folder, _, files in os.walk(ROOT):
        for name in sorted(files):
            if name.endswith(".py"):
                path = os.path.join(folder, name)
                yield os.path.relpath(path, ROOT).replace(os.sep, "/"), path


def imported(path: str, relname: str) -> set[str]:
    """The refcheck modules ``path`` imports, as 'extract.keys', 'net', 'model' (every
    import, also those inside functions)."""
    package = relname.rsplit("/", 1)[0].split("/") if "/" in relname else []
    if relname.endswith("__init__.py"):
        package = relname.split("/")[:-1]
    with open(path, encoding="utf-8") as handle:
        tree = ast.parse(handle.read())
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[: len(package) - node.level + 1]
                target = ".".join([*base, *(node.module.split(".") if node.module else [])])
                names = [target] if node.module else [".".join([*base, a.name]) for a in node.names]
            elif node.module and node.module.startswith("refcheck"):
                names = [node.module[len("refcheck."):]]
            else:
                continue
            found.update(n for n in names if n)
        elif isinstance(node, ast.Import):
            found.update(a.name[len("refcheck."):] for a in node.names if a.name.startswith("refcheck."))
    return found


def top(name: str) -> str:
    return name.split(".")[0]


MODULES = sorted(_modules())
FORBIDDEN = {
    "model.py": lambda t: True,  # nothing else from refcheck
    "findings.py": lambda t: t != "model",
    "rules": lambda t: t == "net",
    "output": lambda t: t == "net",
    "extract": lambda t: t in ("rules", "net", "output", "api", "cli"),
}


@pytest.mark.parametrize("relname, path", MODULES, ids=[m[0] for m in MODULES])
def test_imports_point_one_way(relname, path):
    layer = relname if relname in ("model.py", "findings.py") else relname.split("/")[0]
    rule = FORBIDDEN.get(layer)
    if rule is None:
        return
    own = relname[:-3].replace("/", ".")
    wrong = sorted(name for name in imported(path, relname) if top(name) != own and rule(top(name)))
    assert wrong == [], f"{relname} imports {wrong}"


def test_the_check_sees_imports():
    assert imported(os.path.join(ROOT, "rules", "rc101_cited_not_listed.py"), "rules/rc101_cited_not_listed.py") >= {
        "findings", "rules.base"}
    assert "extract.linking" in imported(os.path.join(ROOT, "api.py"), "api.py")
