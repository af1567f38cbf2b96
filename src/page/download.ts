/**
 * Offer bytes made in the page as a download: a Blob behind an object URL, clicked through a hidden
 * link with the file's name. Nothing is sent anywhere; the URL is released after a while.
 */
export function saveBytes(bytes: Uint8Array, name: string, mime: string): void {
  const blob = new Blob([bytes as BlobPart], { type: mime });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.rel = 'noopener';
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
  // Long enough for the browser to start saving, however slow the disk.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
