/**
 * What the working sheets (render.ts) and the official tables (print.ts) both need: points, the latest period, the notes and titles of an annual entry.
 */
import { titleOrder } from '../domain/order';
import { periodIndex } from '../domain/periods';
import type { AnnualEntry, Assessment, Period, Rules } from '../domain/types';
import type { Msg, Params } from '../i18n';
import { BAND, TITLE, TITLE_TIED } from '../i18n/domain';
import { bandOf } from '../domain/bands';
import { OUT, RANKING } from '../i18n/output';

export const pts = (hundredths: number | null): number | null => (hundredths === null ? null : hundredths / 100);

/** The latest period with an assessment, or null. */
export function latestPeriod(assessments: readonly Assessment[]): Period | null {
  let best: Period | null = null;
  for (const a of assessments) if (a.row.period && (!best || periodIndex(a.row.period) > periodIndex(best))) best = a.row.period;
  return best;
}

/** What an incomplete year lacks, half by half: 上半年无考评记录 / 上半年未评定. */
function missingHalves(e: AnnualEntry, tr: (m: Msg, p?: Params) => string): string {
  const out: string[] = [];
  ([1, 2] as const).forEach((h) => {
    const st = h === 1 ? e.halves.h1 : e.halves.h2;
    if (st !== 'graded') out.push(tr(st === 'none' ? RANKING.halfNoRecord : RANKING.halfNotGraded, { half: tr(h === 1 ? RANKING.h1 : RANKING.h2) }));
  });
  return out.join(tr(OUT.clauseSep));
}

/** Why an annual entry is as it is: unranked, not eligible, tied, its leader changed. */
export function annualNotes(e: AnnualEntry, rules: Rules, tiedRank: boolean, tr: (m: Msg, p?: Params) => string): string[] {
  const notes: string[] = [];
  const awardMin = rules.awardMinBand === 'excellent' ? rules.excellentMin : rules.qualifiedMin;
  const minBand = tr(BAND[rules.awardMinBand]);
  if (e.average === null) notes.push(tr(RANKING.incomplete, { missing: missingHalves(e, tr) }));
  // AnnualEntry.eligible is the engine's verdict; say which condition failed, naming the half and its band.
  const lowHalf = e.average !== null && e.h1 !== null && e.h2 !== null ? (e.h1 < awardMin ? 1 : e.h2 < awardMin ? 2 : null) : null;
  if (e.vetoed) notes.push(tr(RANKING.vetoed));
  else if (lowHalf !== null) {
    const total = lowHalf === 1 ? e.h1! : e.h2!;
    notes.push(tr(RANKING.belowAwardBand, { half: tr(lowHalf === 1 ? RANKING.h1 : RANKING.h2), band: tr(BAND[bandOf(total, rules)]), minBand }));
  } else if (e.average !== null && e.markedIneligible) notes.push(tr(RANKING.ineligible));
  if (e.tie && e.titles.includes('advanced')) notes.push(tr(e.topOverall ? RANKING.tieForTop : RANKING.tieAmongEligible));
  else if (tiedRank && e.rank !== null) notes.push(tr(RANKING.tiedRank, { rank: e.rank }));
  if (e.leaderChange) {
    notes.push(tr(RANKING.leaderChanged, { from: e.leaderChange.from, to: e.leaderChange.to }));
    if (e.band === 'excellent' && !e.vetoed && !e.markedIneligible) notes.push(tr(RANKING.leaderCandidateByCommittee));
  }
  return notes;
}

/** Entries sharing a rank within their year, counted once. */
export function tiedRanks(annual: readonly AnnualEntry[]): (e: AnnualEntry) => boolean {
  const perRank = new Map<string, number>();
  for (const o of annual) if (o.rank !== null) perRank.set(`${o.year}:${o.rank}`, (perRank.get(`${o.year}:${o.rank}`) ?? 0) + 1);
  return (e) => e.rank !== null && (perRank.get(`${e.year}:${e.rank}`) ?? 0) > 1;
}

/** An entry's award nominations in the output language, “（并列）” on a shared title. */
export function titlesText(e: AnnualEntry, tr: (m: Msg, p?: Params) => string): string | null {
  return (
    titleOrder(e.titles)
      .map((title) => (title === 'advanced' && e.tie ? tr(TITLE_TIED) : tr(TITLE[title])))
      .join(tr(OUT.listSep)) || null
  );
}
