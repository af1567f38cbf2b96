/**
 * The shared sample case (test/fixtures/cases/sample_form.xlsx, a copy of ../shared/cases, written by another spreadsheet program)
 * through the use case with the file host: the report must say what SPEC says of it, field by field.
 */
import * as fs from 'fs';
import * as path from 'path';
import { assessWorkbook } from '../src/app/assessWorkbook';
import { ReportSchema } from '../src/app/report';
import type { FileHost } from '../src/hosts/file/host';
import { openWorkbookFile } from '../src/hosts/file/node';

const CASES = process.env.PGA_CASES_DIR ?? path.join(__dirname, 'fixtures', 'cases');
const INPUT = path.join(CASES, 'sample_form.xlsx');

interface Expected {
  assessments: { year: number; half: 1 | 2; group: string; status: string; total: number | null; band: string | null }[];
  annual: {
    year: number;
    group: string;
    h1: number | null;
    h2: number | null;
    average: number | null;
    band: string | null;
    rank: number | null;
    titles: string[];
    tie: boolean;
  }[];
  warnings: { code: string; severity: string; year: number; half: 1 | 2 | null; group: string; deadline?: string; status?: string; focusItems?: string[] }[];
  issues: unknown[];
}

const norm = (g: string) => g.normalize('NFKC').replace(/\s+/g, ' ').trim();

describe('shared sample case: sample_form.xlsx', () => {
  let expected: Expected;
  let report: ReturnType<typeof ReportSchema.parse>;
  let host: FileHost;

  beforeAll(async () => {
    expected = JSON.parse(fs.readFileSync(path.join(CASES, 'sample_form.expected.json'), 'utf8')) as Expected;
    host = await openWorkbookFile(INPUT);
    host.reads = 0;
    const outcome = await assessWorkbook(host, { now: () => new Date('2022-01-10T08:00:00Z') });
    report = ReportSchema.parse(JSON.parse(JSON.stringify(outcome.report)));
  });

  test('one read and one write of the workbook', () => {
    expect(host.reads).toBe(1);
    expect(host.writes).toBe(1);
  });

  test('every assessment: period, group, status, total, band', () => {
    expect(report.assessments).toHaveLength(expected.assessments.length);
    for (const e of expected.assessments) {
      const got = report.assessments.filter((a) => a.year === e.year && a.half === e.half && norm(a.group) === norm(e.group));
      expect({ key: [e.year, e.half, e.group], n: got.length }).toEqual({ key: [e.year, e.half, e.group], n: 1 });
      expect({ key: [e.year, e.half, e.group], status: got[0].status, total: got[0].total, band: got[0].band }).toEqual({
        key: [e.year, e.half, e.group],
        status: e.status,
        total: e.total,
        band: e.band,
      });
      expect(got[0].source).toMatch(/^2021年[上下]半年!B\d+$/);
    }
  });

  test('every annual entry: halves, average, band, rank, titles, tie', () => {
    expect(report.annual).toHaveLength(expected.annual.length);
    for (const e of expected.annual) {
      const got = report.annual.find((a) => a.year === e.year && norm(a.group) === norm(e.group));
      expect(got).toBeDefined();
      expect({
        key: [e.year, e.group],
        h1: got!.h1,
        h2: got!.h2,
        average: got!.average,
        band: got!.band,
        rank: got!.rank,
        titles: [...got!.titles].sort(),
        tie: got!.tie,
      }).toEqual({ key: [e.year, e.group], h1: e.h1, h2: e.h2, average: e.average, band: e.band, rank: e.rank, titles: [...e.titles].sort(), tie: e.tie });
    }
  });

  test('every warning: code, severity, period, group, deadline, status, focus items — and no others', () => {
    const known = new Set(['RECTIFY', 'LEADER_REVIEW', 'LEADER_REPLACE', 'INCOMPLETE_YEAR', 'TIE_FOR_TOP']);
    expect(report.warnings.filter((w) => known.has(w.code))).toHaveLength(expected.warnings.length);
    for (const e of expected.warnings) {
      const got = report.warnings.find((w) => w.code === e.code && w.year === e.year && w.half === e.half && norm(w.group) === norm(e.group));
      expect(got).toBeDefined();
      expect(got!.severity).toBe(e.severity);
      if (e.code === 'RECTIFY') {
        expect(got!.deadline).toBe(e.deadline);
        expect(got!.status).toBe(e.status);
        expect(got!.focusItems).toEqual(e.focusItems);
      }
      expect(got!.message).toContain('整改');
    }
  });

  test('no data issues', () => {
    expect(report.issues).toEqual(expected.issues);
  });
});
