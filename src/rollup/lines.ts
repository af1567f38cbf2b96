/**
 * The roll-up's few summary lines — files summarized, the latest half-year's grade counts, the
 * rectifications to follow up — in a language. The command-line tool prints them; the workbook page shows
 * them above 报送情况. No Node API.
 */
import type { BandCode, Lang } from '../domain/types';
import { t } from '../i18n';
import { BAND, periodLabel } from '../i18n/domain';
import { ROLLUP, ROLLUP_CLI } from '../i18n/rollup';
import type { Rollup } from './combine';
import { rectifyCounts } from './combine';
import type { RollupReport } from './report';

export interface RollupLines {
  /** 已汇总N个党支部（N个文件，未能读取N个……），用时N秒 */
  done: string;
  /** The latest half-year: branches, groups, grade counts; null when no branch has a record. */
  latest: string | null;
  /** Rectifications to follow up and the year's nominees. */
  open: string;
}

export function rollupLines(rollup: Rollup, report: RollupReport, lang: Lang, seconds: string): RollupLines {
  const tr = (m: { zh: string; en: string }, p?: Record<string, string | number>) => t(lang, m, p);
  const count = { included: 0, unreadable: 0, duplicate: 0, skipped: 0 };
  for (const f of rollup.files) count[f.status]++;
  const done = tr(ROLLUP_CLI.done, { files: rollup.files.length, ...count, seconds });
  let latest: string | null = null;
  if (rollup.period) {
    const totals: Record<BandCode, number> = { excellent: 0, qualified: 0, basic: 0, unqualified: 0 };
    let groups = 0;
    let branches = 0;
    for (const b of report.branches) {
      if (!b.reported) continue;
      branches++;
      groups += b.groups.length;
      for (const k of Object.keys(totals) as BandCode[]) totals[k] += b.counts[k];
    }
    const bands = (Object.keys(totals) as BandCode[]).map((k) => tr(ROLLUP.bandCount, { band: tr(BAND[k]), n: totals[k] })).join(lang === 'en-US' ? ', ' : '、');
    latest = tr(ROLLUP_CLI.latest, { period: periodLabel(lang, rollup.period), branches, groups, bands });
  }
  const rc = rectifyCounts(rollup);
  const open = tr(ROLLUP_CLI.open, { count: rollup.rectifications.length, overdue: rc.overdue, open: rc.open, closed: rc.closed, notEffective: rc.notEffective, nominees: rollup.nominees.length, year: rollup.year ?? '—' });
  return { done, latest, open };
}
