/**
 * `office-syncs rows=<n> syncs=<s> bytes=<total> max_request_bytes=<m> max_actions=<a>`: round trips and
 * payload of one whole run (read + write) through the Office.js host on the fake Excel, every batch
 * serialized by office.js itself (test/support/office-wire.ts), for 100, 10,000 and 100,000 score rows.
 * bytes = every request and answer of the run; max_request_bytes = the largest request as office.js
 * serializes it; max_actions = the most office.js actions in one request. Desktop Excel (no 5 MB limit:
 * the host bounds its requests anyway). Target: max_request_bytes ≤ 3 MB, syncs ≤ rows/2,000 + 3.
 */
import { assessWorkbook } from '../../src/app/assessWorkbook';
import { OfficeHost } from '../../src/hosts/office/host';
import type { WorkbookSnapshot } from '../../src/workbook/snapshot';
import { FakeWorkbook } from './fake-excel';

export interface OfficeSyncs {
  rows: number;
  syncs: number;
  bytes: number;
  maxRequestBytes: number;
  maxActions: number;
}

export const OFFICE_SYNC_ROWS = [100, 10_000, 100_000];

export async function officeSyncs(rows: number, snapshot: WorkbookSnapshot, platform = 'PC'): Promise<OfficeSyncs> {
  const wb = FakeWorkbook.fromSnapshot(snapshot, { platform });
  await assessWorkbook(new OfficeHost(wb.env()), { now: () => new Date('2025-01-01T00:00:00Z') });
  if (!wb.syncLog.every((s) => s.wired)) throw new Error('office-syncs: a sync was not serialized by office.js');
  return { rows, syncs: wb.syncs, bytes: wb.bytes, maxRequestBytes: wb.maxRequestBytes, maxActions: wb.maxActions };
}

export function officeSyncsLine(r: OfficeSyncs): string {
  return `office-syncs rows=${r.rows} syncs=${r.syncs} bytes=${r.bytes} max_request_bytes=${r.maxRequestBytes} max_actions=${r.maxActions}`;
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
