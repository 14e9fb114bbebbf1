// The page's layout: which of its sections it shows for its state (a role page shows its role's, and the compared
// roles when there are any), what a page of a wrong address says (not found, too long), the notice a too-long
// link's page opens with, and the data build in the footer. Drawn first in every frame: the sections it hides are
// not drawn. Root: <body>; every part it looks for is optional, as pages differ.
import { el, setAttr, setHidden, setText } from './dom.js';

// What a page of a wrong address says.
const MESSAGES = {
  'not-found': {
    label: 'Page not found',
    heading: 'No page here',
    text: 'This address names no page of the calculator: an occupation code may be mistyped (SOC 2020 unit groups have '
      + 'four digits, such as 1137). Search for an occupation below, or see every UK occupation on the home page.',
  },
  'too-long': {
    label: 'Link too long',
    heading: 'This link is too long to open',
    text: 'A link to the calculator carries its assumptions; this one is longer than any the calculator makes, so none '
      + 'of it was used. Search for an occupation below, or see every UK occupation on the home page.',
  },
};

/**
 * Shows the sections of the state: `page` ('home', 'role', 'methodology', 'not-found' or 'too-long'), `soc` (the
 * role shown, or ''), `compare` (the roles compared), `homeHref` and `maxLinkBytes` (the too-long page's notice).
 */
export function renderLayout(root, snapshot, { page, soc, compare, homeHref, maxLinkBytes }) {
  const find = (selector) => root.querySelector(selector);
  const article = find('#occupation');
  if (article) {
    const report = soc ? snapshot.report(soc) : null;
    const shown = Boolean(report?.ok);
    setHidden(article, !shown);
    setAttr(article, 'data-soc', shown ? soc : null);
    setHidden(find('#start'), !shown || report.report.whereToStart.length === 0);
  }
  const compared = find('#compare');
  if (compared) setHidden(compared, compare.length === 0);
  const message = MESSAGES[page];
  const box = find('#empty-state');
  if (box && message) {
    setAttr(box, 'aria-label', message.label);
    setText(box.querySelector('h1'), message.heading);
    setText(box.querySelector('p'), message.text);
  }
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
