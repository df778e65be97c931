// Reading a report file, or saying in one line why it cannot be read; writing it back in the
// encoding it came in. Many departments' text files are GB18030/GBK, some UTF-16 with a BOM.
import { readFileSync, statSync } from 'node:fs';
import iconv from 'iconv-lite';

export class UnreadableInput extends Error {}

export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';

export interface TextFile {
  text: string;
  /** The file began with a byte-order mark (kept when writing back). */
  bom: boolean;
  encoding: Encoding;
}

/** The file's text, its encoding and whether it began with a byte-order mark. */
export function readText(path: string): TextFile {
  let bytes: Buffer;
  try {
    if (statSync(path).isDirectory()) throw new UnreadableInput(`${path}: is a directory, not a report file`);
    bytes = readFileSync(path);
  } catch (e) {
    if (e instanceof UnreadableInput) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    throw new UnreadableInput(`${path}: ${code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : 'cannot be read'}`);
  }
  // UTF-16 is known by its byte-order mark only: without one, zero bytes mean binary data.
  const utf16 = bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf-16le' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf-16be' : null;
  if (utf16) {
    // Editors drop the byte-order mark too, so ranges agree with what the user sees.
    try {
      return { text: new TextDecoder(utf16, { fatal: true }).decode(bytes), bom: true, encoding: utf16 };
    } catch {
      throw new UnreadableInput(`${path}: not valid ${utf16.toUpperCase()} text`);
    }
  }
  if (bytes.includes(0)) throw new UnreadableInput(`${path}: not a text file (it contains binary data)`);
  try {
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
    return { text, bom: bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf, encoding: 'utf-8' };
  } catch {
    // Not UTF-8: the Chinese national encoding (GB18030, a superset of GBK and GB2312).
  }
  try {
    return { text: new TextDecoder('gb18030', { fatal: true }).decode(bytes), bom: false, encoding: 'gb18030' };
  } catch {
    throw new UnreadableInput(`${path}: neither UTF-8 nor GB18030/GBK text (save it as UTF-8)`);
  }
}

/** `text` as the bytes of `file`'s encoding, with its byte-order mark if it had one. */
export function encodeLike(file: Pick<TextFile, 'bom' | 'encoding'>, text: string): Buffer {
  switch (file.encoding) {
    case 'utf-8':
      return Buffer.from((file.bom ? '\uFEFF' : '') + text, 'utf8');
    case 'utf-16le':
      return Buffer.from('\uFEFF' + text, 'utf16le');
    case 'utf-16be':
      return Buffer.from('\uFEFF' + text, 'utf16le').swap16();
    case 'gb18030':
      return iconv.encode(text, 'gb18030');
  }
}
