"""One page as a Jupyter notebook and a Python script, with the build's verified outputs.

Like sphinx-gallery's "Download Jupyter notebook" and "Download Python source code" and
Dive into Deep Learning's notebooks: a reader takes a page home and runs it. The notebook is
made from the page's Markdown, parsed by :mod:`handbook.blocks` (the one parser), and from
the results the build checked, so its outputs are the page's:

* prose becomes Markdown cells as Jupyter shows them: inline expressions replaced by their
  values, formulas kept as ``$…$``, snippets included, admonitions turned into block quotes
  under their bold title, tabs into bold headings, ``md_in_html`` wrappers and attribute
  lists dropped, fences' options dropped, links made absolute to the site (or left as text);
* each executed block becomes a code cell (``#>`` lines dropped, as the page shows it) with
  its output: stream text, plots as ``text/html``, diagrams as ``text/markdown``, formulas
  as ``text/latex``; a block that must raise (``raises=``) is tagged ``raises-exception``
  (Jupyter's convention, honoured by nbclient) and carries its error; ``show="output"``
  blocks are tagged ``hide-input``; a ``pycon`` session gives a cell per example; a quiz
  becomes its question with the answer folded away;
* a first code cell sets warnings to errors, as the engine runs every block, so the page's
  mistakes (``raises="RuntimeWarning"``) fail in the notebook as they do on the page.

Cell ids come from the page and the cell's position, and nothing carries a date, so two
builds write the same bytes. The script is Jupytext's percent format (``# %%`` cells, prose
as ``# %% [markdown]`` comments) of the same notebook, with each mistake wrapped in
``try``/``except`` so that ``python page.py`` runs from top to bottom.
"""

from __future__ import annotations

import ast
import hashlib
import re
import textwrap

import nbformat
from nbformat import NotebookNode

from handbook.blocks import _scan, fenced_lines, find_blocks
from handbook.execute import strip_expectations
from handbook.inline import substitute

__all__ = ["SETUP", "link_targets", "page_notebook", "page_script"]

SETUP = (
    "# The handbook runs every block with warnings as errors (a warning is numerical trouble that\n"
    "# must not scroll past unseen); so does this notebook, and the page's mistakes fail as shown.\n"
    "import warnings\n\n"
    'warnings.simplefilter("error")\n'
    'warnings.simplefilter("default", DeprecationWarning)\n'
    'warnings.simplefilter("default", PendingDeprecationWarning)'
)
KERNEL = {"name": "python3", "display_name": "Python 3 (ipykernel)", "language": "python"}

_ADMONITION = re.compile(
    r'^(?P<indent>[ \t]*)(?:!!!|\?\?\?\+?)[ \t]+(?P<kind>[\w-]+)(?:[ \t]+"(?P<title>[^"]*)")?[ \t]*$'
)
_TAB = re.compile(r'^(?P<indent>[ \t]*)===\+?[ \t]+"(?P<title>[^"]*)"[ \t]*$')
_DIV_OPEN = re.compile(r"^[ \t]*<div\b[^>]*\bmarkdown\b[^>]*>[ \t]*$")
_DIV_CLOSE = re.compile(r"^[ \t]*</div>[ \t]*$")
_ATTRS = re.compile(r"[ \t]*\{:?[ \t]*[.#][^}\n]*\}")  # attr_list: `## Title { #id }`, `[x](y){ .button }`
_LINK = re.compile(r"(?P<bang>!?)\[(?P<text>[^\]\n]*)\]\((?P<target>[^)\s]+)(?P<title>[ \t]+\"[^\"]*\")?\)")
_REF = re.compile(r"\[(?P<text>[^\]\n]+)\]\[(?P<id>[\w.:-]+)\]")  # mkdocs-autorefs: [`dot`][mathlib.linalg.dot]
_CODE_SPAN = re.compile(r"(`+).+?\1")
_SNIPPET = re.compile(r"^[ \t]*;?-{1,}8<-{1,}[ \t]")
_SCHEME = re.compile(r"^(?:[a-z][a-z0-9+.-]*:|//)", re.IGNORECASE)


def _cell_id(page: str, index: int) -> str:
    return hashlib.sha256(f"{page}#{index}".encode()).hexdigest()[:12]


def _outside_code(pattern: re.Pattern, line: str):
    """The matches of ``pattern`` in ``line`` that do not start inside a code span."""
    spans = [span.span() for span in _CODE_SPAN.finditer(line)]
    return [m for m in pattern.finditer(line) if not any(a <= m.start() < b for a, b in spans)]


def link_targets(text: str) -> list[str]:
    """Every link target and cross-reference identifier of ``text``'s prose, in page order."""
    fenced = fenced_lines(text)
    found = []
    for number, line in enumerate(text.split("\n"), start=1):
        if number not in fenced:
            found += [m["target"] for m in _outside_code(_LINK, line)]
            found += [f"[{m['id']}]" for m in _outside_code(_REF, line)]
    return found


