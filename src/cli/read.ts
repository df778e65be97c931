// Reading a report file, or saying in one line why it cannot be read.
import { readFileSync, statSync } from 'node:fs';

export class UnreadableInput extends Error {}

/** The file's text, and whether it began with a byte-order mark (kept when writing back). */
export function readText(path: string): { text: string; bom: boolean } {
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
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
    return { text, bom: bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf };
  } catch {
    throw new UnreadableInput(`${path}: not UTF-8 text (save it as UTF-8; GBK is not supported)`);
  }
}
