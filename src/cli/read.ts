// Reading a report file, or saying in one line why it cannot be read.
import { readFileSync, statSync } from 'node:fs';

export class UnreadableInput extends Error {}

export function readText(path: string): string {
  let bytes: Buffer;
  try {
    if (statSync(path).isDirectory()) throw new UnreadableInput(`${path}: is a directory, not a report file`);
    bytes = readFileSync(path);
  } catch (e) {
    if (e instanceof UnreadableInput) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    throw new UnreadableInput(`${path}: ${code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : 'cannot be read'}`);
  }
  if (bytes.includes(0)) throw new UnreadableInput(`${path}: not a text file (it contains binary data)`);
  try {
    // Editors drop the byte-order mark too, so ranges agree with what the user sees.
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new UnreadableInput(`${path}: not UTF-8 text (save it as UTF-8; GBK is not supported)`);
  }
}
