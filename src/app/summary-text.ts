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
  return summarySentences(result, lang).join(t(lang, SUMMARY.sentenceGap));
}

/** The paragraph's sentences, in order (the pane shows the first — who was assessed, how many per grade — at the top of 概览). */
export function summarySentences(result: AssessmentResult, lang: Lang): string[] {
  const tr = (m: Msg, p?: Params) => t(lang, m, p);
  const list = (xs: string[]) => xs.join(tr(SUMMARY.listSep));
  const withPeriod = result.assessments.filter((a) => a.row.period && a.row.group);
  if (withPeriod.length === 0) return [tr(SUMMARY.noRecords)];
  const latest = withPeriod.map((a) => a.row.period!).sort(comparePeriods)[withPeriod.length - 1];
  const inLatest = withPeriod.filter((a) => samePeriod(a.row.period, latest));
  const periodText = periodLabel(lang, latest);
  // GLOSSARY: {单位}党支部对{N}个党小组进行了{考评期}考评 — the unit from the 单位名称 rule or the title row.
  const unitName = (result.rules.unitName || result.unit).trim();
  const unit = !unitName ? tr(SUMMARY.branch) : /党支部$|party branch/i.test(unitName) ? unitName : tr(SUMMARY.unitBranch, { unit: unitName });
  const groups = new Set(inLatest.map((a) => a.row.groupKey));
  const sentences: string[] = [];

  // 1. Who was assessed, how many per grade, who is not graded yet.
  let s = tr(SUMMARY.opening, { period: periodText, unit, count: groups.size });
  const counts = BAND_CODES.map((band) => ({ band, count: inLatest.filter((a) => a.status === 'graded' && a.band === band).length })).filter((c) => c.count > 0);
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

  // 2. Rectification ordered for the latest half-year (one deadline for the half), the veto's reason named.
  const rectify = result.warnings.filter((w) => w.code === 'RECTIFY' && w.half !== null && samePeriod({ year: w.year, half: w.half }, latest));
  if (rectify.length) {
    const items = rectify.map((w) =>
      w.veto ? tr(SUMMARY.rectifyVeto, { group: w.group, veto: w.veto }) : tr(SUMMARY.rectify, { group: w.group, band: w.band ? tr(BAND[w.band]) : '' }),
    );
    const due = rectify[0].deadline ? dateLabel(lang, rectify[0].deadline) : '';
    sentences.push(items.join(tr(SUMMARY.clauseSep)) + tr(SUMMARY.end) + tr(SUMMARY.sentenceGap) + tr(SUMMARY.rectifyHelp, { deadline: due }));
  }

  // 3. 党小组长履职预警 whose run of halves reaches the latest half-year (raised once per run).
  const review = result.warnings.filter((w) => w.code === 'LEADER_REVIEW' && w.run && samePeriod(w.run[w.run.length - 1], latest));
  if (review.length) {
    const strict = review.every((w) => w.reviewBand === 'unqualified');
    const items = review.map((w) => (w.leader ? tr(SUMMARY.leaderReviewItem, { group: w.group, leader: w.leader }) : w.group));
    sentences.push(tr(strict ? SUMMARY.leaderReviewStrict : SUMMARY.leaderReview, { items: list(items) }));
  }

  // 4. Rectifications the latest half-year resolved, with the band it gave.
  const resolved = result.warnings.filter((w) => w.code === 'RECTIFY' && w.status === 'resolved' && samePeriod(w.resolvedBy, latest));
  if (resolved.length) {
    const seen = new Set<string>();
    const items = resolved
      .filter((w) => !seen.has(w.group) && seen.add(w.group))
      .map((w) => tr(SUMMARY.resolvedItem, { group: w.group, band: w.decidedBand ? tr(BAND[w.decidedBand]) : '' }));
    sentences.push(tr(SUMMARY.resolved, { items: items.join(tr(SUMMARY.clauseSep)) }));
  }

  // 5. Rectifications overdue as of the date statuses were judged on.
  const outstanding = result.warnings.filter((w) => w.code === 'RECTIFY' && w.status === 'overdue');
  if (outstanding.length) {
    const items = outstanding.map((w) =>
      tr(SUMMARY.outstandingItem, {
        group: w.group,
        period: w.half ? periodLabel(lang, { year: w.year, half: w.half }) : String(w.year),
        status: tr(SUMMARY.statusOverdue),
      }),
    );
    sentences.push(tr(SUMMARY.outstanding, { asOf: dateLabel(lang, result.asOf), items: items.join(tr(SUMMARY.clauseSep)) }));
  }

  // 6. After a second half: the year's recommendation, leader nominees, vetoed groups, leader replacement.
  if (latest.half === 2) {
    const year = result.annual.filter((e) => e.year === latest.year);
    if (year.some((e) => e.average !== null)) {
      const advanced = year.filter((e) => e.titles.includes('advanced'));
      let a: string;
      if (advanced.length) {
        const average = points3(advanced[0].average ?? 0);
        const overall = advanced[0].topOverall;
        const msg = advanced.length > 1 ? (overall ? SUMMARY.annualTied : SUMMARY.annualTiedEligible) : overall ? SUMMARY.annualAdvanced : SUMMARY.annualAdvancedEligible;
        a = tr(msg, { year: latest.year, groups: list(advanced.map((e) => e.group)), average });
      } else a = tr(SUMMARY.annualNone, { year: latest.year });
      const leaders = year.filter((e) => e.titles.includes('leader_candidate') && e.leader);
      if (leaders.length) a += tr(SUMMARY.leaderCandidates, { people: list(leaders.map((e) => tr(SUMMARY.person, { leader: e.leader, group: e.group }))) });
      const vetoed = year.filter((e) => e.vetoed);
      if (vetoed.length) {
        const reason = (g: string) =>
          result.assessments.find((x) => x.row.groupKey === g && x.row.period?.year === latest.year && x.row.veto !== null && x.status === 'graded')?.row.veto;
        const items = vetoed.map((e) => {
          const why = reason(e.groupKey);
          return why ? tr(SUMMARY.vetoedItem, { group: e.group, veto: why }) : e.group;
        });
        a += tr(SUMMARY.vetoedYear, { groups: list(items) });
      }
      sentences.push(a + tr(SUMMARY.end));
    }
    const replace = result.warnings.filter((w) => w.code === 'LEADER_REPLACE' && w.runYears && w.runYears[w.runYears.length - 1] === latest.year);
    if (replace.length) sentences.push(tr(SUMMARY.leaderReplace, { groups: list(replace.map((w) => w.group)) }));
  }
  return sentences;
}
