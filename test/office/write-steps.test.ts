/**
 * One description per step: a write step's size estimate is priced from the very Office.js calls the step
 * makes (src/hosts/office/write/cost.ts runs them against a meter). Here every step of writes that reach
 * every kind of step is also run against office.js's own client (excel-web-16.00.js in jsdom, loaded by
 * test/support/office-wire.ts; no Excel and no fake behind it: the request is only serialized), and the
 * two are compared: the same object paths in the same order, the same actions with the same arguments —
 * so a data-validation rule priced as `decimal` but sent as `wholeNumber`, a property priced that is never
 * set, or a path sent that was never priced fails here — and the same bytes, ids aside.
 */
import { assessWorkbook } from '../../src/app/assessWorkbook';
import type { Lang } from '../../src/domain/types';
import { benchSnapshot } from '../../src/bench/bench';
import { OfficeHost } from '../../src/hosts/office';
import { readWorkbook } from '../../src/hosts/office/read';
import { estimateSyncs } from '../../src/hosts/office/write/cost';
import type { Step } from '../../src/hosts/office/write/cost';
import { planWrite } from '../../src/hosts/office/write/order';
import type { WriteMode } from '../../src/workbook/write-guard';
import { measure } from '../../src/hosts/office/write/cost';
import type { PricedCall } from '../../src/hosts/office/write/cost';
import { META_SHEET, OWNER_MARK } from '../../src/workbook/meta';
import type { SheetPatch, WorkbookPatch } from '../../src/workbook/snapshot';
import { templatePatch } from '../../src/workbook/template';
import { FakeWorkbook } from '../support/fake-excel';
import { officeJs, utf8Length } from '../support/office-wire';

jest.setTimeout(300_000);
const now = () => new Date('2025-01-15T08:00:00Z');

interface Action {
  Id: number;
  ActionType: number;
  Name: string;
  ObjectPathId: number;
  ArgumentInfo?: { Arguments?: unknown[]; ReferencedObjectPathIds?: number[] };
  L?: number[];
}
interface ObjectPath {
  Id: number;
  ObjectPathType: number;
  Name: string;
  ParentObjectPathId?: number;
  ArgumentInfo?: { Arguments: unknown[] };
  D?: boolean;
}
interface Body {
  Actions: Action[];
  ObjectPaths: Record<string, ObjectPath>;
}

/** The request body office.js builds for a step's calls (its own serializer; nothing is sent anywhere). */
function officeBody(run: Step['run']): Body {
  const w = officeJs();
  const context = new w.Excel.RequestContext('https://steps.invalid/');
  const handles = new Map<string, Excel.Worksheet>();
  run(context, {
    get: (name) => {
      let ws = handles.get(name.toLocaleLowerCase());
      if (!ws) handles.set(name.toLocaleLowerCase(), (ws = context.workbook.worksheets.getItem(name) as Excel.Worksheet));
      return ws;
    },
    forget: (name) => void handles.delete(name.toLocaleLowerCase()),
  });
  const { body } = (context._pendingRequest as { buildRequestMessageBodyAndRequestFlags(): { body: Body } }).buildRequestMessageBodyAndRequestFlags();
  return JSON.parse(JSON.stringify(body)) as Body; // as sent: JSON
}

/** The request's frame, priced per sync rather than per step: the root, Worksheets, and the sheet handles worksheets.getItem(…). */
function isFrame(body: Body, id: number): boolean {
  const p = body.ObjectPaths[String(id)];
  const parent = p.ParentObjectPathId === undefined ? undefined : body.ObjectPaths[String(p.ParentObjectPathId)];
  return p.ObjectPathType === 1 || p.Name === 'Worksheets' || (p.ObjectPathType === 5 && parent?.Name === 'Worksheets');
}

/** A call as compared: an object path instantiated, or an action. */
interface Call {
  path: boolean;
  name: string;
  args: unknown[];
  untracked?: boolean;
}

