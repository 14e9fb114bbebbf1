// The links between the site's pages (the header's, and a role page's to the UK overview and the methodology)
// carry the assumptions in force, so a visitor moving between pages keeps them. Root: <body>, whose
// [data-page-link] links it writes.
import { setAttr } from './dom.js';

/**
 * `page`: the page shown (its own link is marked current); `home`, `methodology`: the pages' addresses;
 * `withQuery(href, snapshot)`: an address with the assumptions.
 */
export function renderSiteLinks(root, snapshot, { page, home, methodology, withQuery }) {
  const hrefs = { overview: `${withQuery(home, snapshot)}#overview`, who: `${withQuery(home, snapshot)}#who`,
                  methodology: withQuery(methodology, snapshot) };
  const current = { home: 'overview', methodology: 'methodology' }[page];
  for (const link of root.querySelectorAll('a[data-page-link]')) {
    setAttr(link, 'href', hrefs[link.dataset.pageLink] ?? null);
    setAttr(link, 'aria-current', link.dataset.pageLink === current && link.closest('nav.site-nav') ? 'page' : null);
  }
}
