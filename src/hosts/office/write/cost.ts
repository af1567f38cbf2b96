/// <reference types="office-js" />
/**
 * What a write costs, in request bytes and actions as office.js serializes them, and its steps grouped
 * into bounded syncs: every request stays under about 3 MB (REQUEST_BUDGET) and MAX_ACTIONS actions, on
 * every platform (Excel on the web refuses requests over 5 MB; desktop Excel slows down or hangs on very
 * large ones).
 *
 * A step is described once, by its `run`: the Office.js calls it makes. Its cost is priced from that same
 * `run`, executed against a meter — an object model that, instead of queueing each call, adds up what
 * office.js sends for it: each object path (its ObjectPaths entry and Instantiate action), each property
 * set and method call, with their arguments. So the estimate and the call cannot disagree. A step's
 * estimate is office.js's serialization of its calls with every id at 7 digits, each action carrying a
 * three-path last-use list in place of office.js's own ("L"); with the fixed cost of a sync, a sync's
 * estimate is never below office.js's request. test/office/write-steps.test.ts checks every kind of step
 * against excel-web-16.00.js; test/office/requests.test.ts whole writes, through test/support/office-wire.ts.
 */
import { MAX_ACTIONS, REQUEST_BUDGET } from '../env';
import { jsonBytes } from '../read';
import { lower } from '../../../workbook/write-guard';

/** An object path id or action id as office.js numbers them; 7 digits bound a run of 100,000 rows (ids < 10⁷). */
const ID = 9_999_999;

/** A new object path: its entry in ObjectPaths and its Instantiate action. */
function pathCost(type: number, name: string, args?: unknown[], untracked = false): number {
  const info: Record<string, unknown> = { Id: ID, ObjectPathType: type, Name: name, ParentObjectPathId: ID };
  if (args) info.ArgumentInfo = { Arguments: args };
  if (untracked) info.D = true;
  const entry = jsonBytes(info) + jsonBytes(String(ID)) + 2; // "id": … ,
  const instantiate = jsonBytes({ Id: ID, ActionType: 1, Name: '', ObjectPathId: ID }) + 1;
  return entry + instantiate;
}

/**
 * An action (set a property, call a method) with its last-use list ("L") of up to three paths. An object
 * passed as an argument is sent as its path's id, listed again in ReferencedObjectPathIds — which has one
 * entry per argument (0 for the others: `copyFrom(range, "All", false, false)` sends [id, 0, 0, 0]), each
 * priced at 7 digits.
 */
function actionCost(type: number, name: string, args: unknown[], refs = 0): number {
  const info: Record<string, unknown> = { Arguments: args };
  if (refs) info.ReferencedObjectPathIds = new Array<number>(args.length).fill(ID);
  return jsonBytes({ Id: ID, ActionType: type, Name: name, ObjectPathId: ID, ArgumentInfo: info, L: [ID, ID, ID] }) + 1;
}

/** Sheets by name, one worksheets.getItem per sync; a handle is forgotten when its sheet is deleted or renamed. */
export interface Handles {
  get(name: string): Excel.Worksheet;
  forget(name: string): void;
}

/** A step's Office.js calls. Writes only: it reads nothing back, so running it against the meter prices it. */
export type Run = (context: Excel.RequestContext, sheets: Handles) => void;

/** One unit of work: its calls, and their request bytes and office.js actions, priced from those calls. */
export interface Step {
  run: Run;
  bytes: number;
  actions: number;
  /** The sheets (by the names they have when the step runs) that the step reaches through worksheets.getItem. */
  sheets: string[];
}

/** A step, priced. */
export function step(run: Run): Step {
  return { run, ...measure(run) };
}

/** Office.js methods whose result is an object (a new object path); any other method called is an action. */
const OBJECT_METHODS = new Set(['add', 'getCell', 'getItem', 'getRange', 'getRangeByIndexes', 'getRanges']);

