"""Runnable blocks (```python runnable): the option, their HTML, the site's wheel, and pure Python.

A runnable block runs at build like any other, and again in the reader's browser under
Pyodide, which has the standard library and the project's wheel only. These tests hold the
engine's side of that promise; tests/test_runnable_browser.py holds the browser's.
"""

import subprocess
import sys
import zipfile
from pathlib import Path
from types import SimpleNamespace

import pytest

from handbook import purecheck, runnable
from handbook.blocks import find_blocks
from handbook.options import problems

ROOT = Path(__file__).resolve().parent.parent
RUNNABLE_PAGES = ["pillars/calculus", "backprop-by-hand", "math-to-code"]


def options_of(fence: str) -> list[str]:
    (block,) = find_blocks(f"{fence}\nx = 1\n```\n")
    return problems(block)


def _without_numpy(tmp_path: Path) -> Path:
    """A folder whose ``numpy`` package refuses to import: put first on PYTHONPATH, NumPy is absent."""
    stub = tmp_path / "no-numpy" / "numpy"
    stub.mkdir(parents=True)
    (stub / "__init__.py").write_text('raise ImportError("NumPy is absent here")\n', encoding="utf-8")
    return stub.parent


def _run_without_numpy(tmp_path: Path, code: str, *, isolated: bool = False) -> subprocess.CompletedProcess:
    env = {"PYTHONPATH": str(_without_numpy(tmp_path)), "PATH": "/usr/bin:/bin"}
    flags = ["-S"] if isolated else []  # -S: no site-packages, so not the editable mathlib either
    return subprocess.run([sys.executable, *flags, "-c", code], env=env, capture_output=True, text=True, cwd=tmp_path)


# ---------------------------------------------------------------------------- the option
@pytest.mark.parametrize("fence", ["```python runnable", '```python runnable="on"', '```python runnable title="t"'])
def test_runnable_is_a_known_option(fence):
    """`runnable`, as a flag or a switch, with other options, raises no problem."""
    assert options_of(fence) == []


def test_runnable_takes_only_a_switch():
    """runnable="maybe" is not a value the switch takes."""
    (message,) = options_of('```python runnable="maybe"')
    assert "runnable='maybe' is not one of" in message


@pytest.mark.parametrize("fence", ['```python runnable exec="off"', '```python runnable show="output"'])
def test_runnable_needs_a_block_that_runs_and_shows_its_code(fence):
    """A runnable block must run at build and show its code: not exec="off", not show=."""
    (message,) = options_of(fence)
    assert "'runnable' needs a block that runs and shows its code" in message


def test_superfences_flag_counts_as_on():
    """Superfences hands a bare `runnable` over as runnable="runnable"; that is on, and "off" is off."""
    assert runnable.is_runnable({"runnable": "runnable"}) and not runnable.is_runnable({"runnable": "off"})


# ---------------------------------------------------------------------------- mathlib without NumPy
def test_the_numpy_stub_really_blocks_numpy(tmp_path):
    """The stub that the next tests rely on makes NumPy, and so mathlib.linalg, unimportable."""
    result = _run_without_numpy(tmp_path, "import mathlib.linalg")
    assert result.returncode != 0 and "NumPy is absent here" in result.stderr


def test_autograd_and_format_inr_import_and_work_without_numpy(tmp_path):
    """mathlib.autograd, mathlib.datasets.inr and `from mathlib.datasets import format_inr` need no NumPy."""
    code = (
        "import sys\n"
        "from mathlib.autograd import Value, draw\n"
        "from mathlib.datasets import format_inr\n"
        "from mathlib.datasets.inr import format_indian\n"
        "x = Value(2.0); y = x ** 2; y.backward()\n"
        "print(x.grad, format_inr(1234567), format_indian(350_000_000, words=True), 'numpy' in sys.modules)\n"
    )
    result = _run_without_numpy(tmp_path, code)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["4.0", "₹12,34,567", "35", "crore", "False"]