/** What office.js sends for a step, in order, its frame left out; an object argument as `{ objectPath: name }`, as the meter logs it. */
function sent(body: Body): Call[] {
  const out: Call[] = [];
  for (const a of body.Actions) {
    if (a.ActionType === 1) {
      if (isFrame(body, a.ObjectPathId)) continue;
      const p = body.ObjectPaths[String(a.ObjectPathId)];
      out.push({ path: true, name: p.Name, args: p.ArgumentInfo?.Arguments ?? [], untracked: !!p.D });
    } else {
      const refs = new Set(a.ArgumentInfo?.ReferencedObjectPathIds ?? []);
      const args = (a.ArgumentInfo?.Arguments ?? []).map((x) => (typeof x === 'number' && refs.has(x) ? { objectPath: body.ObjectPaths[String(x)].Name } : x));
      out.push({ path: false, name: a.Name, args });
    }
  }
  return out;
}

const priced = (log: PricedCall[]): Call[] => log.map((c) => (c.path ? { path: true, name: c.name, args: c.args, untracked: !!c.untracked } : { path: false, name: c.name, args: c.args }));

const ID = 9_999_999;
/** What the estimate gives every action for office.js's last-use lists ("L"), whose ids office.js spreads over a request's actions. */
const L_ALLOWANCE = utf8Length(`,"L":[${ID},${ID},${ID}]`);

/**
 * A step's own bytes in office.js's request: its object paths and actions (its frame left out), with every
 * id at 7 digits (ids < 10⁷, as the estimate prices them) and no last-use lists (priced by L_ALLOWANCE).
 */
function stepBytes(body: Body): number {
  const paths = Object.values(body.ObjectPaths).filter((p) => !isFrame(body, p.Id));
  const actions = body.Actions.filter((a) => !(a.ActionType === 1 && isFrame(body, a.ObjectPathId)));
  const seven = (x: unknown) => (typeof x === 'number' ? ID : x);
  let n = 0;
  for (const p of paths) n += utf8Length(`"${ID}":`) + utf8Length(JSON.stringify({ ...p, Id: ID, ...(p.ParentObjectPathId !== undefined ? { ParentObjectPathId: ID } : {}) })) + 1;
  for (const a of actions) {
    const refs = new Set(a.ArgumentInfo?.ReferencedObjectPathIds ?? []);
    const info = a.ArgumentInfo && {
      ...a.ArgumentInfo,
      ...(a.ArgumentInfo.Arguments ? { Arguments: a.ArgumentInfo.Arguments.map((x) => (typeof x === 'number' && refs.has(x) ? ID : x)) } : {}),
      ...(a.ArgumentInfo.ReferencedObjectPathIds ? { ReferencedObjectPathIds: a.ArgumentInfo.ReferencedObjectPathIds.map(seven) } : {}),
    };
    const { L: _lastUse, ...rest } = a;
    n += utf8Length(JSON.stringify({ ...rest, Id: ID, ObjectPathId: ID, ...(info ? { ArgumentInfo: info } : {}) })) + 1;
  }
  return n;
}

/** The patch a run would write on `wb` (the run reads `wb`; nothing is written). */
async function patchOf(wb: FakeWorkbook, lang: Lang | null = null): Promise<WorkbookPatch> {
  let patch: WorkbookPatch | null = null;
  const host = new OfficeHost(wb.env());
  await assessWorkbook({ read: () => host.read(), write: async (p) => void (patch = p) }, { now, lang });
  return patch!;
}

interface Compared {
  priced: Call[];
  sent: Call[];
  step: Step;
  body: Body;
}

/** Each step of the write of `patch` on `wb`: what the meter priced, and what office.js serializes. */
async function compare(wb: FakeWorkbook, patch: WorkbookPatch, mode: WriteMode = 'owned'): Promise<Compared[]> {
  const env = wb.env();
  const state = await readWorkbook(env);
  return planWrite(env, state, patch, mode).map((step) => {
    const log: PricedCall[] = [];
    measure(step.run, log);
    const body = officeBody(step.run);
    return { priced: priced(log), sent: sent(body), step, body };
  });
}

