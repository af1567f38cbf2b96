/**
 * 汇报文字: one paragraph, in the official style of a branch's report to the Party committee, on the
 * latest half-year assessed — how many Party groups, how many per grade, who must rectify and by when,
 * leader warnings, rectifications outstanding as of `asOf`, and (after a second half) the year's
 * ranking and awards. The pane copies it to the clipboard; the JSON report carries it as `summaryText`.
 * Deterministic: the same result and language give the same text.
 */
import { comparePeriods } from '../domain/periods';
import type { AssessmentResult, Lang, Period } from '../domain/types';
import { BAND_CODES } from '../domain/bands';
import type { Msg, Params } from '../i18n';
import { t } from '../i18n';
import { BAND, dateLabel, periodLabel, points3 } from '../i18n/domain';
import { SUMMARY } from '../i18n/summary';

const samePeriod = (a: Period | null | undefined, b: Period) => !!a && a.year === b.year && a.half === b.half;

export function summaryText(result: AssessmentResult, lang: Lang): string {
  const tr = (m: Msg, p?: Params) => t(lang, m, p);
  const list = (xs: string[]) => xs.join(tr(SUMMARY.listSep));
  const withPeriod = result.assessments.filter((a) => a.row.period && a.row.group);
  if (withPeriod.length === 0) return tr(SUMMARY.noRecords);
  const latest = withPeriod.map((a) => a.row.period!).sort(comparePeriods)[withPeriod.length - 1];
  const inLatest = withPeriod.filter((a) => samePeriod(a.row.period, latest));
  const periodText = periodLabel(lang, latest);
  // {单位}党支部 (用语表): the unit the rules name, as its Party branch; without one, 党支部.
  const unitName = result.rules.unitName.trim();
  const unit = !unitName ? tr(SUMMARY.branch) : /(党支部|党总支|党委)$/.test(unitName) ? unitName : tr(SUMMARY.unitBranch, { unit: unitName });
  // 城东供电所党小组党小组长王建国, or the group alone where the score sheet names no leader.
  const person = (w: { group: string; leader: string }) => (w.leader ? tr(SUMMARY.person, { group: w.group, leader: w.leader }) : w.group);
  const groups = new Set(inLatest.map((a) => a.row.groupKey));
  const sentences: string[] = [];

  // 1. Who was assessed, how many per grade, who is not graded yet.
  let s = tr(SUMMARY.opening, { period: periodText, unit, count: groups.size });
  const counts = BAND_CODES.map((band) => ({ band, count: inLatest.filter((a) => a.status === 'graded' && a.band === band).length })).filter(
    (c) => c.count > 0,
  );
  if (counts.length) {
    s += tr(SUMMARY.bandCounts, { counts: list(counts.map((c) => tr(SUMMARY.bandCount, { band: tr(BAND[c.band]), count: c.count }))) });
  }
  const ungraded = inLatest.filter((a) => !(a.status === 'graded' && a.band));
  if (ungraded.length) {
    const reason = (st: string) => tr(st === 'pending' ? SUMMARY.reasonPending : st === 'duplicate' ? SUMMARY.reasonDuplicate : SUMMARY.reasonNotGraded);
    const seen = new Set<string>();
    const items = ungraded
      .filter((a) => !seen.has(a.row.groupKey) && seen.add(a.row.groupKey))
      .map((a) => tr(SUMMARY.ungradedItem, { group: a.row.group, reason: reason(a.status) }));
    s += tr(SUMMARY.ungraded, { groups: list(items) });
  }
  sentences.push(s + tr(SUMMARY.end));

  // 2. Rectification ordered for the latest half-year, with its deadline.
  const rectify = result.warnings.filter((w) => w.code === 'RECTIFY' && w.half !== null && samePeriod({ year: w.year, half: w.half }, latest));
  // One sentence per deadline: who, then 党支部将帮助其…要求于{日期}前完成整改.
  const byDeadline = new Map<string, string[]>();
  for (const w of rectify) {
    const item = w.veto
      ? tr(SUMMARY.rectifyVeto, { group: w.group, veto: w.veto })
      : tr(SUMMARY.rectify, { group: w.group, band: w.band ? tr(BAND[w.band]) : '' });
    const key = w.deadline ?? '';
    byDeadline.set(key, [...(byDeadline.get(key) ?? []), item]);
  }
  for (const [deadline, items] of byDeadline) {
    const who = tr(items.length > 1 ? SUMMARY.rectifyWhoMany : SUMMARY.rectifyWhoOne);
    sentences.push(items.join(tr(SUMMARY.clauseSep)) + tr(SUMMARY.rectifyDue, { who, deadline: deadline ? dateLabel(lang, deadline) : '' }) + tr(SUMMARY.end));
  }

  // 3. Leader warnings raised at the latest half-year.
  const review = result.warnings.filter((w) => w.code === 'LEADER_REVIEW' && w.half !== null && samePeriod({ year: w.year, half: w.half }, latest));
  if (review.length) {
    const strict = review.every((w) => w.reviewBand === 'unqualified');
    sentences.push(tr(strict ? SUMMARY.leaderReviewStrict : SUMMARY.leaderReview, { people: list(review.map(person)) }));
  }

  // 4. Rectifications the latest half-year resolved.
  const resolved = result.warnings.filter((w) => w.code === 'RECTIFY' && w.status === 'resolved' && samePeriod(w.resolvedBy, latest));
  if (resolved.length) {
    const bandNow = (group: string) => inLatest.find((a) => a.row.group === group && a.status === 'graded')?.band;
    const items = [...new Set(resolved.map((w) => w.group))].map((group) => {
      const band = bandNow(group);
      return tr(SUMMARY.resolved, { group, band: band ? tr(BAND[band]) : '' });
    });
    sentences.push(items.join(tr(SUMMARY.clauseSep)) + tr(SUMMARY.end));
  }

  // 5. Rectifications overdue or not effective as of the date statuses were judged on.
  const outstanding = result.warnings.filter((w) => w.code === 'RECTIFY' && (w.status === 'overdue' || w.status === 'not_effective'));
  if (outstanding.length) {
    // One item per group and status, its periods listed: 线路运维二班党小组（2023年上半年、2023年下半年考评）整改未见效.
    const byGroup = new Map<string, { group: string; status: string; periods: string[] }>();
    for (const w of outstanding) {
      const key = `${w.group}\u0000${w.status}`;
      const item = byGroup.get(key) ?? { group: w.group, status: w.status!, periods: [] };
      item.periods.push(w.half ? periodLabel(lang, { year: w.year, half: w.half }) : String(w.year));
      byGroup.set(key, item);
    }
    const items = [...byGroup.values()].map((i) =>
      tr(SUMMARY.outstandingItem, {
        group: i.group,
        period: list(i.periods),
        status: tr(i.status === 'overdue' ? SUMMARY.statusOverdue : SUMMARY.statusNotEffective),
      }),
    );
    sentences.push(tr(SUMMARY.outstanding, { asOf: dateLabel(lang, result.asOf), items: items.join(tr(SUMMARY.clauseSep)) }));
  }

  // 6. After a second half: the year's title, leader nominees, vetoed groups, leader replacement.
  if (latest.half === 2) {
    const year = result.annual.filter((e) => e.year === latest.year);
    if (year.some((e) => e.average !== null)) {
      const advanced = year.filter((e) => e.titles.includes('advanced'));
      let a: string;
      if (advanced.length) {
        const average = points3(advanced[0].average ?? 0);
        a = tr(advanced.length > 1 ? SUMMARY.annualTied : SUMMARY.annualAdvanced, {
          year: latest.year,
          groups: list(advanced.map((e) => e.group)),
          average,
        });
      } else a = tr(SUMMARY.annualNone, { year: latest.year });
      const leaders = year.filter((e) => e.titles.includes('leader_candidate') && e.leader);
      if (leaders.length) a += tr(SUMMARY.leaderCandidates, { people: list(leaders.map((e) => person(e))) });
      const vetoed = year.filter((e) => e.vetoed);
      if (vetoed.length) a += tr(SUMMARY.vetoedYear, { groups: list(vetoed.map((e) => e.group)) });
      sentences.push(a + tr(SUMMARY.end));
    }
    const replace = result.warnings.filter((w) => w.code === 'LEADER_REPLACE' && w.year === latest.year);
    if (replace.length) sentences.push(tr(SUMMARY.leaderReplace, { people: list(replace.map(person)) }));
  }
  return sentences.join(tr(SUMMARY.sentenceGap));
}