def _links(line: str, links: dict[str, str | None]) -> str:
    """Links of one prose line made absolute (``links``: target -> URL, None to leave text)."""

    def inline(match: re.Match) -> str:
        url = links.get(match["target"], match["target"])
        if url is None:
            return "" if match["bang"] else match["text"]
        return f"{match['bang']}[{match['text']}]({url}{match['title'] or ''})"

    def reference(match: re.Match) -> str:
        url = links.get(f"[{match['id']}]")
        return match["text"] if url is None else f"[{match['text']}]({url})"

    for pattern, replace in ((_LINK, inline), (_REF, reference)):
        for match in reversed(_outside_code(pattern, line)):
            line = line[: match.start()] + replace(match) + line[match.end() :]
    return line


def _plain(text: str, links: dict[str, str | None], expand) -> list[str]:
    """The page's lines as plain Markdown, one entry per source line (so the blocks' line
    numbers still hold); an entry holds several lines where a snippet was included."""
    lines = text.split("\n")
    fenced = fenced_lines(text)
    fences = {start: attrs for _lang, attrs, start, _close, _indent in _scan(text) if attrs.strip()}
    stack: list[tuple[int, bool]] = []  # open containers: (body indent, shown as a block quote)
    divs, out = 0, []

    def width(line: str) -> int:
        return len(line) - len(line.lstrip(" "))

    def prefix(containers) -> str:
        return "> " * sum(quote for _, quote in containers)

    for index, line in enumerate(lines):
        number = index + 1
        if not line.strip():
            following = next((item for item in lines[index + 1 :] if item.strip()), "")
            kept = [c for c in stack if width(following) >= c[0]]
            out.append(prefix(kept).rstrip())
            continue
        while stack and width(line) < stack[-1][0]:
            stack.pop()
        body = line[stack[-1][0] :] if stack and line[: stack[-1][0]].isspace() else line.lstrip(" ")
        if number not in fenced:
            admonition, tab = _ADMONITION.match(line), _TAB.match(line)
            if admonition or tab:
                match = admonition or tab
                title = match["title"] if match["title"] is not None else match["kind"].capitalize()
                stack.append((len(match["indent"]) + 4, bool(admonition)))
                out.append((prefix(stack) + (f"**{title}**" if title else "")).rstrip())
                continue
            if _DIV_OPEN.match(line) or (divs and _DIV_CLOSE.match(line)):
                divs += 1 if _DIV_OPEN.match(line) else -1
                out.append(prefix(stack).rstrip())
                continue
            body = _links(_ATTRS.sub("", body), links)
        if index in fences:  # a fence's options are for the site: "```python exec="off"" -> "```python"
            body = body[: len(body) - len(fences[index])].rstrip()
        if _SNIPPET.match(line) and expand is not None:
            body = expand(body)
        out.append("\n".join(prefix(stack) + piece for piece in body.split("\n")))
    return out


# nbformat.v4's new_* functions validate each cell and output against the schema as it is
# made, which was most of a page's export time; the notebook is validated once, whole, instead.
def _node(**fields) -> NotebookNode:
    return nbformat.from_dict(fields)  # a copy all the way down: cells never share their metadata


def _markdown(source: str, metadata: dict | None = None) -> NotebookNode:
    return _node(id="", cell_type="markdown", source=source, metadata=metadata or {})


def _code(source: str, metadata: dict | None = None) -> NotebookNode:
    return _node(id="", cell_type="code", metadata=metadata or {}, execution_count=None, source=source, outputs=[])


def _stream(text: str) -> NotebookNode:
    return _node(output_type="stream", name="stdout", text=text)


def _result(data: dict, execution_count: int) -> NotebookNode:
    return _node(output_type="execute_result", metadata={}, data=data, execution_count=execution_count)


def _markdown_cell(entries: list[str]) -> str:
    text = "\n".join(entries).split("\n")
    while text and text[-1].strip() in {"", ">"}:
        text.pop()
    while text and text[0].strip() in {"", ">"}:
        text.pop(0)
    return textwrap.dedent("\n".join(text))  # a list item's text after its block is not code


def _outputs(outcome: dict, count: int) -> list:
    found = []
    if outcome.get("stdout"):
        found.append(_stream(outcome["stdout"]))
    for markdown in outcome.get("markdown") or []:
        mime = "text/latex" if markdown.startswith("$$\n") and markdown.endswith("\n$$") else "text/markdown"
        found.append(_result({mime: markdown}, count))
    for html in outcome.get("html") or []:
        found.append(_result({"text/html": html}, count))
    if outcome.get("error"):
        ename, _, evalue = outcome["error"].partition(": ")
        ename = ename.rsplit(".", 1)[-1]
        found.append(_node(output_type="error", ename=ename, evalue=evalue, traceback=[outcome["error"]]))
    return found


def _session(transcript: str) -> list[tuple[str, str]]:
    """A pycon transcript as (source, output) per example."""
    examples: list[list[list[str]]] = []
    for line in transcript.split("\n"):
        if line.startswith(">>> "):
            examples.append([[line[4:]], []])
        elif line.startswith("... ") and examples and not examples[-1][1]:
            examples[-1][0].append(line[4:])
        elif examples:
            examples[-1][1].append(line)
    return [("\n".join(source), "\n".join(output)) for source, output in examples]


