"""House rules that keep the code base honest: lint, module size, docstrings, no hidden RNG."""

import importlib
import inspect
import re
import subprocess
import sys
from pathlib import Path

import pytest

import mathlib

ROOT = Path(__file__).resolve().parent.parent
MAX_MODULE_LINES = 400  # "about 300": numpydoc docstrings with formula and doctest take the rest
MODULES = sorted(
    ".".join(p.relative_to(ROOT).with_suffix("").parts).removesuffix(".__init__")
    for p in (ROOT / "mathlib").rglob("*.py")
)
PUBLIC_MODULES = [name for name in MODULES if not any(part.startswith("_") for part in name.split("."))]


def _public_callables():
    for module_name in PUBLIC_MODULES:
        module = importlib.import_module(module_name)
        for name in getattr(module, "__all__", []):
            obj = getattr(module, name)
            if (inspect.isfunction(obj) or inspect.isclass(obj)) and obj.__module__.startswith("mathlib"):
                yield f"{module_name}.{name}", obj


def test_ruff_check_is_clean():
    """`ruff check` finds nothing in the library, the scripts or the tests."""
    result = subprocess.run([sys.executable, "-m", "ruff", "check", "."], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout


def test_ruff_format_is_clean():
    """Every Python file is formatted by `ruff format`."""
    result = subprocess.run(
        [sys.executable, "-m", "ruff", "format", "--check", "."], cwd=ROOT, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout


@pytest.mark.parametrize(
    "path",
    sorted([*(ROOT / "mathlib").rglob("*.py"), *(ROOT / "scripts" / "handbook" / "src").rglob("*.py")]),
    ids=lambda p: p.relative_to(ROOT).as_posix(),
)
def test_modules_stay_small(path):
    """No module of mathlib or of the build engine grows past the size limit: one topic per module."""
    assert len(path.read_text(encoding="utf-8").splitlines()) <= MAX_MODULE_LINES


def test_every_public_name_is_listed_in_all():
    """Each public module declares __all__, and every listed name exists."""
    for module_name in PUBLIC_MODULES:
        module = importlib.import_module(module_name)
        assert hasattr(module, "__all__"), module_name
        missing = [name for name in module.__all__ if not hasattr(module, name)]
        assert missing == [], module_name


@pytest.mark.parametrize("qualname, obj", list(_public_callables()), ids=lambda v: v if isinstance(v, str) else "")
def test_public_function_docstring_teaches(qualname, obj):
    """Each public function has a numpydoc docstring: summary, Parameters, Returns, an example."""
    doc = inspect.getdoc(obj) or ""
    assert doc.split("\n")[0].strip(), f"{qualname}: no summary line"
    if inspect.isfunction(obj):
        assert ">>>" in doc, f"{qualname}: no doctest example"
        assert "Parameters\n----------" in doc or not inspect.signature(obj).parameters, f"{qualname}: no Parameters"
        assert "Returns\n-------" in doc or "Yields\n------" in doc, f"{qualname}: no Returns"


def _code_lines(path: Path) -> list[tuple[int, str]]:
    """The lines of ``path`` that run: all of a module; of a page, its blocks' code, except a
    block that must raise (a mistake shown on purpose) and the prose that names the mistake."""
    lines = path.read_text(encoding="utf-8").splitlines()
    if path.suffix == ".py":
        return list(enumerate(lines, 1))
    from handbook.blocks import find_blocks

    return [
        (n, lines[n - 1])
        for block in find_blocks("\n".join(lines))
        if block.executes and "raises" not in block.options
        for n in range(block.line + 1, block.end_line)
    ]


def test_no_hidden_global_random_state():
    """No module or page's code seeds or draws from NumPy's global RNG; randomness takes an rng."""
    pattern = re.compile(r"np\.random\.(seed|rand|randn|randint|normal|uniform|choice|shuffle|permutation)\(")
    offenders = [
        f"{p.relative_to(ROOT)}:{i}"
        for folder in ("mathlib", "docs", "scripts")
        for p in (ROOT / folder).rglob("*")
        if p.suffix in {".py", ".md"}
        for i, line in _code_lines(p)
        if pattern.search(line)
    ]
    assert offenders == []


def test_the_global_rng_check_sees_page_code(tmp_path):
    """A page block that draws from np.random is found; the same call in a raises= block is not."""
    page = tmp_path / "p.md"
    page.write_text(
        '```python\nx = np.random.normal(0, 1)\n```\n\n```python raises="TypeError"\nnp.random.normal(mean=0)\n```\n'
    )
    assert [n for n, _ in _code_lines(page)] == [2]


def test_importing_mathlib_loads_neither_sympy_nor_matplotlib():
    """`import mathlib` and its numeric modules stay light: SymPy and matplotlib load on first use."""
    code = (
        "import sys, mathlib, mathlib.linalg, mathlib.calculus, mathlib.autograd, mathlib.plotting;"
        "print(sorted(m for m in ('sympy', 'matplotlib') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_version_is_exposed():
    """mathlib.__version__ matches the version in pyproject.toml."""
    assert f'version = "{mathlib.__version__}"' in (ROOT / "pyproject.toml").read_text(encoding="utf-8")