/** office.js's name on the wire for a property or method: `numberFormat` → `NumberFormat`. */
const wireName = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** An object path as office.js builds it: method result (type 3), property (4) or indexer (5, `getItem`). */
class PathNode {
  /** Priced already (or paid for elsewhere: the worksheets collection, a sheet handle). */
  used: boolean;
  untracked = false;
  /** Read as a property but then called: a method of the parent (an action), not an object. */
  called = false;
  /** Navigation properties (`format`, `font`…): office.js gives each one object, whatever the number of accesses. */
  readonly props = new Map<string, PathNode>();
  constructor(
    readonly parent: PathNode | null,
    readonly type: number,
    readonly name: string,
    readonly args?: unknown[],
    prepaid = false,
  ) {
    this.used = prepaid;
  }
}

/**
 * What the meter priced, in order (for tests): an object path instantiated, or an action, with its
 * arguments as sent (an object argument as `{ objectPath: name }`).
 */
export interface PricedCall {
  path: boolean;
  name: string;
  args: unknown[];
  untracked?: boolean;
}

/** Arguments as office.js serializes them (JSON: an omitted optional argument is sent as null). */
const asSent = (args: unknown[]): unknown[] => JSON.parse(JSON.stringify(args)) as unknown[];

/**
 * The object model a step's `run` is priced against. office.js instantiates an object path when the object
 * is made; the meter prices it when the object is first used (a property read or set on it, passed as an
 * argument), or at the end if it never was — the same paths, in the same order, and no path for a property
 * read that turns out to be a method call (`ws.delete()`).
 */
class Meter {
  bytes = 0;
  actions = 0;
  private readonly nodes = new WeakMap<object, PathNode>();
  private readonly made: PathNode[] = [];
  constructor(private readonly log?: PricedCall[]) {}

  private use(n: PathNode): void {
    if (n.used) return;
    if (n.parent) this.use(n.parent);
    n.used = true;
    this.bytes += pathCost(n.type, n.name, n.args, n.untracked);
    this.actions++;
    this.log?.push({ path: true, name: n.name, args: asSent(n.args ?? []), untracked: n.untracked });
  }

  private act(target: PathNode, type: number, name: string, args: unknown[]): void {
    this.use(target);
    // An object passed as an argument (freezeAt(range)) is sent as its path's id.
    const refs = args.map((a) => ((typeof a === 'object' || typeof a === 'function') && a !== null ? this.nodes.get(a) : undefined));
    for (const n of refs) if (n) this.use(n);
    this.bytes += actionCost(type, name, args.map((a, i) => (refs[i] ? ID : a)), refs.filter(Boolean).length);
    this.actions++;
    this.log?.push({ path: false, name, args: asSent(args.map((a, i) => (refs[i] ? { objectPath: refs[i].name } : a))) });
  }

  private make(n: PathNode): unknown {
    this.made.push(n);
    return this.object(n);
  }

  /** The stand-in for one office.js object: a property read is a navigation (or, called, a method), a set an action. */
  object(node: PathNode): unknown {
    const proxy: object = new Proxy(function meterObject() {}, {
      get: (_t, prop) => {
        if (typeof prop !== 'string') return undefined;
        if (prop === 'untrack') {
          return () => {
            node.untracked = true;
            return proxy;
          };
        }
        this.use(node);
        if (OBJECT_METHODS.has(prop)) {
          return (...args: unknown[]) => this.make(prop === 'getItem' ? new PathNode(node, 5, '', args) : new PathNode(node, 3, wireName(prop), args));
        }
        let nav = node.props.get(prop);
        if (!nav) node.props.set(prop, (nav = new PathNode(node, 4, wireName(prop))));
        return this.make(nav);
      },
      set: (_t, prop, value) => {
        this.act(node, 4, wireName(String(prop)), [value]);
        return true;
      },
      apply: (_t, _self, args: unknown[]) => {
        // `obj.method(…)` read `method` as a navigation of obj first: the call is an action on obj.
        node.called = true;
        this.act(node.parent!, 3, node.name, args);
        return undefined;
      },
    });
    this.nodes.set(proxy, node);
    return proxy;
  }

