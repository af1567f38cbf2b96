/**
 * The one use case: read → parse → assess → render → write. The ribbon command, the task pane and the
 * command-line tool all call this; only the host differs. Exactly one host.read() and one host.write().
 * A failure before the write (configuration error, unreadable workbook) leaves the workbook unchanged.
 */
import { assess } from '../domain/assess';
import type { AssessmentResult, Lang } from '../domain/types';
import type { ParsedWorkbook } from '../workbook/parse';
import { parseWorkbook } from '../workbook/parse';
import { closedDates } from '../workbook/ledger';
import { ledgerOf, ledgerRowsOf, renderPatch, runNotes } from '../workbook/render';
import type { RunNote } from '../workbook/render';
import type { WorkbookPatch } from '../workbook/snapshot';
import { hasRecordsFor, printPeriodLabel } from '../workbook/print';
import type { PrintPeriod } from '../workbook/print';
import { AssessError } from '../domain/errors';
import { PRINT_CODES } from '../i18n/output';
import type { WorkbookHost } from './ports';
import { localDate, localIso } from './clock';
import type { Report } from './report';
import { toReport } from './report';

export type Stage = 'read' | 'parse' | 'assess' | 'render' | 'write';

export interface AssessOptions {
  /** Explicit language (the CLI's --lang, the pane's choice): wins over the workbook's 输出语言. */
  lang?: Lang | null;
  /** Office's display language, used when 输出语言 is auto. Without it: zh-CN. */
  displayLanguage?: Lang;
  /** The pane's chosen language to record in the workbook: undefined keeps the recorded one, null clears it. */
  paneLanguage?: Lang | null;
  /** Clock, for tests. */
  now?: () => Date;
  /** The date RECTIFY statuses are judged on (YYYY-MM-DD; the file tool's --as-of). Default: today, local time. */
  asOf?: string;
  onProgress?: (stage: Stage, done: boolean) => void;
  /**
   * The period whose official tables to produce (the CLI's --period, the page's and the pane's choice):
   * a half-year gives its half-year table and its year's table, a year its table. Default: the latest.
   * A period without records is a usage error, before anything is written.
   */
  printPeriod?: PrintPeriod | null;
}

export interface AssessOutcome {
  result: AssessmentResult;
  parsed: ParsedWorkbook;
  lang: Lang;
  patch: WorkbookPatch;
  report: Report;
  /** Local ISO time of the run (with its UTC offset), as recorded in the workbook. */
  runAt: string;
  /** What the run could not keep as the user left it (a formula in the ledger, a sheet kept as the user's…): said, never dropped. */
  notes: RunNote[];
}

/** The output language: explicit choice, else the workbook's rule, else Office's display language, else zh-CN. */
export function chooseLanguage(explicit: Lang | null | undefined, rule: 'auto' | Lang, display?: Lang): Lang {
  if (explicit) return explicit;
  if (rule !== 'auto') return rule;
  return display ?? 'zh-CN';
}

export async function assessWorkbook(host: WorkbookHost, opts: AssessOptions = {}): Promise<AssessOutcome> {
  const progress = opts.onProgress ?? (() => undefined);
  const step = async <T>(stage: Stage, f: () => T | Promise<T>): Promise<T> => {
    progress(stage, false);
    const v = await f();
    progress(stage, true);
    return v;
  };

  const now = (opts.now ?? (() => new Date()))();
  const asOf = opts.asOf ?? localDate(now);
  const snapshot = await step('read', () => host.read());
  const parsed = await step('parse', () => parseWorkbook(snapshot));
  // What people typed in the last run's rectification ledger: its 销号日期 close rectifications (SPEC §2.5),
  // and all of it is carried into this run's sheet and report.
  const ledgerRows = ledgerRowsOf(snapshot);
  const result = await step('assess', () =>
    assess({ rubric: parsed.rubric, rules: parsed.rules, rows: parsed.rows, issues: parsed.issues, asOf, closedOn: closedDates(ledgerRows.rows), unit: parsed.unit }),
  );
  const lang = chooseLanguage(opts.lang, parsed.rules.language, opts.displayLanguage);
  const printPeriod = opts.printPeriod ?? null;
  if (printPeriod && !hasRecordsFor(result.assessments, printPeriod)) {
    throw new AssessError('usage', PRINT_CODES.noRecords, { period: { zh: printPeriodLabel('zh-CN', printPeriod), en: printPeriodLabel('en-US', printPeriod) } });
  }
  const runAt = localIso(now);
  const ledger = ledgerOf(result, snapshot, ledgerRows);
  const patch = await step('render', () =>
    renderPatch(result, snapshot, { lang, runAt, fingerprint: parsed.fingerprint, paneLanguage: opts.paneLanguage, unit: parsed.unit, ledger, printPeriod, assessedOn: parsed.assessedOn }),
  );
  const written = await step('write', () => host.write(patch));
  // The report is built when first asked for (the JSON file, the pane): a plain run of the file tool needs none.
  let report: Report | null = null;
  return {
    result,
    parsed,
    lang,
    patch,
    get report(): Report {
      return (report ??= toReport(result, lang, ledger));
    },
    runAt,
    notes: runNotes(ledger, snapshot, lang).concat(written ? written.notes : []),
  };
}
