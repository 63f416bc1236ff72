"""Every runnable example in the public docstrings runs and gives what it shows."""
import doctest

import pytest

import zhpolicy
import zhpolicy._core
import zhpolicy.display
import zhpolicy.document
import zhpolicy.frame

# doctest.testmod only looks at objects defined in the module it is given, so
# every module with public docstrings is listed.
MODULES = [zhpolicy, zhpolicy._core, zhpolicy.document, zhpolicy.frame, zhpolicy.display]


@pytest.mark.parametrize("module", MODULES, ids=lambda m: m.__name__)
def test_docstring_examples(module):
    result = doctest.testmod(module, verbose=False)
    assert result.attempted > 0
    assert result.failed == 0
