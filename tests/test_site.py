"""The real site: it builds strictly, offline, and the same way twice."""

import hashlib
import json
import re
from pathlib import Path

import pytest

import mathlib

ROOT = Path(__file__).resolve().parent.parent
pytestmark = pytest.mark.build

EXTERNAL = re.compile(r"""(?:src|href)\s*=\s*["']?(?:https?:)?//(?!127\.0\.0\.1|localhost)""")


def _digest(folder: Path) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def test_site_builds_strictly(built_site):
    """`mkdocs build --strict` of the handbook succeeds and writes the home page."""
    assert (built_site / "index.html").is_file()


def test_no_page_loads_anything_from_another_host(built_site):
    """No HTML page references a script, stylesheet, font or image on another host (no CDN)."""
    offenders = [
        p.relative_to(built_site).as_posix()
        for p in built_site.rglob("*.html")
        if EXTERNAL.search(re.sub(r'<a\s[^>]*href="https?://[^"]*"', "", p.read_text(encoding="utf-8")))
    ]
    assert offenders == []


def test_katex_stylesheet_and_fonts_are_served_by_the_site_and_no_script(built_site):
    """KaTeX's stylesheet and fonts are files of the site; its script is neither shipped nor loaded."""
    katex = built_site / "assets" / "katex"
    assert (katex / "katex.min.css").is_file()
    assert any((katex / "fonts").glob("KaTeX_Main-Regular.woff2"))
    assert not list(katex.rglob("*.js"))
    assert not [p for p in built_site.rglob("*.html") if "katex.min.js" in p.read_text(encoding="utf-8")]


def test_every_formula_is_typeset_in_the_html_so_it_reads_without_javascript(built_site):
    """Each formula arithmatex marked holds KaTeX's HTML, and no page (the notebook too) shows a raw $ or \\(."""
    untypeset, raw = [], []
    for path in built_site.rglob("*.html"):
        page = path.read_text(encoding="utf-8")
        for match in re.finditer(r'<(span|div) class="arithmatex">(.{0,40})', page, re.DOTALL):
            if not match[2].startswith('<span class="katex'):
                untypeset.append(f"{path.relative_to(built_site)}: {match[2]}")
        article = re.search(r"<article\b.*</article>", page, re.DOTALL)
        prose = re.sub(
            r"<(pre|code|annotation|script|style|svg)\b.*?</\1>", "", article[0] if article else "", flags=re.DOTALL
        )
        if re.search(r"\\\(|\$", prose):  # the site writes no prices in dollars: a $ is an untypeset formula
            raw.append(str(path.relative_to(built_site)))
    assert untypeset == [] and raw == []
    notebook = (built_site / "chapter2" / "code-lab" / "index.html").read_text(encoding="utf-8")
    assert notebook.count('class="katex"') > 10


def test_two_builds_of_the_same_tree_are_byte_identical(built_site, build_report, build_site, tmp_path):
    """Building again, from the cache the first build filled, gives exactly the same files, byte for byte."""
    again = tmp_path / "site"
    result = build_site(again)
    assert result.returncode == 0, result.stderr
    rerun = json.loads((tmp_path / "site-report.json").read_text(encoding="utf-8"))
    assert {row["cache"] for row in rerun["blocks"] if row["status"] != "shown"} == {"hit"}  # nothing ran again
    first, second = _digest(built_site), _digest(again)
    assert sorted(first) == sorted(second)
    assert [name for name in first if first[name] != second[name]] == []


def test_the_report_covers_every_block_of_every_page(build_report):
    """Every executable block and inline expression the parsers find is in the report, and passed."""
    from handbook.blocks import find_blocks
    from handbook.inline import find_inline

    pages = [p for p in (ROOT / "docs").rglob("*.md") if "snippets" not in p.parts]

    def label(p):
        return f"docs/{p.relative_to(ROOT / 'docs').as_posix()}"

    blocks = {(label(p), block.line) for p in pages for block in find_blocks(p.read_text(encoding="utf-8"))}
    inline = {(label(p), item.line) for p in pages for item in find_inline(p.read_text(encoding="utf-8"))}
    rows = [row for row in build_report["blocks"] if row["line"]]
    assert {(r["page"], r["line"]) for r in rows if r["kind"] != "inline"} == blocks
    assert {(r["page"], r["line"]) for r in rows if r["kind"] == "inline"} == inline
    assert {r["status"] for r in rows} <= {"passed", "shown"}


def test_every_api_page_ran_its_docstring_examples(build_report):
    """Each API page's `::: module` examples ran at build (a doctest row per module)."""
    modules = {
        row["module"] for row in build_report["blocks"] if row["kind"] == "doctest" and row["status"] == "passed"
    }
    assert {f"mathlib.{name}" for name in mathlib.__all__} <= modules


def test_the_report_lists_the_notebook_and_the_slowest_pages(build_report):
    """The code lab is in the report, and the summary names the slowest pages with their seconds.

    (How slow a page may be is a benchmark's target, scripts/bench_build.py, not a timed test.)
    """
    assert any(row["kind"] == "notebook" and row["status"] == "passed" for row in build_report["blocks"])
    slowest = build_report["summary"]["slowest_pages"]
    assert len(slowest) == 5 and all(isinstance(entry["seconds"], float) for entry in slowest)


PUBLIC_MODULES = sorted(mathlib.__all__)


@pytest.mark.parametrize("module", PUBLIC_MODULES)
def test_every_public_name_is_documented_on_its_api_page(built_site, module):
    """Each name in a module's __all__ has its own entry (anchor) on the module's API page."""
    import importlib

    names = importlib.import_module(f"mathlib.{module}").__all__
    html = (built_site / "api" / module / "index.html").read_text(encoding="utf-8")
    missing = [name for name in names if f'id="mathlib.{module}.{name}"' not in html]
    assert missing == []


