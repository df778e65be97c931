// The editor's checker: one per document, re-checked on every edit. Reading the markdown
// structure is the costly step, and an edit touches one or two blocks, so each block's
// structure is kept by the block's text and only new blocks are read. The result is exactly
// check()'s: the same blocks, read the same way, then the same steps.
import { type CheckOptions, type CheckResult, checkReport } from './check';
import { maskDirectives } from './directives';
import { blockStarts, readBlock, type Structure } from './markdown';
import { readReport } from './report';
import type { RawTable } from './tables/model';

export class Checker {
  /** The structure of each block of the last text checked, at offsets from the block's start. */
  private blocks = new Map<string, Structure>();

  check(text: string, options: CheckOptions = {}): CheckResult {
    return checkReport(readReport(text, this.structure(maskDirectives(text))), options);
  }

  private structure(text: string): Structure {
    const starts = blockStarts(text);
    const kept = new Map<string, Structure>();
    const out: Structure = { tables: [], lines: [] };
    starts.forEach((start, i) => {
      const source = text.slice(start, starts[i + 1] ?? text.length);
      const block = kept.get(source) ?? this.blocks.get(source) ?? readBlock(source, 0, source.length);
      kept.set(source, block);
      for (const line of block.lines) out.lines.push({ start: line.start + start, end: line.end + start, heading: line.heading });
      for (const table of block.tables) out.tables.push(shifted(table, start));
    });
    this.blocks = kept;
    return out;
  }
}

/** A copy of `table` moved by `by` characters: the cached one is never handed out, so never changed. */
function shifted(table: RawTable, by: number): RawTable {
  return {
    format: table.format,
    rows: table.rows.map((r) => ({ cells: r.cells.map((c) => ({ start: c.start + by, end: c.end + by })), start: r.start + by, end: r.end + by })),
    start: table.start + by,
    end: table.end + by,
  };
}
