/**
 * Writing a WorkbookPatch through Office.js: the same workbook as the file host (src/hosts/file) writes,
 * in bounded requests, in an order that survives interruption. By job:
 *   (src/workbook/write-guard.ts: what may be touched, checked before any call into Excel, shared with WPS;
 *    src/workbook/style-plan.ts: number-format rectangles and grouped styles, shared with WPS)
 *   styles.ts     column widths in points, each style property as office.js names it;
 *   steps.ts      each job's Office.js calls, one step each (build a sheet, write the meta sheet, remove, mark);
 *   cost.ts       a step's request bytes and actions, priced from its own calls; steps grouped into syncs
 *                 of at most about 3 MB and MAX_ACTIONS actions;
 *   order.ts      the crash-safe order of the steps, and the run;
 *   claim.ts      the run lock inside the workbook (co-authors), and the stop signal checked between syncs.
 * Tests: test/office/write-steps.test.ts (each kind of step priced as office.js sends it),
 * test/office/requests.test.ts (request bounds, against office.js's own serialization through
 * test/support/office-wire.ts), test/office/write-order.test.ts (a write cut at every sync),
 * test/office/host.test.ts and test/office/parity.test.ts (the written workbook, on the fake Excel of
 * test/support/fake-excel.ts).
 */
export { writePatch } from './order';
export type { WriteGuard } from './order';
export type { StopSignal } from './claim';
