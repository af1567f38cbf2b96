/**
 * The pane's reducer: the workflows report one action per outcome (request / success / failure) and the
 * reducer derives what the pane shows — the notice, the banners' state, what is busy, the main action.
 */
import { assess } from '../../src/domain/assess';
import { AssessError } from '../../src/domain/errors';
import sample from '../../src/hosts/memory/sample.json';
import { PANE } from '../../src/i18n/pane';
import type { State } from '../../src/ui/state';
import { initialState, primaryAction, reducer, statusOf } from '../../src/ui/state';
import { summarizeResult } from '../../src/ui/view';
import { compareRuns, decodeDigest, encodeDigest } from '../../src/workbook/digest';
import { parseWorkbook } from '../../src/workbook/parse';
import type { WorkbookSnapshot } from '../../src/workbook/snapshot';
import { CONFIG_CODES } from '../../src/i18n/config';

const parsed = parseWorkbook(sample as unknown as WorkbookSnapshot);
const whole = assess({ rubric: parsed.rubric, rules: parsed.rules, rows: parsed.rows, issues: parsed.issues, asOf: '2026-05-01' });
const result = summarizeResult(whole);
const empty = summarizeResult(assess({ rubric: parsed.rubric, rules: parsed.rules, rows: [], issues: [], asOf: '2026-05-01' }));
const first = compareRuns(null, decodeDigest(encodeDigest(whole))!);
const fresh = { assessed: false, runAt: null, changed: false, hasScoreTable: true, paneLanguage: null };

const steps = (s: State, ...actions: Parameters<typeof reducer>[1][]) => actions.reduce(reducer, s);

test('opening: loading, then the workbook’s state and its remembered language', () => {
  const s0 = initialState('zh-CN');
  expect(statusOf(s0)).toBe('loading');
  const s1 = reducer(s0, { type: 'open/success', paneState: { ...fresh, paneLanguage: 'en-US' }, result: null });
  expect(s1.lang).toBe('en-US');
  expect(statusOf(s1)).toBe('notAssessed');
  expect(primaryAction(s1)).toBe('assess');
  const noTable = reducer(s0, { type: 'open/success', paneState: { ...fresh, hasScoreTable: false }, result: null });
  expect(statusOf(noTable)).toBe('noTable');
  expect(primaryAction(noTable)).toBe('template');
  const failed = reducer(s0, { type: 'open/failure', error: new Error('x') });
  expect(failed.notice).toMatchObject({ intent: 'error', msg: PANE.failed });
  expect(statusOf(failed)).toBe('none');
});

test('a run: request clears the notice and is busy; success derives the up-to-date state, 考评完成, and the comparison that outlives the notice', () => {
  const s = steps(
    initialState('zh-CN'),
    { type: 'open/success', paneState: fresh, result: null },
    { type: 'copy/success', text: 'x' },
    { type: 'assess/request' },
  );
  expect(s.running).toBe(true);
  expect(s.notice).toBeNull();
  const p = reducer(s, { type: 'assess/progress', stage: 'read', done: true });
  expect(p.stages).toEqual(['read']);
  const done = reducer(p, { type: 'assess/success', result, runAt: '2026-05-01T10:00:00+08:00', paneLanguage: null, comparison: first });
  expect(done.running).toBe(false);
  expect(done.paneState).toEqual({ assessed: true, runAt: '2026-05-01T10:00:00+08:00', changed: false, hasScoreTable: true, paneLanguage: null });
  expect(statusOf(done)).toBe('upToDate');
  expect(done.notice).toMatchObject({ intent: 'success', msg: PANE.done, params: { rows: 35, warnings: 13, issues: 2 } });
  // 与上次相比 stays (a section of 概览) when the notice is closed or replaced, until the next run.
  expect(done.comparison).toBe(first);
  expect(steps(done, { type: 'notice/dismiss' }, { type: 'copy/success', text: 'x' }).comparison).toBe(first);
});

test('a run with nothing gradable is 没有可评定的记录 (a warning), not 完成', () => {
  const done = steps(initialState('zh-CN'), { type: 'assess/request' }, { type: 'assess/success', result: empty, runAt: 't', paneLanguage: null, comparison: first });
  expect(done.notice).toMatchObject({ intent: 'warning', msg: PANE.noRecordsTitle, text: PANE.noRecordsText, params: { pending: 0 } });
});

test('a failed run says whether the workbook was left as it was', () => {
  const error = new AssessError('config', CONFIG_CODES.rulesOrder, {}, '考评规则!B2');
  const s = steps(initialState('zh-CN'), { type: 'assess/request' }, { type: 'assess/failure', error, unchanged: true });
  expect(s.running).toBe(false);
  expect(s.notice).toMatchObject({ intent: 'error', msg: PANE.failed, error, unchanged: true });
});

test('saving the rules then re-running: the run’s notice says where the rules were saved', () => {
  const s = steps(
    initialState('zh-CN'),
    { type: 'rules/save/request' },
    { type: 'rules/save/success', rules: result.rules, sheet: '考评规则', rerun: true },
  );
  expect(s.saving).toBe(false);
  expect(s.notice).toBeNull();
  const done = steps(s, { type: 'assess/request' }, { type: 'assess/success', result, runAt: 't', paneLanguage: null, comparison: first });
  expect(done.notice?.rulesSaved).toBe('考评规则');
  expect(done.rulesSaved).toBeNull();
  // Without a run to follow, the save itself is the notice.
  const alone = reducer(initialState('zh-CN'), { type: 'rules/save/success', rules: result.rules, sheet: 'Rules', rerun: false });
  expect(alone.notice).toMatchObject({ intent: 'success', msg: PANE.saved, params: { sheet: 'Rules' } });
});

test('template, copy and select outcomes each have their notice', () => {
  const s0 = initialState('zh-CN');
  expect(reducer(reducer(s0, { type: 'template/request' }), { type: 'template/success', inserted: ['考评细则', '评分表'], skipped: [], sep: '、' }).notice).toMatchObject({
    intent: 'success',
    msg: PANE.templateInserted,
    params: { sheets: '考评细则、评分表' },
  });
  expect(reducer(s0, { type: 'template/success', inserted: [], skipped: ['评分表'], sep: '、' }).notice).toMatchObject({ intent: 'info', msg: PANE.templateSkipped });
  expect(reducer(s0, { type: 'copy/failure', text: '汇报' }).notice).toMatchObject({ intent: 'warning', msg: PANE.copyFailed, copiedText: '汇报' });
  expect(reducer(s0, { type: 'select/failure', cell: 'A!B2', error: new Error('no') }).notice).toMatchObject({ intent: 'error', msg: PANE.selectFailed, params: { cell: { zh: 'A表B2单元格', en: 'cell B2 of sheet “A”' } } });
});

test('the settings button toggles the settings and returns to the tab they were opened from; a group’s history opens on 概览', () => {
  const s = steps(initialState('zh-CN'), { type: 'tab', tab: 'ranking' }, { type: 'tab', tab: 'settings' });
  expect(s.tab).toBe('settings');
  expect(reducer(s, { type: 'tab', tab: 'settings' }).tab).toBe('ranking');
  expect(reducer(s, { type: 'tab', tab: 'warnings' }).tab).toBe('warnings');
  const h = reducer(s, { type: 'history/open', key: '城西供电所党小组' });
  expect([h.tab, h.history]).toEqual(['summary', '城西供电所党小组']);
  expect(reducer(h, { type: 'history/close' }).history).toBeNull();
});
