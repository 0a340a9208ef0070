import { randomBytes } from 'node:crypto';

// An item's id: sortable by intake time, unique without coordination, safe as a file name.
export function newItemId(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  const stamp = `${now.getFullYear()}${pad(now.getMonth() + 1)}${pad(now.getDate())}-${pad(now.getHours())}${pad(now.getMinutes())}${pad(now.getSeconds())}`;
  return `${stamp}-${randomBytes(4).toString('hex')}`;
}

export function isItemId(text: string): boolean {
  return /^\d{8}-\d{6}-[0-9a-f]{8}$/.test(text);
}
