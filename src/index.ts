/**
 * Package entry (`main`: dist/node/index.js): the use case, the report and its zod schema, the file host
 * and the domain types, for scripts that embed the engine.
 */
export { assessWorkbook, chooseLanguage } from './app/assessWorkbook';
export type { AssessOptions, AssessOutcome, Stage } from './app/assessWorkbook';
export {
  ReportSchema,
  AssessmentReportSchema,
  AnnualReportSchema,
  WarningReportSchema,
  IssueReportSchema,
  RubricReportSchema,
  RulesReportSchema,
  LedgerReportSchema,
  KeptLedgerReportSchema,
  toReport,
} from './app/report';
export type { Report } from './app/report';
export { FileHost } from './hosts/file/host';
export { openWorkbookFile, saveWorkbookFile } from './hosts/file/node';
export { patchXlsx } from './hosts/file/write';
export { AssessError } from './domain/errors';
export { describeError } from './i18n/errors';
export type * from './domain/types';
export type { WorkbookHost } from './app/ports';
export type { WorkbookPatch, WorkbookSnapshot, SheetPatch, SheetSnapshot, PageSetup } from './workbook/snapshot';
export { RulesShape, DEFAULT_RULES } from './domain/rules';
export {
  RollupReportSchema,
  RollupFileSchema,
  RollupBranchSchema,
  RollupGroupSchema,
  RollupNomineeSchema,
  RollupNoNomineeSchema,
  RollupRectificationSchema,
} from './rollup/report';
export type { RollupReport } from './rollup/report';
export { summarizeWorkbook, combineRollup, renderRollup, rollupWorkbookBytes, finishRollup, rollupFiles, toRollupReport } from './rollup';
export type { FileSummary, RollupInput, Rollup, RollupOptions } from './rollup';
