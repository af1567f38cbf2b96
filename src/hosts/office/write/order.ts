/// <reference types="office-js" />
/**
 * The order of a write, and its run. Excel's batches are not transactions and a run can be cut at any
 * point (a lost connection, Excel closing, a request refused). The writes are ordered so that every
 * prefix of them leaves a workbook that the next run repairs (test/office/write-order.test.ts cuts a
 * write at every sync):
 *   0. what an interrupted run left (`_PGA_TMP_*` sheets very hidden, or recorded as owned) is removed;
 *   1. the ownership record (the meta sheet, written in place by one command) first also owns the
 *      temporary sheets about to be built and the sheets this run replaces or drops;
 *   2. every new sheet is built under a temporary name, very hidden (`_PGA_TMP_1`, …);
 *   3. sheet by sheet: the new one is made visible, the old one removed, the new one renamed into place
 *      (so a workbook whose input sheets are all hidden always keeps a visible sheet);
 *   4. outputs this run no longer produces are removed;
 *   5. the ownership record is written as this run's (updated last), and moved to the end;
 *   6. the results sheet is activated.
 * Only sheets the meta sheet records as owned are ever replaced or deleted, checked BEFORE any call into
 * Excel (preflight.ts).
 */
import { AssessError } from '../../../domain/errors';
import { META_SHEET, TEMP_SHEET_PREFIX, isLeftoverSheet, metaSheetPatch, ownedSheets, readMeta } from '../../../workbook/meta';
import type { RunMeta } from '../../../workbook/meta';
import type { WorkbookPatch } from '../../../workbook/snapshot';
import type { OfficeEnv } from '../env';
import { MAX_ACTIONS, REQUEST_BUDGET, mapOfficeError, requireExcelApi } from '../env';
import type { ReadState } from '../read';
import type { Handles, Step } from './cost';
import { batches, step } from './cost';
import type { WriteMode } from './preflight';
import { checkPatch, lower } from './preflight';
import { buildSteps, markStep, metaSteps, removeStep } from './steps';
import { OFFICE_CODES } from '../../../i18n/office';
import type { StopSignal, WorkbookClaim } from './claim';
import { checkClaim, queueHold, queueRelease, releaseAfterStop } from './claim';