const scenarios: Array<[string, () => Promise<{ wb: FakeWorkbook; patch: WorkbookPatch; mode?: WriteMode }>]> = [
  [
    'the template (validations whole-number and decimal, with and without an alert; print titles; frozen rows and columns)',
    async () => {
      const wb = new FakeWorkbook();
      wb.addSheet('Data', [['x']]);
      return { wb, patch: templatePatch('zh-CN'), mode: 'create' };
    },
  ],
  [
    'the template on ExcelApi 1.8 (styles range by range, one with nothing left to set; no page layout)',
    async () => {
      const wb = new FakeWorkbook({ apiVersion: 8 });
      wb.addSheet('Data', [['x']]);
      return { wb, patch: templatePatch('en-US'), mode: 'create' };
    },
  ],
  [
    'a first run beside a very hidden leftover (outputs with links, merges, row heights, tab colours, print pages; the meta sheet added)',
    async () => {
      const wb = FakeWorkbook.fromSnapshot(benchSnapshot(40));
      wb.addSheet('_PGA_TMP_1', [['half written']]).visibility = 'VeryHidden';
      return { wb, patch: await patchOf(wb, 'zh-CN') };
    },
  ],
  [
    'a second run in the other language (old outputs removed, new ones renamed into place, the record moved last)',
    async () => {
      const wb = FakeWorkbook.fromSnapshot(benchSnapshot(40));
      await assessWorkbook(new OfficeHost(wb.env()), { now, lang: 'zh-CN' });
      return { wb, patch: await patchOf(wb, 'en-US') };
    },
  ],
  [
    'a record of an earlier release (version 1: outputs and the meta sheet marked first)',
    async () => {
      const wb = FakeWorkbook.fromSnapshot(benchSnapshot(40));
      await assessWorkbook(new OfficeHost(wb.env()), { now });
      for (const s of wb.sheets) s.names.clear();
      const meta = wb.sheet(META_SHEET)!;
      meta.set(
        meta.values.findIndex((r) => r[0] === 'version'),
        1,
        1,
      );
      return { wb, patch: await patchOf(wb) };
    },
  ],
  [
    'a second run on ExcelApi 1.8 (kept output sheets emptied and written into directly: no copyFrom)',
    async () => {
      const wb = FakeWorkbook.fromSnapshot(benchSnapshot(40), { apiVersion: 8 });
      await assessWorkbook(new OfficeHost(wb.env()), { now });
      return { wb, patch: await patchOf(wb) };
    },
  ],
  [
    'a mark left visible in Name Manager (hidden again)',
    async () => {
      const wb = FakeWorkbook.fromSnapshot(benchSnapshot(40));
      await assessWorkbook(new OfficeHost(wb.env()), { now });
      wb.sheet(META_SHEET)!.names.set(OWNER_MARK.name, { formula: `=${OWNER_MARK.formula}`, visible: true });
      return { wb, patch: await patchOf(wb) };
    },
  ],
];

