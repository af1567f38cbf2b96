/** 年度排名: each year's annual lines in ranking order, with the 年度排名 sheet's reasons. */
import { titleOrder } from '../../domain/order';
import type { AnnualEntry, Title } from '../../domain/types';
import { TITLE, TITLE_TIED } from '../../i18n/domain';
import { RANKING } from '../../i18n/output';
import { PANE } from '../../i18n/pane';
import { annualNotes, tiedRanks } from '../../workbook/render-common';
import type { IndexedResult } from './indexed';
import type { AnnualLine, PaneView } from './types';

/** An annual entry as the pane shows it; `annualLine` of `annualLines(x)` for every entry. */
export function annualLines(x: IndexedResult): (e: AnnualEntry) => AnnualLine {
  const { result, tr } = x;
  const tiedRank = tiedRanks(result.annual);
  const vetoText = new Map<string, string>();
  for (const a of result.assessments) {
    if (a.row.period && a.row.veto !== null && a.status === 'graded') vetoText.set(`${a.row.groupKey}\u0000${a.row.period.year}`, a.row.veto);
  }
  const vetoNote = tr(RANKING.vetoed);
  return (e) => {
    // The 年度排名 sheet's 说明 (render-common.ts), the veto's own reason named where there is one.
    const why = e.vetoed ? vetoText.get(`${e.groupKey}\u0000${e.year}`) : undefined;
    const notes = annualNotes(e, result.rules, tiedRank(e), tr).map((n) => (n === vetoNote && why ? tr(PANE.vetoedBecause, { veto: why }) : n));
    return {
      year: e.year,
      group: e.group,
      leader: e.leader,
      rank: e.rank,
      h1: e.h1 === null ? null : e.h1 / 100,
      h2: e.h2 === null ? null : e.h2 / 100,
      average: e.average === null ? null : e.average / 1000,
      band: e.band,
      titles: titleOrder(e.titles).map((ti: Title) =>
        ti === 'advanced' && e.tie ? tr(TITLE_TIED) : tr(TITLE[ti]),
      ),
      tie: e.tie,
      vetoed: e.vetoed,
      notes,
    };
  };
}

/** Every year, newest first, its lines in ranking order (`ordered`: the annual entries in rankingOrder). */
export function ranking(
  x: IndexedResult,
  ordered: readonly AnnualEntry[],
  line: (e: AnnualEntry) => AnnualLine,
): { years: number[]; ranking: PaneView['ranking'] } {
  const years = [...new Set(x.result.annual.map((a) => a.year))].sort((a, b) => b - a);
  // Each year's entries, in ranking order, gathered in one pass (not one pass per year).
  const byYear = new Map<number, AnnualEntry[]>();
  for (const e of ordered) {
    const list = byYear.get(e.year);
    if (list) list.push(e);
    else byYear.set(e.year, [e]);
  }
  return {
    years,
    ranking: years.map((year) => {
      const entries = byYear.get(year) ?? [];
      return { year, lines: entries.map(line), hasTitle: entries.some((e) => e.titles.includes('advanced')) };
    }),
  };
}