def test_value_refuses_bad_input_by_name_without_numpy(tmp_path):
    """Without NumPy, Value still names itself and the argument for a bad input."""
    code = "from mathlib.autograd import Value\ntry:\n    Value('2')\nexcept TypeError as e:\n    print(e)\n"
    result = _run_without_numpy(tmp_path, code)
    assert result.stdout.strip() == "Value: data must be a real number; got str", result.stderr


def test_value_still_takes_numpy_scalars_and_0d_arrays():
    """Where NumPy is loaded, Value takes its scalars and 0-d arrays, and refuses a 1-d array by shape."""
    import numpy as np

    from mathlib.autograd import Value

    assert Value(np.float32(0.5)).data == 0.5 and Value(np.array(2.0)).data == 2.0
    with pytest.raises(ValueError, match=r"Value: data must be a scalar; got shape \(2,\)"):
        Value(np.array([1.0, 2.0]))


# ---------------------------------------------------------------------------- the wheel
@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    """The project's wheel as the build makes it (into a cache of its own)."""
    cache = tmp_path_factory.mktemp("wheel-cache")
    return runnable.build_wheel(ROOT, [ROOT / "mathlib"], cache)


def test_the_wheel_holds_mathlib_and_no_bytecode(wheel):
    """The wheel has mathlib's modules (autograd among them) and no __pycache__."""
    names = zipfile.ZipFile(wheel).namelist()
    assert "mathlib/autograd/_engine.py" in names and not [n for n in names if "__pycache__" in n]


def test_two_wheel_builds_give_the_same_bytes(wheel, tmp_path):
    """A second build, in another cache, gives a byte-identical wheel (fixed timestamps)."""
    again = runnable.build_wheel(ROOT, [ROOT / "mathlib"], tmp_path)
    assert again.read_bytes() == wheel.read_bytes() and again != wheel


def test_a_cached_wheel_is_not_built_again(wheel, monkeypatch):
    """With the same sources and cache, the wheel comes from the cache: no build runs."""
    monkeypatch.setattr(runnable.subprocess, "run", lambda *a, **k: pytest.fail("the wheel was built again"))
    assert runnable.build_wheel(ROOT, [ROOT / "mathlib"], wheel.parent.parent.parent) == wheel


def test_a_source_change_builds_a_new_wheel(tmp_path, wheel):
    """An edit of the sources changes the cache key, so the next build makes a new wheel."""
    project = tmp_path / "project"
    (project / "mathlib").mkdir(parents=True)
    (project / "pyproject.toml").write_bytes((ROOT / "pyproject.toml").read_bytes())
    (project / "mathlib" / "__init__.py").write_text("x = 1\n", encoding="utf-8")
    first = runnable.build_wheel(project, [project / "mathlib"], tmp_path / "cache")
    (project / "mathlib" / "__init__.py").write_text("x = 2\n", encoding="utf-8")
    second = runnable.build_wheel(project, [project / "mathlib"], tmp_path / "cache")
    assert first.parent != second.parent and first.read_bytes() != second.read_bytes()


def test_the_sites_wheel_imports_autograd_with_nothing_else_installed(built_site, tmp_path):
    """The wheel the site serves (named by wheel.txt), unpacked alone, imports mathlib.autograd without NumPy."""
    name = (built_site / "assets" / "python" / "wheel.txt").read_text(encoding="utf-8").strip()
    target = tmp_path / "unpacked"
    zipfile.ZipFile(built_site / "assets" / "python" / name).extractall(target)
    code = (
        f"import sys; sys.path.insert(0, {str(target)!r})\n"
        "import mathlib, mathlib.autograd\n"
        "print(mathlib.__file__.startswith(sys.path[0]), mathlib.autograd.Value(3.0).relu().data)\n"
    )
    result = _run_without_numpy(tmp_path, code, isolated=True)
    assert result.stdout.split() == ["True", "3.0"], result.stderr


