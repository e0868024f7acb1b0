"""The keyboard on a loaded page: the first Tab reaches the skip link, which moves the
focus into main (#main-content), and each of the next Tab stops (up to MAX_STOPS, or
until the focus leaves the page) shows where the focus is (WCAG 2.4.7).

The design system shows the focus with an outline on links, buttons, inputs, selects and
text areas (`a:focus, button:focus, input:focus, ... { outline: 3px solid }`), on the
label's ::before for its radios and checkboxes (the input itself is transparent), and
with box-shadows or colours on some components. So a stop shows the focus when the
focused element, its ::before or ::after, or (for a radio or checkbox) its label or the
label's pseudo-elements have an outline or a box-shadow, or look different from when the
focus has left them (border, background, colour, underline). The part that shows it must
be on screen: a focused element that is not rendered or not visible is no stop at all.
"""

from __future__ import annotations

from tests.browser.conftest import Tab

MAX_STOPS = 40

# Records each Tab stop as the key goes up (the focus has moved by then, also between
# the parts of a date field, which are one element to the page), with how it looks.
RECORD_STOPS = """() => {
    const LOOK = ['outlineStyle', 'outlineWidth', 'outlineColor', 'boxShadow',
        'borderTopColor', 'borderRightColor', 'borderBottomColor', 'borderLeftColor',
        'borderTopWidth', 'borderRightWidth', 'borderBottomWidth', 'borderLeftWidth',
        'backgroundColor', 'color', 'textDecorationLine', 'textDecorationThickness'];
    const transparent = c => c === 'transparent' || /rgba\\(.*, 0\\)$/.test(c);
    // Transitions jump to their end, as a person sees the focus after a moment.
    const settle = () => document.getAnimations()
        .filter(a => a instanceof CSSTransition).forEach(a => a.finish());
    // What a person can see of the element: itself, unless it is transparent, and
    // for a radio or checkbox its labels (the design system draws those boxes).
    const onScreen = node => {
        const box = node.getBoundingClientRect();
        return node.checkVisibility({checkOpacity: true, checkVisibilityCSS: true})
            && box.width > 1 && box.height > 1 && box.bottom > 0 && box.right > 0
            && box.top < innerHeight && box.left < innerWidth;
    };
    const holders = el => {
        const all = [el];
        if (el.matches('input[type=radio], input[type=checkbox]')) {
            all.push(...Array.from(el.labels || []));
        }
        return all.filter(onScreen);
    };
    const parts = nodes => nodes.flatMap(
        h => [[h, null], [h, '::before'], [h, '::after']]);
    const look = nodes => parts(nodes).map(([node, pseudo]) => {
        const style = getComputedStyle(node, pseudo);
        return LOOK.map(name => style[name]).join('|');
    });
    const marked = nodes => parts(nodes).some(([node, pseudo]) => {
        const style = getComputedStyle(node, pseudo);
        const outline = style.outlineStyle !== 'none'
            && parseFloat(style.outlineWidth) > 0 && !transparent(style.outlineColor);
        return outline || style.boxShadow !== 'none';
    });
    window.__focusLook = look;
    window.__settle = settle;
    window.__tabStops = [];
    document.addEventListener('keyup', event => {
        if (event.key !== 'Tab') {
            return;
        }
        settle();
        const el = document.activeElement;
        const seen = el === document.body ? [] : holders(el);
        window.__tabStops.push({
            el: el,
            holders: seen,
            what: el === document.body ? 'body' : el.outerHTML.slice(0, 140),
            marked: marked(seen),
            look: look(seen),
        });
    }, true);
}"""

LEFT_THE_PAGE = "() => window.__tabStops.some(stop => stop.el === document.body)"
# The stops up to where the focus leaves the page (or comes round again), and of those
# the ones that do not show the focus (compared with how they look without it).
UNSHOWN_STOPS = """() => {
    const seen = new Set();
    const walked = [];
    for (const stop of window.__tabStops) {
        const previous = walked.length ? walked[walked.length - 1].el : null;
        if (stop.el === document.body || (seen.has(stop.el) && stop.el !== previous)) {
            break;
        }
        // The same element again: the next part of a field (a date's day, month,
        // year and calendar button).
        seen.add(stop.el);
        walked.push(stop);
    }
    document.activeElement.blur();
    window.__settle();
    const bad = walked.filter(stop => !stop.holders.length || (!stop.marked
        && window.__focusLook(stop.holders).join() === stop.look.join()));
    return [walked.length, bad.map(stop => (stop.holders.length ? 'no indicator: '
        : 'not on screen: ') + stop.what)];
}"""
IN_MAIN = """() => document.activeElement !== null
    && document.activeElement.closest('main#main-content') !== null"""


def _skip_link_problems(tab: Tab) -> list[str]:
    """Enter on the skip link, which has the focus."""
    tab.page.keyboard.press("Enter")
    if not tab.page.evaluate(IN_MAIN):
        return ["the skip link does not move the focus into main"]
    return []


def keyboard_problems(tab: Tab, *, header: bool) -> list[str]:
    """The skip link and a Tab walk on the page just loaded (nothing focused yet):
    through the header when `header` (it is the same on every page of a role), else
    from main, until the focus leaves the page, at most MAX_STOPS stops."""
    page = tab.page
    page.evaluate(RECORD_STOPS)
    page.keyboard.press("Tab")
    skip_link = page.evaluate("() => window.__tabStops[0]?.el.matches('a.skipnav')")
    problems = [] if skip_link else ["the first Tab stop is not the skip link"]
    if skip_link and not header:
        problems += _skip_link_problems(tab)
    # A few stops at a time: most pages have fewer than MAX_STOPS.
    pressed = 0
    while pressed < MAX_STOPS and not page.evaluate(LEFT_THE_PAGE):
        for _ in range(min(10, MAX_STOPS - pressed)):
            page.keyboard.press("Tab")
        pressed += 10
    walked, unshown = page.evaluate(UNSHOWN_STOPS)
    if walked < 2:
        problems.append(f"the Tab walk stopped after {walked} stop(s)")
    if skip_link and header:
        page.locator("a.skipnav").focus()
        problems += _skip_link_problems(tab)
    return problems + [f"Tab stop {stop}" for stop in unshown]
