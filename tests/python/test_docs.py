"""Every runnable example in the public docstrings runs and gives what it shows."""
import doctest

import pytest

import zhpolicy
import zhpolicy._core
import zhpolicy.display
import zhpolicy.document
import zhpolicy.frame
import zhpolicy.stream

# doctest.testmod only looks at objects defined in the module it is given, so
# every module with public docstrings is listed.
MODULES = [zhpolicy, zhpolicy._core, zhpolicy.document, zhpolicy.frame, zhpolicy.display, zhpolicy.stream]


@pytest.mark.parametrize("module", MODULES, ids=lambda m: m.__name__)
def test_docstring_examples(module):
    result = doctest.testmod(module, verbose=False)
    assert result.attempted > 0
    assert result.failed == 0


def public_callables():
    """Every public function, class and public method reachable from zhpolicy.__all__."""
    import inspect
    for name in zhpolicy.__all__:
        obj = getattr(zhpolicy, name)
        if inspect.isclass(obj):
            yield name, obj
            for attr, value in vars(obj).items():
                func = value.__func__ if isinstance(value, (staticmethod, classmethod)) else value
                if not attr.startswith("_") and callable(func):
                    yield f"{name}.{attr}", func
        elif callable(obj):
            yield name, obj


def test_every_public_function_has_a_runnable_example():
    missing = [name for name, obj in public_callables() if ">>>" not in (obj.__doc__ or "")]
    assert not missing, f"no docstring example: {missing}"
