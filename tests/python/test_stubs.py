"""The stub (__init__.pyi) and the package agree: every public name in the
stub exists, and every name in zhpolicy.__all__ is in the stub."""
import ast
from pathlib import Path

import zhpolicy


def stub_names():
    stub = Path(zhpolicy.__file__).with_name("__init__.pyi")
    assert stub.exists(), "the stub is installed with the package"
    tree = ast.parse(stub.read_text(encoding="utf-8"))
    names = set()
    for node in tree.body:
        if isinstance(node, (ast.ClassDef, ast.FunctionDef)):
            names.add(node.name)
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            names.add(node.target.id)
    return names


def test_every_stub_name_exists():
    for name in stub_names():
        assert hasattr(zhpolicy, name), name


def test_every_public_name_is_typed():
    missing = set(zhpolicy.__all__) - stub_names()
    assert not missing, missing


def test_py_typed_marker_is_installed():
    assert Path(zhpolicy.__file__).with_name("py.typed").exists()