/** Every step of a write, in order (see the header). */
export function planWrite(env: OfficeEnv, state: ReadState, patch: WorkbookPatch, mode: WriteMode = 'owned'): Step[] {
  checkPatch(state, patch, mode);
  const existing = new Map(state.sheets.map((s) => [lower(s.name), s]));
  const steps: Step[] = [];

  // 0. What an interrupted run left: very hidden temporary sheets, and temporary sheets it had recorded
  //    as owned.
  const owned = new Set([...ownedSheets(state.snapshot)].map(lower));
  const taken = new Set(state.sheets.map((s) => lower(s.name)));
  const removed = new Set<string>();
  for (const s of state.sheets) {
    if (isLeftoverSheet(s) || (s.name.startsWith(TEMP_SHEET_PREFIX) && owned.has(lower(s.name)) && mode === 'owned')) {
      steps.push(removeStep(s.name, s.visibility));
      removed.add(lower(s.name));
      taken.delete(lower(s.name));
    }
  }
  /** A temporary name no sheet has (a user's own `_PGA_TMP_…` sheet is left alone and avoided). */
  const tempName = (hint: string) => {
    let name = `${TEMP_SHEET_PREFIX}${hint}`;
    for (let n = 2; taken.has(lower(name)); n++) name = `${TEMP_SHEET_PREFIX}${hint}_${n}`;
    taken.add(lower(name));
    return name;
  };
  const metaPatch = patch.sheets.find((s) => s.name === META_SHEET) ?? null;
  const outputs = patch.sheets.filter((s) => s !== metaPatch);
  const temps = outputs.map((_, i) => tempName(String(i + 1)));
  const oldMetaValues = state.snapshot.sheets.find((s) => s.name === META_SHEET)?.values ?? [];
  const oldRows = oldMetaValues.length;
  const oldCols = oldMetaValues.reduce((w, r) => Math.max(w, r?.length ?? 0), 0);
  let metaExists = existing.has(lower(META_SHEET));
  let metaUnmarked = metaExists && !state.snapshot.sheets.find((x) => x.name === META_SHEET)?.marked;
  let metaMarkVisible = (state.visibleMarks ?? []).includes(META_SHEET);

  // 1. The ownership record first owns, besides what it owned, the temporary sheets about to be built and
  //    the sheets this run will write: whatever happens next, the next run may remove all of them.
  if (metaPatch && outputs.length) {
    const toRemove = [...outputs.map((s) => s.name), ...patch.deleteSheets]
      .map((n) => existing.get(lower(n)))
      .filter((s): s is NonNullable<typeof s> => !!s && lower(s.name) !== lower(META_SHEET) && !removed.has(lower(s.name)))
      .map((s) => s.name);
    const next = readMeta({ sheets: [{ name: META_SHEET, values: metaPatch.values, merges: [], visibility: 'veryHidden' }] });
    const old = readMeta(state.snapshot);
    // A record of an earlier release (version 1) owned its sheets by name alone; the widened record is
    // version 2, which owns only marked sheets: mark the old outputs first, so they stay owned.
    if (old && (old.version ?? 1) < 2) {
      for (const name of toRemove) {
        if (state.snapshot.sheets.find((x) => x.name === name)?.marked) continue;
        steps.push(markStep(name));
      }
    }
    const base: RunMeta = old ?? { sheets: [], runAt: '', fingerprint: '', language: next?.language ?? 'zh-CN', paneLanguage: null };
    const intent = metaSheetPatch({ ...base, sheets: [...new Set([...base.sheets, ...toRemove, ...temps, ...(next?.sheets ?? [])])] });
    steps.push(...metaSteps({ ...intent, owned: metaPatch.owned }, oldRows, oldCols, metaExists, metaUnmarked, metaMarkVisible));
    metaExists = true;
    metaUnmarked = false;
    metaMarkVisible = false;
  }

  // 2. Every new sheet, built under its temporary name, very hidden.
  outputs.forEach((sheet, i) => steps.push(...buildSteps(sheet, temps[i], env)));

  // 3. Sheet by sheet: visible, the old one removed, renamed into place (a visible sheet always remains).
  outputs.forEach((sheet, i) => {
    const temp = temps[i];
    const old = removed.has(lower(sheet.name)) ? undefined : existing.get(lower(sheet.name));
    steps.push(
      step((_c, h) => {
        if (sheet.visibility !== 'veryHidden') h.get(temp).visibility = 'Visible' as Excel.SheetVisibility;
      }),
    );
    if (old) steps.push(removeStep(old.name, old.visibility));
    steps.push(
      step((_c, h) => {
        h.get(temp).name = sheet.name;
        h.forget(temp);
        h.forget(sheet.name);
      }),
    );
    const { rows: fr, cols: fc } = sheet.freeze;
    if (fr > 0 || fc > 0) {
      steps.push(
        step((_c, h) => {
          const ws = h.get(sheet.name);
          if (fr > 0 && fc > 0) ws.freezePanes.freezeAt(ws.getRangeByIndexes(0, 0, fr, fc).untrack());
          else if (fr > 0) ws.freezePanes.freezeRows(fr);
          else ws.freezePanes.freezeColumns(fc);
        }),
      );
    }
  });

  // 4. Outputs this run no longer produces.
  for (const name of patch.deleteSheets) {
    const s = existing.get(lower(name));
    if (s && lower(s.name) !== lower(META_SHEET) && !removed.has(lower(s.name))) steps.push(removeStep(s.name, s.visibility));
  }

  // 5. The ownership record of this run, moved last (where the file host puts it).
  if (metaPatch) {
    steps.push(...metaSteps(metaPatch, Math.max(oldRows, metaPatch.values.length), Math.max(oldCols, 2), metaExists, metaUnmarked, metaMarkVisible));
    const position = finalPosition(state, patch);
    steps.push(
      step((_c, h) => {
        h.get(META_SHEET).position = position;
      }),
    );
  }

  // 6. The results in view: activate the sheet and select A1 (its summary).
  if (patch.activate) {
    const name = patch.activate;
    steps.push(
      step((_c, h) => {
        h.get(name).activate();
        h.get(name).getRange('A1').untrack().select();
      }),
    );
  }
  return steps;
}