def test_every_module_of_mathlib_has_an_api_page():
    """The API reference covers every public module the package exports."""
    pages = {p.stem for p in (ROOT / "docs" / "api").glob("*.md")} - {"index"}
    assert set(mathlib.__all__) <= pages


CONTENT_PAGES = sorted(
    p
    for p in (ROOT / "docs").rglob("*.md")
    if p.relative_to(ROOT / "docs").parts[0] not in {"api", "snippets"}
    and p.name not in {"contributing.md", "errata.md"}
)


@pytest.mark.parametrize("page", CONTENT_PAGES, ids=lambda p: p.relative_to(ROOT / "docs").as_posix())
def test_every_content_page_names_its_sources(page):
    """Each content page ends its lesson with a "Sources and further reading" section."""
    assert re.search(r"^## Sources and further reading$", page.read_text(encoding="utf-8"), re.MULTILINE)


# Pages that teach no lesson of their own: the hubs, and the reference pages read by lookup.
NOT_LESSONS = {"index.md", "pillars/index.md", "chapter2/index.md", "india/index.md"} | {
    "chapter2/exercises.md",
    "chapter2/cheat-sheet.md",
    "notation.md",
}
LESSONS = [p for p in CONTENT_PAGES if p.relative_to(ROOT / "docs").as_posix() not in NOT_LESSONS]
_OBJECTIVES = re.compile(
    r"^(?:After this (?:page|section) you can|By the end of this section you will be able to):?\n\n- ",
    re.MULTILINE,
)


@pytest.mark.parametrize("page", LESSONS, ids=lambda p: p.relative_to(ROOT / "docs").as_posix())
def test_every_lesson_states_its_learning_objectives(page):
    """Each teaching page lists what a reader can do after it ("After this page you can:" and a list)."""
    text = page.read_text(encoding="utf-8")
    match = _OBJECTIVES.search(text)
    assert match is not None
    assert match.start() < text.index("\n## ")  # at the top, before the first section


def test_the_objectives_check_needs_a_list_before_the_first_section():
    """A planted page with objectives after its first section, or with no list, is not accepted."""
    late = "# P\n\nIntro.\n\n## One\n\nAfter this page you can:\n\n- do it\n"
    bare = "# P\n\nAfter this page you can: do it.\n\n## One\n"
    assert _OBJECTIVES.search(bare) is None
    assert _OBJECTIVES.search(late).start() > late.index("\n## ")


@pytest.mark.parametrize("page", LESSONS, ids=lambda p: p.relative_to(ROOT / "docs").as_posix())
def test_every_lesson_links_the_notation_page(page):
    """Each teaching page links docs/notation.md (where it first uses a symbol the page fixes)."""
    assert re.search(r"\]\((?:\.\./)*notation\.md(?:#[\w-]+)?\)", page.read_text(encoding="utf-8"))


# The sections of the toolkit chapter and the pages added to the path with their own exercises.
EXERCISED = [
    "chapter2/linear-algebra.md",
    "chapter2/calculus.md",
    "chapter2/probability.md",
    "chapter2/information-theory.md",
    "chapter2/decompositions.md",
    "autograd.md",
    "from-scratch/softmax-regression.md",
    "from-scratch/optimisers.md",
]


def exercises_in(text: str) -> int:
    """Questions (admonitions and quizzes) in the page's "## Exercises" section."""
    section = re.search(r"^## Exercises\n(.*?)(?=^## )", text, re.MULTILINE | re.DOTALL)
    if section is None:
        return 0
    return len(re.findall(r"^(?:!!!|\?\?\?) question|^```quiz", section.group(1), re.MULTILINE))


@pytest.mark.parametrize("page", EXERCISED)
def test_each_section_ends_with_five_to_eight_exercises(page):
    """The toolkit's sections and the new pages each end with an Exercises section of 5 to 8 questions."""
    assert 5 <= exercises_in((ROOT / "docs" / page).read_text(encoding="utf-8")) <= 8


def test_the_exercise_count_reads_only_the_exercises_section():
    """A question before the section, or after it, is not counted; one check-yourself is not an exercise set."""
    text = '!!! question "a"\n\n## Exercises\n\n!!! question "b"\n\n```quiz\n```\n\n## Summary\n\n!!! question "c"\n'
    assert exercises_in(text) == 2
    assert exercises_in('# P\n\n!!! question "Check yourself"\n\n## Summary\n') == 0


def test_no_page_points_to_a_source_file_a_reader_cannot_see():
    """Pages name works by title and author, never as "source 004" or "seed 002"."""
    pattern = re.compile(r"\b(?:source|seed|file)s? 00[0-4]\b", re.IGNORECASE)
    offenders = [
        f"{p.relative_to(ROOT).as_posix()}:{n}"
        for p in sorted((ROOT / "docs").rglob("*.md"))
        for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1)
        if pattern.search(line)
    ]
    assert offenders == []


def test_the_errata_page_lists_every_erratum_box(built_site):
    """The generated Errata page links to as many boxes as the pages hold."""
    from handbook.errata import find_errata

    boxes = sum(len(find_errata(p.read_text(encoding="utf-8"))) for p in (ROOT / "docs").rglob("*.md"))
    listing = (built_site / "errata" / "index.html").read_text(encoding="utf-8")
    assert boxes > 0 and len(re.findall(r'href="[^"]*#erratum-\d+"', listing)) == boxes
