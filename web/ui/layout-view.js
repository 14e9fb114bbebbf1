// The page's layout: which sections it shows for its state (a role, or the empty state of the home, not-found or
// too-long page), what the empty state says, the notice a too-long link's page opens with, and the data build in
// the footer. Drawn first in every frame: the sections it hides are not drawn. Root: <body>.
import { el, setAttr, setHidden, setText } from './dom.js';

// What the empty state says on each page that shows no role.
const EMPTY_STATES = {
  home: {
    label: 'No occupation chosen',
    heading: 'Pick an occupation to see its tasks',
    text: 'Search above, choose one of the examples, or pick any row of the table of all occupations below. Meanwhile '
      + 'the UK-wide figures below already follow every assumption you set.',
  },
  'not-found': {
    label: 'Page not found',
    heading: 'No page here',
    text: 'This address names no page of the calculator: an occupation code may be mistyped (SOC 2020 unit groups have '
      + 'four digits, such as 1137). Search for an occupation above, or pick one from the table of all UK occupations below.',
  },
  'too-long': {
    label: 'Link too long',
    heading: 'This link is too long to open',
    text: 'A link to the calculator carries its assumptions; this one is longer than any the calculator makes, so none '
      + 'of it was used. Search for an occupation above, or pick one from the table of all UK occupations below.',
  },
};

/**
 * Shows the sections of the state: `page` ('home', 'role', 'not-found' or 'too-long'), `soc` (the role shown, or
 * ''), `compare` (the roles compared), `homeHref` and `maxLinkBytes` (what the too-long page's notice says).
 */
export function renderLayout(root, snapshot, { page, soc, compare, homeHref, maxLinkBytes }) {
  const report = soc ? snapshot.report(soc) : null;
  const shown = Boolean(report?.ok);
  const find = (selector) => root.querySelector(selector);
  const article = find('#occupation');
  setHidden(article, !shown);
  setAttr(article, 'data-soc', shown ? soc : null);
  setHidden(find('#empty-state'), shown);
  setHidden(find('#examples'), Boolean(soc));
  setHidden(find('#start'), !shown || report.report.whereToStart.length === 0);
  setHidden(find('#compare'), compare.length === 0);
  const empty = EMPTY_STATES[page] ?? EMPTY_STATES.home;
  const emptyState = find('#empty-state');
  setAttr(emptyState, 'aria-label', empty.label);
  setText(emptyState.querySelector('h2'), empty.heading);
  setText(emptyState.querySelector('p'), empty.text);
  setText(find('#build-id'), snapshot.build);
  if (page === 'too-long') tooLongNotice(find('#notices'), { homeHref, maxLinkBytes });
}

// The notice the live page shows for a link past the core's own limit, here for one past the servers': it has
// that notice's key, so a live notice takes its place.
function tooLongNotice(area, { homeHref, maxLinkBytes }) {
  if (area.querySelector('[data-key="link:too-long"]')) return;
  const doc = area.ownerDocument;
  area.append(el(doc, 'div', { class: 'notice notice--warning', 'data-key': 'link:too-long', 'data-scope': 'view' },
    el(doc, 'p', { class: 'notice__text' },
       `The link is too long for the server (more than ${maxLinkBytes.toLocaleString('en-GB')} characters), so none of it `
       + 'was used: the calculator shows the default assumptions. ',
       el(doc, 'a', { class: 'link', href: homeHref }, 'Go to the home page'), '.'),
    el(doc, 'button', { type: 'button', class: 'notice__close needs-js', 'aria-label': 'Dismiss this notice' })));
}
