/**
 * Office's own client in front of the fake: every batch the add-in runs on a wired fake workbook is ALSO
 * built by office.js itself — `@microsoft/office-js/dist/excel-web-16.00.js`, evaluated in a jsdom window —
 * and the request body office.js would send to Excel is captured. So the bytes and actions counted per
 * sync are office.js's own serialization, not an estimate, and office.js's client-side rules apply too:
 * a method or property office.js does not have fails, and an object that office.js invalidates after a
 * sync (a range, a sheet returned by worksheets.add()) cannot be used in a later sync (InvalidObjectPath).
 *
 * How: the batch receives a "tee" — a JavaScript Proxy over a pair (fake object, office.js object). Every
 * call and property set goes to both; values read come from the fake (the fake is the workbook). At
 * context.sync() office.js serializes its queue and hands it to HttpUtility's send function, which we
 * replace: it records the body, applies the batch to the fake (with office.js's byte count, so the fake's
 * 5 MB limit is judged on the real size), and answers office.js with the fake's results in Excel's
 * response shape (PascalCase properties; collection items with their Id).
 */
import * as fs from 'fs';
import type { FakeWorkbook } from './fake-excel';

/* eslint-disable @typescript-eslint/no-explicit-any */
type Any = any;

interface OfficeWindow {
  Excel: Any;
  OfficeExtension: Any;
  Promise: PromiseConstructor;
}

let win: OfficeWindow | null = null;
let nextUrl = 0;
const handlers = new Map<string, (body: Any) => Promise<Any>>();

/** office.js (excel-web-16.00.js, the file Excel on the web loads) in a jsdom window, loaded once. */
export function officeJs(): OfficeWindow {
  if (win) return win;
  // Loaded on first use only (an unwired fake, e.g. in a jsdom test environment, never needs it).
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { JSDOM } = require('jsdom') as typeof import('jsdom');
  const dom = new JSDOM('<!doctype html><html><head></head><body></body></html>', { runScripts: 'outside-only', url: 'https://localhost/' });
  const w = dom.window as unknown as OfficeWindow & { eval(src: string): void };
  w.eval(fs.readFileSync(require.resolve('@microsoft/office-js/dist/excel-web-16.00.js'), 'utf8'));
  w.OfficeExtension.HttpUtility.setCustomSendRequestFunc((req: { url: string; body: Any }) => {
    const base = req.url.replace(/ProcessQuery.*$/, '');
    const handle = handlers.get(base);
    if (!handle) return w.Promise.resolve({ statusCode: 404, headers: {}, body: '' });
    return w.Promise.resolve(handle(req.body).then((answer) => ({ statusCode: 200, headers: {}, body: JSON.stringify(answer) })));
  });
  win = w;
  return w;
}

/** For tests and measurements: sees every request body office.js built. */
export const wireHooks: { onRequest?: (body: { Actions: Array<Record<string, unknown>>; ObjectPaths: Record<string, Record<string, unknown>> }) => void } = {};

export const utf8Length = (s: string): number => Buffer.byteLength(s, 'utf8');

const pascal = (s: string) => (s.startsWith('_') ? s : s.charAt(0).toUpperCase() + s.slice(1));

function toWire(answer: Any): Any {
  if (answer === null || answer === undefined) return answer ?? null;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(answer as Record<string, unknown>)) out[pascal(k)] = v;
  return out;
}

const PAIRS = new WeakMap<object, { fake: Any; real: Any }>();

function unwrapFake(x: Any): Any {
  return x && typeof x === 'object' && PAIRS.has(x) ? PAIRS.get(x)!.fake : x;
}
function unwrapReal(x: Any): Any {
  return x && typeof x === 'object' && PAIRS.has(x) ? PAIRS.get(x)!.real : x;
}

/** An object of the fake's object model (not plain data): a class instance, or an object with accessors. */
function isObjectModel(v: Any): boolean {
  if (!v || typeof v !== 'object' || Array.isArray(v)) return false;
  if (Object.getPrototypeOf(v) !== Object.prototype) return true;
  return Object.values(Object.getOwnPropertyDescriptors(v)).some((d) => d.get || d.set || typeof d.value === 'function');
}

