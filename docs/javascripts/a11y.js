// What accessibility needs from the page as it is shown, which the build cannot know, and
// what Material's scripts leave out. tests/test_a11y.py (axe-core) and tests/test_keyboard.py
// hold both.

// 1. A region that scrolls sideways must be reachable by keyboard, so that the arrow keys can
// scroll it (WCAG 2.1.1; axe's scrollable-region-focusable). Display formulas, the notebook's
// code cells and outputs, and wide tables get tabindex="0" while they overflow and lose it
// when they fit, so that a formula that fits is no stop for the Tab key; Material does the
// same for its own code blocks. A ResizeObserver sees a region resize with the window, and
// appear when its collapsible block opens or its tab is chosen.
const SCROLLABLE = "div.arithmatex, .highlight-ipynb, .jp-OutputArea-output, .md-typeset__scrollwrap";

function markScrollable(element) {
  const style = getComputedStyle(element);
  const scrolls =
    (/auto|scroll/.test(style.overflowX) && element.scrollWidth > element.clientWidth) ||
    (/auto|scroll/.test(style.overflowY) && element.scrollHeight > element.clientHeight);
  if (scrolls) element.setAttribute("tabindex", "0");
  else element.removeAttribute("tabindex");
}

// 2. Material wraps each code block's copy button in a <nav>: dozens of navigation landmarks
// a page, all without a name (axe's landmark-unique), none of them navigation. role="none"
// takes the landmark away; the button inside is unchanged. Material adds them when it mounts
// a code block, so they are caught as they appear.
const CODE_NAV = "nav.md-code__nav:not([role])";

function unlandmark(root) {
  root.querySelectorAll(CODE_NAV).forEach((nav) => nav.setAttribute("role", "none"));
}

let resizes = null;
let additions = null;
document$.subscribe(({ body }) => {
  if (resizes) resizes.disconnect(); // instant navigation replaced the page
  resizes = new ResizeObserver((entries) => entries.forEach((entry) => markScrollable(entry.target)));
  body.querySelectorAll(SCROLLABLE).forEach((element) => resizes.observe(element));
  // A web font that arrives late widens a formula's content but not its box, which the
  // ResizeObserver does not see: measure again once the fonts are in.
  document.fonts.ready.then(() => body.querySelectorAll(SCROLLABLE).forEach(markScrollable));
  if (additions) additions.disconnect();
  unlandmark(body);
  additions = new MutationObserver(() => unlandmark(body));
  additions.observe(body, { childList: true, subtree: true });
});

document.fonts.addEventListener("loadingdone", () => document.querySelectorAll(SCROLLABLE).forEach(markScrollable));
