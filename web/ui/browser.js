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

/** Copies text to the clipboard; resolves to true when it worked. */
export async function copyText(text) {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}