describe('every step is priced from the calls it sends', () => {
  const results = new Map<string, Compared[]>();
  beforeAll(async () => {
    for (const [name, make] of scenarios) {
      const { wb, patch, mode } = await make();
      results.set(name, await compare(wb, patch, mode));
    }
  });

  it.each(scenarios.map(([name]) => name))('%s', (name) => {
    const steps = results.get(name)!;
    expect(steps.length).toBeGreaterThan(10);
    steps.forEach((s, i) => {
      // The calls: as office.js sends them, in its order.
      expect({ step: i, calls: s.priced }).toEqual({ step: i, calls: s.sent });
      // The bytes: office.js's, ids at 7 digits, plus the last-use allowance of each action; the actions: office.js's.
      const actions = s.sent.filter((c) => !c.path).length;
      expect({ step: i, bytes: s.step.bytes }).toEqual({ step: i, bytes: stepBytes(s.body) + actions * L_ALLOWANCE });
      expect({ step: i, actions: s.step.actions }).toEqual({ step: i, actions: s.sent.length });
      // A sync of this step alone: never below office.js's request, last-use lists included.
      const alone = estimateSyncs([s.step], 1)[0];
      expect(alone.bytes).toBeGreaterThanOrEqual(utf8Length(JSON.stringify(s.body)));
      expect(alone.actions).toBeGreaterThanOrEqual(s.body.Actions.length);
    });
  });

  it('the scenarios above reach every kind of call a write makes', () => {
    const all = [...results.values()].flat();
    const seen = new Set(all.flatMap((s) => s.sent.map((c) => (c.path ? `path ${c.name}` : c.name))));
    const kinds = [
      ['Visibility', 'Visible', 'path Add', 'path Names'], // a sheet added very hidden, made visible, unhidden before its removal; the mark
      ['NumberFormat', 'Values', 'path GetRangeByIndexes'],
      ['path GetRanges', 'path GetRange', 'path Format', 'path Font', 'path Fill', 'path Borders'], // styles grouped and range by range
      ['Bold', 'Size', 'Italic', 'Color', 'HorizontalAlignment', 'VerticalAlignment', 'WrapText', 'Style'],
      ['Hyperlink', 'path GetCell', 'Merge', 'ColumnWidth', 'RowHeight', 'TabColor'],
      ['path PageLayout', 'PaperSize', 'Orientation', 'Zoom', 'CenterHorizontally', 'path HeadersFooters', 'path DefaultForAllPages', 'CenterFooter', 'SetPrintTitleRows'],
      ['path DataValidation', 'Rule', 'ErrorAlert'],
      ['Delete', 'Name', 'path FreezePanes', 'FreezeRows', 'FreezeAt', 'Position', 'Activate', 'Select'],
    ].flat();
    expect(kinds.filter((k) => !seen.has(k))).toEqual([]);
    // The mark shown in Name Manager, hidden: names.getItem(mark).visible = false.
    expect(all.map((s) => s.sent)).toContainEqual([
      { path: true, name: 'Names', args: [], untracked: false },
      { path: true, name: '', args: [OWNER_MARK.name], untracked: false },
      { path: false, name: 'Visible', args: [false] },
    ]);
  });
});

describe('a data-validation rule', () => {
  /** A sheet with one validation on A2:A10: whole numbers, or decimals. */
  const sheet = (decimals: boolean): SheetPatch => ({
    name: 'V',
    values: [['n']],
    styles: [],
    links: [],
    merges: [],
    columnWidths: [],
    freeze: { rows: 0, cols: 0 },
    visibility: 'visible',
    landscape: false,
    validations: [{ range: 'A2:A10', min: 1, max: 9, decimals }],
  });
  const ruleStep = async (decimals: boolean) => {
    const wb = new FakeWorkbook();
    wb.addSheet('Data', [['x']]);
    const steps = await compare(wb, { sheets: [sheet(decimals)], deleteSheets: [], activate: null }, 'create');
    return steps.find((s) => s.sent.some((c) => c.name === 'Rule'))!;
  };

  it('is priced as the rule it sends: a whole-number rule costs what office.js sends for `wholeNumber`, 4 bytes over `decimal`', async () => {
    const whole = await ruleStep(false);
    const decimal = await ruleStep(true);
    const rule = (s: Compared) => s.priced.find((c) => c.name === 'Rule')!.args;
    expect(rule(whole)).toEqual([{ wholeNumber: { formula1: 1, formula2: 9, operator: 'Between' } }]);
    expect(rule(decimal)).toEqual([{ decimal: { formula1: 1, formula2: 9, operator: 'Between' } }]);
    expect(whole.priced).toEqual(whole.sent);
    expect(decimal.priced).toEqual(decimal.sent);
    const longer = 'wholeNumber'.length - 'decimal'.length;
    expect(utf8Length(JSON.stringify(whole.body)) - utf8Length(JSON.stringify(decimal.body))).toBe(longer);
    expect(whole.step.bytes - decimal.step.bytes).toBe(longer);
  });
});
