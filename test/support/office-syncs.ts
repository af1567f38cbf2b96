/**
 * `office-syncs rows=<n> syncs=<s> bytes=<payload bytes>`: round trips and payload of one whole run
 * (read + write) through the Office.js host, on the fake Excel object model (desktop Excel: no payload
 * limit, so no chunking), for 100, 10,000 and 100,000 score rows. Bytes are the UTF-8 JSON of every
 * request and every answer, all syncs together.
 */
import { assessWorkbook } from '../../src/app/assessWorkbook';
import { OfficeHost } from '../../src/hosts/office/host';
import { FakeWorkbook } from './fake-excel';
import type { WorkbookSnapshot } from '../../src/workbook/snapshot';

export interface OfficeSyncs {
  rows: number;
  syncs: number;
  bytes: number;
}

export const OFFICE_SYNC_ROWS = [100, 10_000, 100_000];

export async function officeSyncs(rows: number, snapshot: WorkbookSnapshot, platform = 'PC'): Promise<OfficeSyncs> {
  const wb = FakeWorkbook.fromSnapshot(snapshot, { platform });
  await assessWorkbook(new OfficeHost(wb.env()), { now: () => new Date('2025-01-01T00:00:00Z') });
  return { rows, syncs: wb.syncs, bytes: wb.bytes };
}

export function officeSyncsLine(r: OfficeSyncs): string {
  return `office-syncs rows=${r.rows} syncs=${r.syncs} bytes=${r.bytes}`;
}

/** Runs the three sizes and returns (and, with print, prints) one line each. */
export async function runOfficeSyncs(
  makeSnapshot: (rows: number) => WorkbookSnapshot,
  opts: { sizes?: number[]; print?: boolean } = {},
): Promise<string[]> {
  const lines: string[] = [];
  for (const n of opts.sizes ?? OFFICE_SYNC_ROWS) {
    const line = officeSyncsLine(await officeSyncs(n, makeSnapshot(n)));
    lines.push(line);
    if (opts.print !== false) console.log(line);
  }
  return lines;
}
