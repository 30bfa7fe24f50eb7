"""Every page's download runs as it is and gives the page's outputs (handbook.nbcheck).

The session's build of the real site writes a notebook beside every page whose code ran
(handbook.downloads). Each is executed in a fresh ``python3`` kernel by nbclient, two at a
time (the machine's cores), and every code cell's outputs are compared with the page's.
"""

import time
from pathlib import Path

import nbformat
import pytest

from handbook.blocks import find_blocks
from handbook.nbcheck import check_all

ROOT = Path(__file__).resolve().parent.parent
pytestmark = pytest.mark.build


def _runs_code(path: Path) -> bool:
    return any(b.executes and b.lang in {"python", "pycon"} for b in find_blocks(path.read_text(encoding="utf-8")))


def _download(source: Path) -> str:
    """Where the build puts a page's notebook: beside its HTML, named as its source."""
    relative = source.relative_to(ROOT / "docs")
    folder = relative.parent if relative.stem == "index" else relative.with_suffix("")
    return (folder / f"{relative.stem}.ipynb").as_posix()


SOURCES = sorted(
    p
    for p in [*(ROOT / "docs").rglob("*.md"), *(ROOT / "docs").rglob("*.ipynb")]
    if "snippets" not in p.parts and (p.suffix == ".ipynb" or _runs_code(p))
)
DOWNLOADS = [_download(p) for p in SOURCES]


@pytest.fixture(scope="session")
def notebook_checks(built_site) -> dict[str, list[str]]:
    """Every download of the site executed and compared, two kernels at a time: {path: problems}."""
    started = time.perf_counter()
    paths = [built_site / name for name in DOWNLOADS if (built_site / name).is_file()]
    found = check_all(paths, ROOT, workers=2)
    print(f"\nnbcheck: {len(paths)} notebooks executed in {time.perf_counter() - started:.1f} s")
    return {path.relative_to(built_site).as_posix(): problems for path, problems in found.items()}


def test_every_page_that_runs_code_and_no_other_has_a_notebook_and_a_script(built_site):
    """The site's downloads are exactly the pages that run code (and the code lab), each with its .py."""
    notebooks = sorted(p.relative_to(built_site).as_posix() for p in built_site.rglob("*.ipynb"))
    assert notebooks == sorted(DOWNLOADS)
    assert [n for n in notebooks if not (built_site / n).with_suffix(".py").is_file()] == []


def test_the_code_labs_download_carries_the_builds_outputs(built_site):
    """The code lab's .ipynb is the executed notebook: every code cell has its outputs."""
    notebook = nbformat.read(built_site / "chapter2" / "code-lab" / "code-lab.ipynb", as_version=4)
    code = [cell for cell in notebook.cells if cell.cell_type == "code"]
    assert code and all(cell.outputs for cell in code)


@pytest.mark.parametrize("download", DOWNLOADS)
def test_the_notebook_runs_and_reproduces_its_page(notebook_checks, download):
    """Executed in a fresh kernel, the notebook gives its page's outputs, cell by cell."""
    assert download in notebook_checks, f"{download} was not written by the build"
    assert notebook_checks[download] == []
