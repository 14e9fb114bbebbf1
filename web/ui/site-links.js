// Addresses of the site's pages, the same at build time and in the browser: a role's page is
// <root>occupation/<soc>/, and every link between pages is a path from the server's root, so a link drawn on one
// page stays right after the address changes to another (history.pushState) and under any deployment folder.

/** `root`: the URL (or path) of the site's root folder, ending in "/". */
export function siteLinks(root) {
  const rootPath = new URL(root, 'http://site.invalid/').pathname;
  return {
    rootPath,
    home: () => rootPath,
    role: (soc) => `${rootPath}occupation/${soc}/`,
    methodology: () => `${rootPath}methodology/`,
    occupations: () => `${rootPath}occupations/`,
    // A role's tasks under the default assumptions, written with the data at site assembly.
    tasksFile: (soc) => `${rootPath}data/tasks/${soc}.csv`,
  };
}

/** The SOC 2020 code of a role page's path ("/occupation/1137/" -> "1137"), or "" for any other path. */
export function roleFromPath(pathname, links) {
  if (!pathname.startsWith(links.rootPath)) return '';
  const match = /^occupation\/(\d{4})\/(index\.html)?$/.exec(pathname.slice(links.rootPath.length));
  return match ? match[1] : '';
}
