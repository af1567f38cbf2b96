/**
 * What the working sheets (render.ts) and the official tables (print.ts) both need: points, the latest period, the notes and titles of an annual entry.
 */
import { titleOrder } from '../domain/order';
import { periodIndex } from '../domain/periods';
import { bandOf } from '../domain/bands';
import type { Rules } from '../domain/rules';
import type { AnnualEntry, Assessment, Period } from '../domain/types';
import type { Msg, Params } from '../i18n';
import { BAND, TITLE } from '../i18n/domain';
import { OUT, RANKING } from '../i18n/output';

export const pts = (hundredths: number | null): number | null => (hundredths === null ? null : hundredths / 100);

/** The latest period with an assessment, or null. */
export function latestPeriod(assessments: readonly Assessment[]): Period | null {
  let best: Period | null = null;
  for (const a of assessments) if (a.row.period && (!best || periodIndex(a.row.period) > periodIndex(best))) best = a.row.period;
  return best;
}

/**
 * Why an annual entry is as it is: unranked, not eligible, tied. With the rules, a half below the award grade
 * is named with its grade (“下半年考评等次为基本合格，不参加评先”); without them, as below the award grade.
 */
export function annualNotes(
  e: AnnualEntry,
  awardMin: number,
  minBand: string,
  tiedRank: boolean,
  tr: (m: Msg, p?: Params) => string,
  rules?: Rules,
): string[] {
  const notes: string[] = [];
  if (e.average === null) {
    const missing = e.h1 === null && e.h2 === null ? tr(RANKING.bothHalves) : e.h1 === null ? tr(RANKING.h1) : tr(RANKING.h2);
    notes.push(tr(RANKING.incomplete, { missing }));
  }
  // AnnualEntry.eligible is the engine's verdict; say which condition failed.
  const belowBand = e.average !== null && e.h1 !== null && e.h2 !== null && (e.h1 < awardMin || e.h2 < awardMin);
  if (e.vetoed) notes.push(tr(RANKING.vetoed));
  else if (belowBand) {
    const halves = (
      [
        [RANKING.h1, e.h1],
        [RANKING.h2, e.h2],
      ] as const
    )
      .filter(([, total]) => total !== null && total < awardMin)
      .map(([half, total]) =>
        rules ? tr(RANKING.halfBand, { half: tr(half), band: tr(BAND[bandOf(total!, rules)]) }) : tr(RANKING.halfBelow, { half: tr(half), minBand }),
      );
    notes.push(tr(RANKING.belowAwardBand, { halves: halves.join(tr(OUT.clauseSep)) }));
  }
  else if (e.average !== null && e.markedIneligible) notes.push(tr(RANKING.ineligible));
  if (e.tie && e.titles.includes('advanced')) notes.push(tr(RANKING.tieForTop));
  else if (tiedRank && e.rank !== null) notes.push(tr(RANKING.tiedRank, { rank: e.rank }));
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
      .map((title) => (title === 'advanced' && e.tie ? tr(RANKING.titleTied, { title: tr(TITLE[title]) }) : tr(TITLE[title])))
      .join(tr(OUT.listSep)) || null
  );
}