# ---------------------------------------------------------------------------- the site
def test_the_site_serves_pyodide_the_editor_and_the_wheel(built_site):
    """Pyodide's boot files, the editor's modules (closure included) and the wheel are in the site."""
    assets = built_site / "assets"
    for name in runnable.PYODIDE_FILES:
        assert (assets / "pyodide" / name).is_file(), name
    dist = ROOT / "node_modules" / "prism-code-editor" / "dist"
    assert all((assets / "editor" / name).is_file() for name in runnable.editor_files(dist))
    assert (assets / "python" / "wheel.txt").is_file()


@pytest.mark.parametrize("page", RUNNABLE_PAGES)
def test_pages_with_runnable_blocks_render_button_and_live_output(built_site, page):
    """Each marked page has runnable blocks: code, a real Run button, a Stop button hidden until
    a run, and a polite live region that starts with the build's verified output."""
    html = (built_site / page / "index.html").read_text(encoding="utf-8")
    assert html.count('class="handbook-runnable"') >= 1
    assert '<button type="button" class="md-button handbook-runnable__run"' in html
    assert '<button type="button" class="md-button handbook-runnable__stop" hidden>Stop</button>' in html
    assert '<div class="handbook-runnable__output" aria-live="polite"><div class="language-text highlight">' in html
    assert "Output · verified at build" in html


def test_a_site_without_runnable_blocks_ships_no_pyodide(make_site, build, tmp_path):
    """A site none of whose pages has a runnable block gets neither Pyodide, the editor nor a wheel."""
    site = make_site(tmp_path, {"index.md": "# Plain\n\n```python\nprint(1)\n```\n"})
    result = build(site)
    assert result.returncode == 0, result.stderr
    assert not (site / "site" / "assets" / "pyodide").exists() and not (site / "site" / "assets" / "python").exists()


# ---------------------------------------------------------------------------- pure Python at build
def _check(text: str, tmp_path: Path) -> list[str]:
    plan = SimpleNamespace(page="docs/page.md", blocks=find_blocks(text))
    site = SimpleNamespace(snippets={}, root=ROOT, sources=[ROOT / "mathlib"])
    return purecheck.check_runnable([plan], site, None, "test")


def test_pure_runnable_blocks_pass_the_check(tmp_path):
    """Runnable blocks that use the standard library, mathlib.autograd and each other pass."""
    text = (
        "```python runnable\nimport math\nfrom mathlib.autograd import Value\nx = Value(math.pi)\n```\n\n"
        "```python runnable\nprint(f'{x.data:.2f}')\n#> 3.14\n```\n"
    )
    assert _check(text, tmp_path) == []


def test_a_runnable_block_that_needs_numpy_fails_naming_its_line(tmp_path):
    """`import numpy` in a runnable block fails the check, naming page and line."""
    (failure,) = _check("text\n\n```python runnable\nimport numpy as np\n```\n", tmp_path)
    assert failure.startswith("docs/page.md:3:") and "No module named 'numpy'" in failure


def test_a_runnable_block_that_needs_a_plain_block_fails(tmp_path):
    """A runnable block using a name that only a block not marked runnable defines fails the check."""
    text = "```python\nvalue = 2\n```\n\n```python runnable\nprint(value)\n```\n"
    (failure,) = _check(text, tmp_path)
    assert failure.startswith("docs/page.md:5:") and "NameError" in failure


def test_a_runnable_block_whose_stated_output_differs_fails(tmp_path):
    """Stated outputs are checked in the pure run too."""
    (failure,) = _check("```python runnable\nprint(1 + 1)\n#> 3\n```\n", tmp_path)
    assert failure.startswith("docs/page.md:3: the output does not match")


def test_the_build_fails_on_a_runnable_block_that_needs_numpy(make_site, build, tmp_path):
    """The strict build runs the check: a runnable block importing NumPy fails it, naming page and line."""
    page = "# Page\n\n```python runnable\nimport numpy as np\nprint(np.pi > 3)\n#> True\n```\n"
    site = make_site(tmp_path, {"index.md": page}, wheel=str(ROOT), sources=[str(ROOT / "mathlib")])
    result = build(site)
    assert result.returncode != 0
    assert "docs/index.md:3:" in result.stderr and "No module named 'numpy'" in result.stderr
