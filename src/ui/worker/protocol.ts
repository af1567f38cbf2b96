/**
 * The messages between a page (the workbook page, the task pane) and its engine worker, and what must
 * survive the crossing: everything goes by structured clone, which keeps plain data (and Maps) but not a
 * class — an AssessError would arrive as a bare Error, without the code and params the failure texts are
 * made from — so errors cross as `WireError` and are made AssessErrors again on the page's side.
 *
 * Two kinds of worker speak it: the workbook page's, which holds the workbook file itself (op `open`), and
 * the task pane's, whose workbook stays on the page's thread (Excel's, or the preview's: Office.js lives
 * there) — op `attach`, after which the worker asks the page to read or write it (`HostAsk`, answered by
 * `HostAnswer`) and keeps parse, assess, render and the view to itself.
 *
 * The page is sent the answers it shows, not the result they come from: a 20,000-row workbook's result is
 * ~12 MB and its view ~8 MB, of which the groups' histories are ~6 MB (src/ui/worker/service.ts sends a
 * ResultSummary, and each history when it is opened). Larger answers (the ranking of a long-kept workbook,
 * ~1.7 MB) are sent in parts: each message is read on the page's main thread as one task, and one 20 MB
 * message would be one long task there (a second, measured in Chromium). The big arrays and records near the top of an answer are cut into slices
 * of about 256 KB of JSON, each its own message (`splitLarge`), and put back together in place on the
 * page's side (`Assembler`).
 */
import { AssessError } from '../../domain/errors';
import type { ErrorCode, ErrorKind, ErrorParams } from '../../domain/errors';
import type { HostKind } from '../../app/ports';

/** A failure as it crosses: an AssessError's kind, code, params and place, or any error's name and message. */
export type WireError =
  | { assess: true; kind: ErrorKind; code: ErrorCode; params: ErrorParams; where: string | null; inner?: WireError }
  | { assess: false; name: string; message: string };

export function toWire(e: unknown): WireError {
  if (e instanceof AssessError) {
    return { assess: true, kind: e.kind, code: e.code, params: cloneable(e.params), where: e.where, inner: e.inner === undefined ? undefined : toWire(e.inner) };
  }
  if (e instanceof Error) return { assess: false, name: e.name, message: e.message };
  return { assess: false, name: 'Error', message: String(e) };
}

export function fromWire(w: WireError): Error {
  if (w.assess) return new AssessError(w.kind, w.code, w.params, w.where, w.inner ? fromWire(w.inner) : undefined);
  const e = new Error(w.message);
  e.name = w.name;
  return e;
}

/** Params are strings, numbers and {zh, en} messages; anything else (never expected) crosses as its text. */
function cloneable(params: ErrorParams): ErrorParams {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(params)) {
    out[k] = v === null || typeof v !== 'object' || isPlain(v) ? v : String(v);
  }
  return out as ErrorParams;
}

function isPlain(v: object): boolean {
  const proto = Object.getPrototypeOf(v) as unknown;
  return proto === Object.prototype || proto === null || Array.isArray(v);
}

// ───────────────────────────── large answers ─────────────────────────────

/** A slice of an array, or some entries of a record, at `path` inside an answer. */
export interface Part {
  path: string[];
  items?: unknown[];
  entries?: [string, unknown][];
}

/**
 * About this many characters of JSON per message (Chromium reads a message's data on the main thread when
 * the page first touches it: ~0.25 MB is a few tens of milliseconds there).
 */
const TARGET = 256 * 1024;
/** A record with more keys than this is a collection (a group's pages by name), cut into slices of entries. */
const COLLECTION = 32;
/** How deep into plain objects to look (answer → view → histories). */
const DEPTH = 3;

/**
 * An answer without its big arrays and records (left empty in place), and those as parts of about TARGET
 * characters each. The answer itself is not changed. Sizes are estimated as JSON (jsonSize: in the worker, off
 * the page's thread); Maps and other objects that are not plain data are sent whole.
 */
export function splitLarge(value: unknown): { skeleton: unknown; parts: Part[] } {
  const parts: Part[] = [];
  const sizes = new Map<object, number>();
  const walk = (v: unknown, path: string[], depth: number): unknown => {
    if (v === null || typeof v !== 'object' || !isPlain(v)) return v;
    const size = path.length === 0 ? Infinity : jsonSize(v, sizes);
    if (size <= TARGET) return v;
    if (Array.isArray(v)) {
      if (path.length === 0) return v;
      const per = Math.max(1, Math.floor((v.length * TARGET) / size));
      for (let i = 0; i < v.length; i += per) parts.push({ path, items: v.slice(i, i + per) });
      return [];
    }
    const rec = v as Record<string, unknown>;
    const keys = Object.keys(rec);
    if (path.length > 0 && (keys.length > COLLECTION || depth >= DEPTH)) {
      const per = Math.max(1, Math.floor((keys.length * TARGET) / size));
      for (let i = 0; i < keys.length; i += per) parts.push({ path, entries: keys.slice(i, i + per).map((k) => [k, rec[k]]) });
      return {};
    }
    const out: Record<string, unknown> = {};
    for (const k of keys) out[k] = walk(rec[k], [...path, k], depth + 1);
    return out;
  };
  return { skeleton: walk(value, [], 0), parts };
}

