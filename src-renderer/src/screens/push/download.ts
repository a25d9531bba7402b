/**
 * Saves text as a file through a temporary Blob URL: works in the browser host and in Electron
 * (a download, not a navigation). The URL is revoked once the click has been handled.
 */
export function downloadText(fileName: string, mimeType: string, content: string): void {
  // A BOM so Excel reads the UTF-8 CSV as UTF-8 (names with accents).
  const blob = new Blob(['\ufeff', content], { type: `${mimeType};charset=utf-8` });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
