// The bare page the load benchmarks measure against: one module script that writes one line of text, in a
// temporary folder that the caller serves as it serves the site (same server, same headers). What it costs to
// load is what a fresh page, the server and the first frame cost on this machine before any of the site's work.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// Writes the bare page; returns { dir, remove() }.
export function writeFloorSite() {
  const dir = mkdtempSync(join(tmpdir(), 'aiexp-floor-'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>floor</title>' +
                '<link rel="icon" href="icon.svg"><script type="module" src="floor.js"></script></head>' +
                '<body><p id="floor" elementtiming="floor"></p></body></html>\n');
  writeFileSync(join(dir, 'icon.svg'), '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"/>\n');
  writeFileSync(join(dir, 'floor.js'), "document.getElementById('floor').textContent = 'ready';\n");
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
