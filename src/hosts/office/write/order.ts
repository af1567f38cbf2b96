/// <reference types="office-js" />
/**
 * The order of a write, and its run. Excel's batches are not transactions and a run can be cut at any
 * point (a lost connection, Excel closing, a request refused). The writes are ordered so that every
 * prefix of them leaves a workbook that the next run repairs (test/office/write-order.test.ts cuts a
 * write at every sync).
 *
 * An output sheet that exists already is REFILLED IN PLACE, never deleted: deleting a sheet turns every
 * reference to it into #REF! — a user's `=年度排名!C5`, a defined name, a chart series — and a new sheet of
 * the same name does not bring them back (test/office/references.test.ts). The file host keeps them too: it
 * writes the sheet's part anew under the same name, and references are stored as text. So:
 *   0. what an interrupted run left (`_PGA_TMP_*` sheets very hidden, or recorded as owned) is removed;
 *   1. the ownership record (the meta sheet, written in place by one command) first also owns the
 *      temporary sheets about to be built and the sheets this run refills or drops;
 *   2. the content of every output is built under a temporary name, very hidden (`_PGA_TMP_1`, …): all of
 *      a new sheet; of a kept sheet, what a range copy carries (ExcelApi 1.9 — below it, no temporary);
 *   3. sheet by sheet —
 *      a new sheet: made visible, renamed into place (no reference to it can exist yet);
 *      a kept sheet: emptied (clearStep: cleared, unmerged, standard widths and heights, unfrozen; its
 *      cells, names and charts stay), its content copied from the temporary one in one command
 *      (Range.copyFrom, ExcelApi 1.9) or, on ExcelApi 1.7/1.8, written into it directly, in the same
 *      bounded requests; then its widths, heights, tab colour, page setup, panes and visibility; the
 *      temporary one removed. Cut anywhere, it is an owned sheet, half filled, that the next run empties
 *      and fills again (a workbook whose input sheets are all hidden always keeps a visible sheet);
 *   4. outputs this run no longer produces are removed;
 *   5. kept sheets are moved after the others, in the order of the patch (where a new build puts them);
 *      the ownership record is written as this run's (updated last), and moved to the end;
 *   6. the results sheet is activated.
 * Only sheets the meta sheet records as owned are ever refilled or deleted, checked BEFORE any call into
 * Excel (src/workbook/write-guard.ts).
 */
import { AssessError } from '../../../domain/errors';
import { META_SHEET, TEMP_SHEET_PREFIX, isLeftoverSheet, ownedSheets } from '../../../workbook/meta';
import type { WorkbookPatch } from '../../../workbook/snapshot';
import type { OfficeEnv } from '../env';
import { MAX_ACTIONS, REQUEST_BUDGET, mapOfficeError, requireExcelApi } from '../env';
import type { ReadState } from '../read';
import type { Handles, Step } from './cost';
import { batches, step } from './cost';
import type { WriteMode } from '../../../workbook/write-guard';
import { checkPatch, intentRecord, leftoverSheets, lower, metaState, tempNamer } from '../../../workbook/write-guard';
import { buildSteps, clearStep, copyStep, extentOf, markStep, metaSteps, removeStep } from './steps';
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
  const taken = new Set(state.sheets.map((s) => lower(s.name)));
  const removed = new Set<string>();
  for (const s of leftoverSheets(state, mode)) {
    steps.push(removeStep(s.name, s.visibility));
    removed.add(lower(s.name));
    taken.delete(lower(s.name));
  }
  /** A temporary name no sheet has (a user's own `_PGA_TMP_…` sheet is left alone and avoided). */
  const tempName = tempNamer(taken);
  const metaPatch = patch.sheets.find((s) => s.name === META_SHEET) ?? null;
  const outputs = patch.sheets.filter((s) => s !== metaPatch);
  // The sheet each output refills in place (an existing one), if any; copyFrom needs ExcelApi 1.9.
  const kept = outputs.map((sheet) => (removed.has(lower(sheet.name)) ? undefined : existing.get(lower(sheet.name))));
  const copy = env.isSetSupported('ExcelApi', '1.9');
  const tempOf = outputs.map((_, i) => (!kept[i] || copy ? tempName(String(i + 1)) : null));
  const temps = tempOf.filter((t): t is string => t !== null);
  const meta = metaState(state);
  const { oldRows, oldCols } = meta;
  let { exists: metaExists, unmarked: metaUnmarked, markVisible: metaMarkVisible } = meta;

  // 1. The ownership record first owns, besides what it owned, the temporary sheets about to be built and
  //    the sheets this run will write: whatever happens next, the next run may remove all of them.
  if (metaPatch && outputs.length) {
    // A record of an earlier release (version 1) owned its sheets by name alone; the widened record is
    // version 2, which owns only marked sheets: the old outputs are marked first, so they stay owned.
    const { record, markFirst } = intentRecord(state, patch, metaPatch, removed, temps);
    for (const name of markFirst) steps.push(markStep(name));
    steps.push(...metaSteps(record, oldRows, oldCols, metaExists, metaUnmarked, metaMarkVisible));
    metaExists = true;
    metaUnmarked = false;
    metaMarkVisible = false;
  }

  // 2. Under temporary names, very hidden: every new sheet, and the content of every kept one (1.9+).
  outputs.forEach((sheet, i) => {
    const temp = tempOf[i];
    if (temp) steps.push(...buildSteps(sheet, temp, env, { create: true, content: true, layout: !kept[i] }));
  });

  // 3. Sheet by sheet: a new one made visible and renamed into place; a kept one emptied and filled.
  outputs.forEach((sheet, i) => {
    const temp = tempOf[i];
    const old = kept[i];
    if (!old) {
      steps.push(
        step((_c, h) => {
          if (sheet.visibility !== 'veryHidden') h.get(temp!).visibility = 'Visible' as Excel.SheetVisibility;
        }),
      );
      steps.push(
        step((_c, h) => {
          h.get(temp!).name = sheet.name;
          h.forget(temp!);
          h.forget(sheet.name);
        }),
      );
    } else {
      const name = old.name;
      steps.push(clearStep(name, env));
      if (temp) {
        const { rows, cols } = extentOf(sheet);
        if (rows && cols) steps.push(copyStep(temp, name, rows, cols));
        steps.push(...buildSteps(sheet, name, env, { create: false, content: false, layout: true }));
      } else {
        steps.push(...buildSteps(sheet, name, env, { create: false, content: true, layout: true }));
      }
      const color = sheet.tabColor ? `#${sheet.tabColor}` : '';
      const visible = sheet.visibility !== 'veryHidden' && old.visibility !== 'visible';
      steps.push(
        step((_c, h) => {
          const ws = h.get(name);
          if (!color) ws.tabColor = ''; // a new sheet has none (buildSteps sets the patch's)
          if (visible) ws.visibility = 'Visible' as Excel.SheetVisibility;
        }),
      );
      if (temp) steps.push(removeStep(temp, 'veryHidden'));
    }
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

  // 5. Kept sheets where a new build puts its sheets: after the others, in patch order (each moved last in
  //    turn); then the ownership record of this run, moved last (where the file host puts it).
  if (kept.some(Boolean)) {
    const last = finalPosition(state, patch) - (metaPatch ? 0 : 1);
    for (const sheet of outputs) {
      steps.push(
        step((_c, h) => {
          h.get(sheet.name).position = last;
        }),
      );
    }
  }
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
