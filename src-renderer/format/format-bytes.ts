const oneDecimal = new Intl.NumberFormat('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const kilobyte = 1024;
const megabyte = kilobyte * 1024;
const gigabyte = megabyte * 1024;

/** A file size as people read it in Explorer or Finder: bytes, then KB, MB or GB with one decimal. */
export function formatBytes(bytes: number): string {
  if (bytes < kilobyte) {
    return bytes === 1 ? '1 byte' : `${bytes} bytes`;
  }
  if (bytes < megabyte) {
    return `${oneDecimal.format(bytes / kilobyte)} KB`;
  }
  if (bytes < gigabyte) {
    return `${oneDecimal.format(bytes / megabyte)} MB`;
  }
  return `${oneDecimal.format(bytes / gigabyte)} GB`;
}
