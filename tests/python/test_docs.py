"""Every runnable example in the public docstrings runs and gives what it shows."""
import doctest

import zhpolicy
import zhpolicy._core


@__import__("pytest").mark.parametrize("module", [zhpolicy, zhpolicy._core])
def test_docstring_examples(module):
    result = doctest.testmod(module, verbose=False)
    assert result.attempted > 0
    assert result.failed == 0
