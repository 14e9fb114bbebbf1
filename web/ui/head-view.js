// The document's head as the state gives it: the title (the role's, or the page's) and, for the pages that show no
// role, their description and whether search engines list them. Root: <head>.
import { el, setAttr, setText } from './dom.js';

const HOME_TITLE = 'UK AI Exposure: how exposed is each UK occupation to AI?';
const PAGES = {
  methodology: { title: 'Methodology and sources · UK AI Exposure',
                 description: 'How UK AI Exposure scores each UK occupation, where every figure comes from, and the sources and their licences.' },
  occupations: { title: 'Every UK occupation · UK AI Exposure',
                 description: 'All 412 UK occupations (SOC 2020 unit groups) with their employees, median pay, exposure to AI and wage exposure, in one table.' },
  'not-found': { title: 'Page not found · UK AI Exposure', description: 'This page does not exist.' },
  'too-long': { title: 'Link too long · UK AI Exposure', description: 'This link is too long to open.' },
};

/** The page's title for a role's report, or for none. */
export function pageTitle(report) {
  return report ? `${report.title}: exposure to AI · UK AI Exposure` : HOME_TITLE;
}

/** Writes the head of `page` (as the page's state names it) showing role `soc` ('' for none). */
export function renderHead(head, snapshot, { page, soc }) {
  const result = soc ? snapshot.report(soc) : null;
  const fixed = PAGES[page];
  setText(head.querySelector('title'), fixed && !result?.ok ? fixed.title : pageTitle(result?.ok ? result.report : null));
  if (!fixed) return;
  setAttr(head.querySelector('meta[name="description"]'), 'content', fixed.description);
  // The pages of a wrong address are not for search engines.
  if (['not-found', 'too-long'].includes(page) && !head.querySelector('meta[name="robots"]')) {
    head.append(el(head.ownerDocument, 'meta', { name: 'robots', content: 'noindex' }));
  }
}
