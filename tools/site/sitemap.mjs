// sitemap.xml (sitemaps.org protocol 0.9) and robots.txt for the assembled site (issue 14 item 3): the home
// page, the methodology, the table of every occupation and the page of every unit group, in a fixed order and with no dates, so a rebuild writes
// the same bytes.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';

function escapeXml(text) {
  return text.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]);
}

function checkedSiteUrl(siteUrl) {
  let url;
  try {
    url = new URL(siteUrl);
  } catch {
    throw new Error(`sitemap: the site URL must be absolute (got ${siteUrl})`);
  }
  if (!/^https?:$/.test(url.protocol) || !url.pathname.endsWith('/') || url.search || url.hash) {
    throw new Error(`sitemap: the site URL must be an http(s) URL of a folder, ending in "/" (got ${siteUrl})`);
  }
  return url.href;
}

/** The page of unit group `soc` under `siteUrl` (an absolute URL ending in "/"). */
export function occupationUrl(siteUrl, soc) {
  return `${siteUrl}occupation/${soc}/`;
}

/**
 * Writes `out`/sitemap.xml (the home page `siteUrl`, the methodology, the occupations, then the page of each SOC code of `socs` in
 * code order)
 * and `out`/robots.txt (allows everything and names the sitemap). Rejects a bad site URL or a code given twice.
 */
export async function writeSitemap({ out, siteUrl, socs }) {
  const home = checkedSiteUrl(siteUrl);
  const codes = [...socs].sort();
  codes.forEach((soc, i) => {
    if (!/^\d{4}$/.test(soc)) throw new Error(`sitemap: "${soc}" is not a SOC 2020 unit group code`);
    if (soc === codes[i - 1]) throw new Error(`sitemap: ${soc} is listed twice`);
  });
  // No <lastmod>: a date would change the bytes of every build, and the protocol makes it optional.
  const urls = [home, `${home}methodology/`, `${home}occupations/`, ...codes.map((soc) => occupationUrl(home, soc))];
  const sitemap = '<?xml version="1.0" encoding="UTF-8"?>\n' +
                  '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n' +
                  urls.map((url) => `  <url><loc>${escapeXml(url)}</loc></url>\n`).join('') +
                  '</urlset>\n';
  await writeFile(join(out, 'sitemap.xml'), sitemap);
  // Crawlers read robots.txt only at the root of an origin: when the site is served under a path, this copy
  // is there for the host to merge into its own, and the Sitemap line (which may name any URL) still holds.
  await writeFile(join(out, 'robots.txt'), `User-agent: *\nAllow: /\n\nSitemap: ${home}sitemap.xml\n`);
}