/** Items measured of a long array or record (evenly spaced); the rest are taken to be of their average size. */
const SAMPLE = 64;

/**
 * About how many characters of JSON `v` is: a small value written out, a plain array or record summed from
 * its items, a long one estimated from SAMPLE of them. Each item is measured once (`sizes`), not again at
 * every level of the answer as writing each level out would (a 20,000-row answer three times over: seconds
 * of the worker's time, measured with `node --cpu-prof`).
 */
function jsonSize(v: unknown, sizes: Map<object, number>): number {
  if (v === null || typeof v !== 'object') return (JSON.stringify(v) ?? '').length;
  if (!isPlain(v)) return (JSON.stringify(v) ?? '').length;
  const known = sizes.get(v);
  if (known !== undefined) return known;
  const keys = Array.isArray(v) ? null : Object.keys(v);
  const items: unknown[] = keys ? keys.map((k) => (v as Record<string, unknown>)[k]) : (v as unknown[]);
  const n = items.length;
  const step = n > SAMPLE ? n / SAMPLE : 1;
  let measured = 0;
  let total = 0;
  for (let i = 0; i < n; i += step) {
    const at = Math.floor(i);
    total += jsonSize(items[at], sizes) + 1 + (keys ? keys[at].length + 3 : 0);
    measured++;
  }
  const size = 2 + (measured ? Math.round((total * n) / measured) : 0);
  sizes.set(v, size);
  return size;
}

/** Puts the parts of one answer back in place, in the order they were sent. */
export class Assembler {
  private readonly parts: Part[] = [];

  add(part: Part): void {
    this.parts.push(part);
  }

  finish<T>(skeleton: unknown): T {
    for (const p of this.parts) {
      let at = skeleton as Record<string, unknown>;
      for (const k of p.path.slice(0, -1)) at = at[k] as Record<string, unknown>;
      const last = p.path[p.path.length - 1];
      const target = at[last];
      if (p.items) {
        const arr = target as unknown[];
        for (const item of p.items) arr.push(item);
      } else if (p.entries) {
        const rec = target as Record<string, unknown>;
        for (const [k, v] of p.entries) rec[k] = v;
      }
    }
    this.parts.length = 0;
    return skeleton as T;
  }
}

// ───────────────────────────── messages ─────────────────────────────

/** What the page asks the worker (one answer per `id`). */
export type EngineRequest = { id: number } & EngineCall;

export type EngineCall =
  | { op: 'open'; name: string; bytes: Uint8Array; changed: boolean }
  | { op: 'attach'; kind: HostKind }
  | { op: 'read' }
  | { op: 'write'; patch: unknown }
  | { op: 'insertTemplate'; patch: unknown }
  | { op: 'writeRules'; values: unknown; lang: string }
  | { op: 'readState' }
  | { op: 'setPaneLanguage'; lang: string }
  | { op: 'selectCell'; address: string }
  | { op: 'opening'; lang: string; displayLanguage: string | null; ignorePaneLanguage: boolean; now: number }
  | { op: 'assess'; lang: string; displayLanguage: string; printPeriod: unknown; now: number }
  | { op: 'view'; lang: string }
  | { op: 'history'; lang: string; key: string }
  | { op: 'readRules' }
  | { op: 'close' }
  /** Close the worker once the calls before this one are over (how a page stops a worker: never terminate()). */
  | { op: 'quit' };

/** The workbook as it stands after a call that changed it: what the page offers to download. */
export interface Changed {
  bytes: Uint8Array;
  name: string;
  mime: string;
  assessed: boolean;
}

/** What an attached worker asks of the workbook on the page's thread, while it answers call `id`. */
export type HostAsk = { method: 'read' } | { method: 'write'; patch: unknown };

/** The page's answer to the worker's HostAsk number `answer`. */
export type HostAnswer = { answer: number; ok: true; value: unknown } | { answer: number; ok: false; error: WireError };

/** Everything the worker is sent. */
export type WorkerInbound = EngineRequest | HostAnswer;

/** What the worker says: a stage of a run, a part of a large answer, the answer, the failure, or a HostAsk. */
export type EngineMessage =
  | { id: number; type: 'host'; ask: number; call: HostAsk }
  | { id: number; type: 'progress'; stage: string; done: boolean }
  | { id: number; type: 'part'; part: Part }
  | { id: number; type: 'done'; value: unknown; changed: Changed | null }
  | { id: number; type: 'failed'; error: WireError }
  | { id: 0; type: 'ready' };
