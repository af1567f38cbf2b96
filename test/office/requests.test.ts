/**
 * Request sizes as office.js itself serializes them (excel-web-16.00.js in jsdom, test/support/office-wire.ts):
 * the fake's counts are office.js's, every write request stays under 3 MB and the action bound on every
 * platform, the write's own estimate is never below the real size, and temporary ranges are untracked.
 */
import { assessWorkbook } from '../../src/app/assessWorkbook';
import { benchSnapshot } from '../../src/bench/bench';
import { OfficeHost } from '../../src/hosts/office';
import { MAX_ACTIONS } from '../../src/hosts/office/env';
import { readWorkbook } from '../../src/hosts/office/read';
import { estimateSyncs } from '../../src/hosts/office/write/cost';
import { planWrite, writePatch } from '../../src/hosts/office/write/order';
import type { WorkbookPatch, WorkbookSnapshot } from '../../src/workbook/snapshot';
import { FakeWorkbook } from '../support/fake-excel';
import { utf8Length, wireHooks } from '../support/office-wire';

jest.setTimeout(300_000);
const now = () => new Date('2025-01-15T08:00:00Z');
const MB3 = 3 * 1024 * 1024;

type Body = Parameters<NonNullable<typeof wireHooks.onRequest>>[0];

/** Every request body office.js built while `f` ran. */
async function capture<T>(f: () => Promise<T>): Promise<{ value: T; bodies: Body[] }> {
  const bodies: Body[] = [];
  wireHooks.onRequest = (b) => bodies.push(JSON.parse(JSON.stringify(b)) as Body);
  try {
    return { value: await f(), bodies };
  } finally {
    wireHooks.onRequest = undefined;
  }
}

/** The patch a run over this snapshot writes. */
async function patchOf(snapshot: WorkbookSnapshot): Promise<WorkbookPatch> {
  const wb = FakeWorkbook.fromSnapshot(snapshot, { wire: false });
  return (await assessWorkbook(new OfficeHost(wb.env()), { now })).patch;
}

describe('bytes and actions are office.js’s own serialization', () => {
  it('each sync records the size and the action count of the body office.js built', async () => {
    const wb = FakeWorkbook.fromSnapshot(benchSnapshot(300));
    const { bodies } = await capture(() => assessWorkbook(new OfficeHost(wb.env()), { now }));
    expect(bodies).toHaveLength(wb.syncs);
    wb.syncLog.forEach((s, i) => {
      expect(s.wired).toBe(true);
      expect(s.requestBytes).toBe(utf8Length(JSON.stringify(bodies[i])));
      expect(s.actions).toBe(bodies[i].Actions.length);
    });
  });

  it('a hyperlink costs what office.js sends for it (object path, Instantiate and the property set: over 300 bytes)', async () => {
    const wb = new FakeWorkbook();
    wb.addSheet('Data', [['x']]);
    const host = new OfficeHost(wb.env());
    await host.read();
    const links = Array.from({ length: 500 }, (_, i) => ({ row: i, col: 0, target: `'数据'!A${i + 1}`, text: `数据!A${i + 1}` }));
    const sheet = (withLinks: boolean) => ({
      name: withLinks ? 'L' : 'N',
      values: links.map((l) => [l.text]),
      styles: [],
      links: withLinks ? links : [],
      merges: [],
      columnWidths: [10],
      freeze: { rows: 0, cols: 0 },
      visibility: 'visible' as const,
      landscape: false,
    });
    const before = wb.bytes;
    await host.write({ sheets: [sheet(false)], deleteSheets: [], activate: null });
    const plain = wb.bytes - before;
    await host.read();
    const mid = wb.bytes;
    await host.write({ sheets: [sheet(true)], deleteSheets: [], activate: null });
    const withLinks = wb.bytes - mid;
    const perLink = (withLinks - plain) / links.length;
    expect(perLink).toBeGreaterThan(300);
    expect(perLink).toBeLessThan(450);
  });
});

describe('every request under 3 MB and the action bound, on every platform', () => {
  it('5,000 rows: no request over 3 MB on desktop (one 5.64 MB request before)', async () => {
    const wb = FakeWorkbook.fromSnapshot(benchSnapshot(5000));
    await assessWorkbook(new OfficeHost(wb.env()), { now });
    expect(wb.maxRequestBytes).toBeLessThanOrEqual(MB3);
    expect(wb.maxActions).toBeLessThanOrEqual(MAX_ACTIONS);
    expect(wb.syncs).toBeGreaterThan(3);
  });

  it('a write split into many syncs never reuses an object of an earlier sync (office.js would refuse it)', async () => {
    const wb = FakeWorkbook.fromSnapshot(benchSnapshot(400));
    const out = await assessWorkbook(new OfficeHost(wb.env({ requestBudget: 40_000 })), { now });
    expect(wb.syncs).toBeGreaterThan(10);
    const reference = FakeWorkbook.fromSnapshot(benchSnapshot(400));
    await assessWorkbook(new OfficeHost(reference.env()), { now });
    expect(JSON.stringify(wb.sheets.map((s) => s.fingerprint()))).toBe(JSON.stringify(reference.sheets.map((s) => s.fingerprint())));
    expect(out.patch.sheets.length).toBeGreaterThan(3);
  });

  it.each([
    ['desktop', 'PC'],
    ['the web', 'OfficeOnline'],
  ])('the write’s estimate is never below office.js’s size, nor far above it (%s)', async (_name, platform) => {
    const snapshot = benchSnapshot(6000);
    const patch = await patchOf(snapshot);
    const wb = FakeWorkbook.fromSnapshot(snapshot, { platform });
    const env = wb.env();
    const state = await readWorkbook(env);
    const estimates = estimateSyncs(planWrite(env, state, patch));
    const readSyncs = wb.syncs;
    await writePatch(env, state, patch);
    const real = wb.syncLog.slice(readSyncs);
    expect(real).toHaveLength(estimates.length);
    real.forEach((r, i) => {
      expect(estimates[i].bytes).toBeGreaterThanOrEqual(r.requestBytes);
      expect(estimates[i].actions).toBeGreaterThanOrEqual(r.actions);
      if (r.requestBytes > 1_000_000) expect(estimates[i].bytes).toBeLessThan(r.requestBytes * 1.25);
    });
  });
});

describe('temporary ranges', () => {
  it('are untracked: every range path the write and the read create carries office.js’s "do not keep a reference" flag', async () => {
    const wb = FakeWorkbook.fromSnapshot(benchSnapshot(200));
    const { bodies } = await capture(() => assessWorkbook(new OfficeHost(wb.env()), { now }));
    let ranges = 0;
    for (const b of bodies) {
      for (const p of Object.values(b.ObjectPaths)) {
        if (!/^(GetRangeByIndexes|GetCell|GetRange|GetRanges|GetUsedRangeOrNullObject|GetMergedAreasOrNullObject|GetSpecialCellsOrNullObject)$/.test(String(p.Name))) continue;
        ranges++;
        expect({ name: p.Name, untracked: p.D }).toEqual({ name: p.Name, untracked: true });
      }
    }
    expect(ranges).toBeGreaterThan(100);
  });
});