  /** Objects made and never used are still instantiated by office.js. */
  finish(): void {
    for (const n of this.made) if (!n.called) this.use(n);
  }
}

/**
 * A step's cost: its `run` executed against the meter. Sheet handles and the worksheets collection are
 * not counted here (a handle is shared by the steps of a sync: see handleCost and SYNC_BYTES).
 */
export function measure(run: Run, log?: PricedCall[]): { bytes: number; actions: number; sheets: string[] } {
  const meter = new Meter(log);
  const worksheets = new PathNode(null, 4, 'Worksheets', undefined, true);
  const handles = new Map<string, PathNode>();
  const sheets: string[] = [];
  const context = { workbook: { worksheets: meter.object(worksheets) } };
  run(context as unknown as Excel.RequestContext, {
    get: (name) => {
      let n = handles.get(lower(name));
      if (!n) handles.set(lower(name), (n = new PathNode(worksheets, 5, '', [name], true)));
      if (!sheets.includes(name)) sheets.push(name);
      return meter.object(n) as Excel.Worksheet;
    },
    forget: (name) => void handles.delete(lower(name)),
  });
  meter.finish();
  return { bytes: meter.bytes, actions: meter.actions, sheets };
}

/** A sheet handle (worksheets.getItem(name)) costs this once per sync. */
function handleCost(name: string): { bytes: number; actions: number } {
  return { bytes: pathCost(5, '', [name]), actions: 1 };
}

/** Fixed cost of a sync: the root, Worksheets, Application and the calculation suspension. */
const SYNC_BYTES = 2_000;
const SYNC_ACTIONS = 8;

/** Group steps into syncs under the request budget and the action bound. */
export function batches(steps: Step[], budget: number, maxActions: number): Step[][] {
  const out: Step[][] = [];
  let cur: Step[] = [];
  let bytes = SYNC_BYTES;
  let actions = SYNC_ACTIONS;
  let handles = new Set<string>();
  for (const s of steps) {
    const h = { bytes: 0, actions: 0 };
    for (const name of s.sheets) {
      if (handles.has(name)) continue;
      h.bytes += handleCost(name).bytes;
      h.actions += handleCost(name).actions;
    }
    if (cur.length && (bytes + h.bytes + s.bytes > budget || actions + h.actions + s.actions > maxActions)) {
      out.push(cur);
      cur = [];
      bytes = SYNC_BYTES;
      actions = SYNC_ACTIONS;
      handles = new Set();
    }
    for (const name of s.sheets) {
      if (handles.has(name)) continue;
      const c = handleCost(name);
      bytes += c.bytes;
      actions += c.actions;
      handles.add(name);
    }
    cur.push(s);
    bytes += s.bytes;
    actions += s.actions;
  }
  if (cur.length) out.push(cur);
  return out;
}

/**
 * Estimated request bytes and actions of each sync a write will send.
 * @internal Kept for the tests that hold every estimate against office.js's own request (test/office/requests.test.ts, write-steps.test.ts).
 */
export function estimateSyncs(steps: Step[], budget = REQUEST_BUDGET, maxActions = MAX_ACTIONS): Array<{ bytes: number; actions: number }> {
  return batches(steps, budget, maxActions).map((b) => {
    const handles = new Set(b.flatMap((s) => s.sheets));
    let bytes = SYNC_BYTES;
    let actions = SYNC_ACTIONS;
    for (const h of handles) {
      bytes += handleCost(h).bytes;
      actions += handleCost(h).actions;
    }
    for (const s of b) {
      bytes += s.bytes;
      actions += s.actions;
    }
    return { bytes, actions };
  });
}