class Tee {
  loads: Array<{ actionId: number; fakeCmd: Any; collection: boolean }> = [];
  constructor(
    readonly fakeCtx: Any,
    readonly realCtx: Any,
  ) {}

  wrap(fake: Any, real: Any, where: string): Any {
    if (real === undefined || real === null) throw new TypeError(`office.js has no ${where}`);
    // eslint-disable-next-line @typescript-eslint/no-this-alias
    const tee = this;
    const proxy = new Proxy(
      {},
      {
        get(_t, prop) {
          if (typeof prop === 'symbol') return undefined;
          if (prop === 'sync' && fake === tee.fakeCtx) return () => tee.sync();
          if (prop === 'then') return undefined;
          const fv = fake[prop];
          if (typeof fv === 'function') {
            if (typeof real[prop] !== 'function') throw new TypeError(`office.js has no method ${where}.${prop}()`);
            return (...args: Any[]) => {
              const fr = fv.apply(fake, args.map(unwrapFake));
              const fakeCmd = tee.fakeCtx.queue[tee.fakeCtx.queue.length - 1];
              const rr = real[prop](...args.map(unwrapReal));
              if (prop === 'load') {
                const action = tee.realCtx._pendingRequest._getLastAction();
                tee.loads.push({ actionId: action.actionInfo.Id, fakeCmd, collection: Array.isArray(fakeCmd.answer) });
                return proxy;
              }
              return isObjectModel(fr) ? tee.wrap(fr, rr, `${where}.${prop}()`) : fr;
            };
          }
          if (Array.isArray(fv) && fv.length && isObjectModel(fv[0])) {
            const items = real[prop] as Any[];
            return fv.map((f, i) => tee.wrap(f, items[i], `${where}.${prop}[${i}]`));
          }
          if (isObjectModel(fv)) return tee.wrap(fv, real[prop], `${where}.${prop}`);
          return fv;
        },
        set(_t, prop, value) {
          if (typeof prop === 'symbol') return false;
          fake[prop] = unwrapFake(value);
          real[prop] = unwrapReal(value);
          return true;
        },
      },
    );
    PAIRS.set(proxy, { fake, real });
    return proxy;
  }

  /** office.js serializes; our send function applies the batch to the fake and answers. */
  async sync(): Promise<void> {
    let handled = false;
    let failure: unknown = null;
    const loads = this.loads;
    this.loads = [];
    const url = this.realCtx.__wireUrl as string;
    handlers.set(url, async (body) => {
      handled = true;
      wireHooks.onRequest?.(body);
      const text = JSON.stringify(body);
      const wb = this.fakeCtx.wb as FakeWorkbook;
      this.fakeCtx.wire = { requestBytes: utf8Length(text), actions: (body.Actions as unknown[]).length };
      try {
        await this.fakeCtx.sync();
      } catch (e) {
        failure = e;
        return { Results: [] };
      }
      const results = loads.map((l) => {
        if (!l.collection) return { ActionId: l.actionId, Value: toWire(l.fakeCmd.answer) };
        // Collection items; worksheets come with their Id (office.js then reaches each by it).
        const sheets = l.fakeCmd.sheets as Array<{ id: string }> | undefined;
        return { ActionId: l.actionId, Value: { _Items: (l.fakeCmd.answer as Any[]).map((a, i) => (sheets ? { Id: sheets[i].id, ...toWire(a) } : toWire(a))) } };
      });
      const answer = { Results: results };
      const last = wb.syncLog[wb.syncLog.length - 1];
      if (last) last.responseBytes = utf8Length(JSON.stringify(answer));
      return answer;
    });
    await this.realCtx.sync();
    if (!handled) await this.fakeCtx.sync(); // office.js sent nothing (no actions): the fake still settles its proxies
    if (failure) throw failure;
  }
}

/** Runs a batch on the fake through office.js: returns what the batch returns. */
export function wireRun<T>(fakeCtx: Any, batch: (ctx: Any) => Promise<T>): Promise<T> {
  const w = officeJs();
  const url = `https://wire.invalid/${++nextUrl}/`;
  const realCtx = new w.Excel.RequestContext(url);
  realCtx.__wireUrl = url;
  const tee = new Tee(fakeCtx, realCtx);
  const ctx = tee.wrap(fakeCtx, realCtx, 'context');
  return batch(ctx).finally(() => handlers.delete(url));
}