/** The meta sheet's position at the end: every sheet that remains, counted. */
function finalPosition(state: ReadState, patch: WorkbookPatch): number {
  const gone = new Set([...patch.deleteSheets, ...patch.sheets.map((s) => s.name)].map(lower));
  const owned = new Set([...ownedSheets(state.snapshot)].map(lower));
  const kept = state.sheets.filter(
    (s) => !gone.has(lower(s.name)) && !isLeftoverSheet(s) && !(s.name.startsWith(TEMP_SHEET_PREFIX) && owned.has(lower(s.name))),
  ).length;
  const added = patch.sheets.filter((s) => s.name !== META_SHEET).length;
  return kept + added; // 0-based index of the last sheet, the meta sheet being one of them
}

/**
 * How a write is guarded: a stop signal checked before every sync (the write stops at the boundary, leaving
 * a prefix the next run repairs), and the lock inside the workbook (claim.ts; only for a write of the run
 * record, the one that replaces and removes sheets).
 */
export interface WriteGuard {
  signal?: StopSignal;
  claim?: WorkbookClaim;
}

/** Writes the patch; `afterSync` runs after every sync (the host refreshes its run lock there). */
export async function writePatch(
  env: OfficeEnv,
  state: ReadState,
  patch: WorkbookPatch,
  mode: WriteMode = 'owned',
  afterSync?: () => void,
  guard: WriteGuard = {},
): Promise<void> {
  const steps = planWrite(env, state, patch, mode);
  if (!steps.length) return;
  const { signal } = guard;
  const claim = guard.claim && patch.sheets.some((s) => s.name === META_SHEET) ? guard.claim : null;
  if (claim) checkClaim(state, claim);
  requireExcelApi(env);
  const suspend = env.isSetSupported('ExcelApi', '1.6');
  const groups = batches(steps, env.requestBudget ?? REQUEST_BUDGET, env.maxActions ?? MAX_ACTIONS);
  const stopHere = () => {
    if (signal?.aborted) throw new AssessError('host', OFFICE_CODES.stopped);
  };
  let held = false;
  try {
    await env.run({ delayForCellEdit: true }, async (context) => {
      for (let g = 0; g < groups.length; g++) {
        stopHere(); // a boundary: every prefix of the steps is one the next run repairs
        if (suspend) context.workbook.application.suspendApiCalculationUntilNextSync();
        const handles = new Map<string, Excel.Worksheet>();
        const h: Handles = {
          get: (name) => {
            let ws = handles.get(lower(name));
            if (!ws) handles.set(lower(name), (ws = context.workbook.worksheets.getItem(name)));
            return ws;
          },
          forget: (name) => void handles.delete(lower(name)),
        };
        for (const s of groups[g]) s.run(context, h);
        // The lock in the workbook, in the same sync as the steps: held while anything is left between syncs.
        const last = g === groups.length - 1;
        if (claim && !last) {
          queueHold(context, claim);
          held = true; // (a sync cut after applying it leaves it: releaseAfterStop checks whose it is)
        } else if (claim && held) queueRelease(context);
        // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one sync per bounded request: the split Microsoft advises
        await context.sync();
        if (last) held = false;
        afterSync?.();
      }
    });
  } catch (e) {
    if (held && claim) await releaseAfterStop(env, claim);
    const mapped = mapOfficeError(e);
    // A failure after Excel applied part of the write: say that assessing again completes it.
    if (mapped.code === OFFICE_CODES.hostFailed) {
      throw new AssessError('host', OFFICE_CODES.writeInterrupted, { detail: String(mapped.params.detail ?? '') }, null, e);
    }
    throw mapped;
  }
}