def _quiz(question: dict) -> str:
    letters = "ABCDEFGH"
    lines = [f"**Question.** {question['prompt']}", ""]
    lines += [f"- **{letters[i]}.** {option['text']}" for i, option in enumerate(question["options"])]
    lines += ["", "<details><summary>Answer</summary>", ""]
    for i, option in enumerate(question["options"]):
        verdict = "right" if option["correct"] else "wrong"
        lines.append(f"- **{letters[i]}** ({verdict}): {option['why']}")
    return "\n".join([*lines, "", "</details>"])


def _is_expression(source: str) -> bool:
    try:
        ast.parse(source, mode="eval")
    except SyntaxError:
        return False
    return True


def page_notebook(text: str, run: list[dict], outcomes: list, *, page: str, url: str, links=None, expand=None):
    """The notebook of one page: ``text`` its Markdown as read, ``run`` the engine's plan of it
    (``PagePlan.run``), ``outcomes`` what each entry gave (``Outcome.to_dict``), ``page`` its
    label (``docs/x.md``), ``url`` its address; ``links`` maps each of :func:`link_targets`
    to an absolute URL (None: leave the text), and ``expand`` includes a snippet line."""
    if len(run) != len(outcomes) or any(outcome is None for outcome in outcomes):
        raise ValueError(f"page_notebook: {page} needs an outcome for each of its {len(run)} blocks")
    values = [o["value"].replace("\n", " ") for spec, o in zip(run, outcomes, strict=True) if spec["lang"] == "inline"]
    text = substitute(text, values)
    results = {(spec["lang"], spec["line"]): (spec, o) for spec, o in zip(run, outcomes, strict=True)}
    prose = _plain(text, links or {}, expand)
    heading = re.search(r"^# +(.+?)\s*$", text, re.MULTILINE)
    name = f"[{heading[1] if heading else page}]({url})" if url else (heading[1] if heading else page)
    intro = (
        f"*The page {name} as a notebook, with the outputs its build verified. It imports `mathlib`:"
        " run it where the handbook's `mathlib` is installed.*"
    )
    cells, cursor = [_markdown(intro), _code(SETUP)], 0
    for block in find_blocks(text):
        found = results.get((block.lang, block.line))
        if found is None:  # exec="off": shown, never run; it stays a fence of the prose
            continue
        spec, outcome = found
        cells.append(_markdown(_markdown_cell(prose[cursor : block.line - 1])))
        cursor = block.end_line
        where = {"handbook": {"line": block.line}}
        if block.lang == "quiz":
            cells.append(_markdown(_quiz(outcome["question"]), where))
        elif block.lang == "pycon":
            for source, shown in _session(outcome.get("transcript") or ""):
                cell = _code(source, where)
                if shown.startswith("Traceback (most recent call last):"):
                    cell.metadata["tags"] = ["raises-exception"]
                    cell.outputs = _outputs({"error": shown.rstrip("\n").split("\n")[-1]}, 0)
                elif shown:
                    data = {"text/plain": shown}
                    cell.outputs = [_result(data, 0)]
                    if not _is_expression(source):
                        cell.outputs = [_stream(shown + "\n")]
                cells.append(cell)
        else:
            cell = _code(strip_expectations(spec["code"]).strip("\n"), where)
            tags = ["raises-exception"] * ("raises" in spec["options"]) + ["hide-input"] * ("show" in spec["options"])
            if tags:
                cell.metadata["tags"] = tags
            cell.outputs = _outputs(outcome, 0)
            cells.append(cell)
    cells.append(_markdown(_markdown_cell(prose[cursor:])))
    cells = [cell for cell in cells if cell.source.strip()]
    count = 0
    for index, cell in enumerate(cells):
        cell.id = _cell_id(page, index)
        if cell.cell_type == "code":
            count += 1
            cell.execution_count = count
            for output in cell.outputs:
                if "execution_count" in output:
                    output.execution_count = count
    metadata = {"kernelspec": KERNEL, "language_info": {"name": "python"}, "handbook": {"page": page, "url": url}}
    notebook = nbformat.v4.new_notebook(cells=cells, metadata=metadata)
    nbformat.validate(notebook)
    return notebook


def page_script(notebook) -> str:
    """The notebook as a percent-format script (Jupytext) that ``python`` runs to the end:
    a cell that must raise is wrapped in ``try``/``except``, and its error printed."""
    import copy

    import jupytext

    notebook = copy.deepcopy(notebook)
    for cell in notebook.cells:
        cell.outputs = [] if cell.cell_type == "code" else cell.get("outputs", [])
        if cell.cell_type == "code" and "raises-exception" in cell.metadata.get("tags", []):
            cell.source = (
                "try:\n"
                + textwrap.indent(cell.source, "    ")
                + "\nexcept Exception as error:  # the page shows this mistake: it must raise\n"
                + '    print(f"{type(error).__name__}: {error}")'
            )
        cell.metadata = {}
    notebook.metadata["jupytext"] = {"notebook_metadata_filter": "-all", "cell_metadata_filter": "-all"}
    return jupytext.writes(notebook, fmt="py:percent")
