/** Offers bytes as a download under a name, through a temporary object URL (the way a web page saves a file). */
export function downloadFile(bytes: Uint8Array, name: string, type = 'application/octet-stream'): void {
  const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // The click has handed the URL to the download already; releasing it later keeps slower hosts safe.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
