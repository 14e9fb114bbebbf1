// What the page asks of the browser beyond drawing: file downloads and the clipboard.

/** Offers `text` (or a Blob) as a file download from `doc`. */
export function download(doc, filename, text, type = 'text/csv;charset=utf-8') {
  const url = URL.createObjectURL(text instanceof Blob ? text : new Blob([text], { type }));
  const link = doc.createElement('a');
  link.href = url;
  link.download = filename;
  doc.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/**
 * How long a copy may take before the page says it did not happen: a clipboard call can stay unanswered (a
 * permission prompt left open, a browser that never settles it). The browser tests shorten it.
 */
export const COPY_WAIT_MS = (() => {
  const value = globalThis.aiexpTestTiming?.copyMs;
  return Number.isFinite(value) && value >= 0 ? value : 3000;
})();

/**
 * Copies text to the clipboard of `win` (the page's window); resolves to true when it worked, false when the
 * browser refused or did not answer within COPY_WAIT_MS.
 */
export async function copyText(text, win = globalThis) {
  let timer;
  const unanswered = new Promise((resolve) => { timer = setTimeout(() => resolve(false), COPY_WAIT_MS); });
  try {
    return await Promise.race([win.navigator.clipboard.writeText(text).then(() => true), unanswered]);
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}
