/**
 * A run's result indexed once for the view functions (one per panel): each group's half-years, the data
 * issues of each row, the group keys of names, and the helpers every panel needs in the pane's language.
 */
import { toReport } from '../../app/report';
import type { Report } from '../../app/report';
import { comparePeriods, periodIndex } from '../../domain/periods';
import type { AssessmentResult, Lang, Period } from '../../domain/types';
import type { Msg, Params } from '../../i18n';
import { t } from '../../i18n';
import { periodLabel } from '../../i18n/domain';
import { issueMessage } from '../../i18n/issues';
import { RESULTS } from '../../i18n/output';
import { rubricItemName } from '../../i18n/rubric';
import { PANE } from '../../i18n/pane';
import { cellAddress } from '../../domain/cell-ref';
import { parseCellAddress } from '../../workbook/a1';
import { groupKey } from '../../workbook/cells';
import type { HalfLine, Place } from './types';

type Assessments = AssessmentResult['assessments'];

const DAY = 86_400_000;

/** A YYYY-MM-DD date as a day number (for day differences). */
export const dayNumber = (iso: string) => Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / DAY;

/** `Sheet!B6` → its sheet and row (1-based), for 定位. */
export function placeOf(address: string): Place {
  const { sheet, row } = parseCellAddress(address);
  return { sheet, row: row + 1, address };
}

export interface IndexedResult {
  result: AssessmentResult;
  lang: Lang;
  report: Report;
  tr: (m: Msg, p?: Params) => string;
  /** "4.党员教育管理与党费收缴" */
  itemName: (code: string) => string;
  asOfDay: number;
  /** Each group's half-years (with a period and a group), oldest first, by group key. */
  byGroup: Map<string, Assessments>;
  /** Group keys in first-appearance order. */
  order: string[];
  /** The group key of a name as written in a warning (the reader's matching key). */
  keyOf: (group: string) => string;
  /** A half-year as the pane shows it, given the group's half-years. */
  halfLine: (a: Assessments[number], list: Assessments) => HalfLine;
}

export function indexResult(result: AssessmentResult, lang: Lang): IndexedResult {
  const tr = (m: Msg, p?: Params) => t(lang, m, p);
  const report = toReport(result, lang);
  const itemName = (code: string) => `${code}.${rubricItemName(result.rubric, code, lang)}`;

  const byGroup = new Map<string, Assessments>();
  const order: string[] = [];
  for (const a of result.assessments) {
    if (!a.row.period || !a.row.group) continue;
    const list = byGroup.get(a.row.groupKey);
    if (list) list.push(a);
    else {
      byGroup.set(a.row.groupKey, [a]);
      order.push(a.row.groupKey);
    }
  }
  for (const list of byGroup.values()) list.sort((x, y) => comparePeriods(x.row.period!, y.row.period!));

  const issuesByRow = new Map<string, string[]>();
  for (const i of result.issues) {
    const k = `${i.cell.sheet}\u0000${i.cell.row}`;
    const list = issuesByRow.get(k) ?? [];
    list.push(issueMessage(lang, i));
    issuesByRow.set(k, list);
  }

  const keyOfGroup = new Map<string, string>();
  for (const a of result.assessments) keyOfGroup.set(groupKey(a.row.group), a.row.groupKey);
  // Each name as written is folded once (warnings repeat their group's name).
  const keyOfName = new Map<string, string>();
  const keyOf = (g: string) => {
    let k = keyOfName.get(g);
    if (k === undefined) {
      const folded = groupKey(g);
      k = keyOfGroup.get(folded) ?? folded;
      keyOfName.set(g, k);
    }
    return k;
  };

  // Each group's half-years by period (the first of a period, as a search of the list finds it): looked up,
  // not searched for every half-year (a group with 200 half-years: 40,000 comparisons).
  const byPeriod = new WeakMap<Assessments, Map<number, Assessments[number]>>();
  const periodsOf = (list: Assessments) => {
    let m = byPeriod.get(list);
    if (!m) {
      m = new Map();
      for (const x of list) {
        const k = periodIndex(x.row.period!);
        if (!m.has(k)) m.set(k, x);
      }
      byPeriod.set(list, m);
    }
    return m;
  };

  const halfLine = (a: Assessments[number], list: Assessments): HalfLine => {
    const p: Period = a.row.period!;
    const before = periodsOf(list).get(periodIndex(p) - 1);
    const prev = before && before.status === 'graded' && before.total !== null ? before : undefined;
    const graded = a.status === 'graded' && a.total !== null;
    const why: string[] = [];
    if (a.status === 'duplicate') why.push(tr(RESULTS.reasonDuplicate));
    if (a.status === 'pending') why.push(tr(PANE.whyPending));
    if (a.row.veto !== null && a.status === 'graded') why.push(tr(PANE.whyVeto, { veto: a.row.veto }));
    for (const m of issuesByRow.get(`${a.row.source.sheet}\u0000${a.row.source.row}`) ?? []) why.push(tr(PANE.whyIssue, { message: m }));
    if (a.status === 'not_graded' && why.length === 0) why.push(tr(PANE.whyNotGraded));
    if (a.row.notes) why.push(tr(RESULTS.notes, { notes: a.row.notes }));
    return {
      group: a.row.group,
      key: a.row.groupKey,
      period: periodLabel(lang, p),
      total: a.total === null ? null : a.total / 100,
      band: a.status === 'graded' ? a.band : null,
      status: a.status,
      change: graded && prev ? (a.total! - prev.total!) / 100 : null,
      previous: graded && prev ? periodLabel(lang, prev.row.period!) : null,
      hadPrevious: !!before,
      why,
      place: placeOf(cellAddress(a.row.source)),
    };
  };

  return { result, lang, report, tr, itemName, asOfDay: dayNumber(result.asOf), byGroup, order, keyOf, halfLine };
}
