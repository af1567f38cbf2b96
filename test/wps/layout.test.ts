/**
 * Issue 20, item 1: the WPS host writes the output sheets with "the same … formats, print setup and freeze panes as
 * the other hosts". Values are compared in parity.test.ts; here the rest of what a user sees or prints: for every
 * output sheet of the sample, the frozen panes, merged ranges, column widths, tab colour, page setup (paper,
 * orientation, one page wide, print titles, centred header and footer), number formats and each cell's font (bold,
 * italic, size, name, colour), fill, borders and horizontal alignment. The WPS side is what the fake WPS recorded from the
 * host's calls; the other side is the command-line tool's .xlsx as ExcelJS reads it (an independent reader of
 * the package, not our own), translated into the object model's terms (VBA: Interior.Color is BGR; ColumnWidth in
 * characters, learn.microsoft.com/office/vba/api/excel.range.columnwidth; xlLandscape 2, xlPaperA4 9).
 */
import * as fs from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { SaxesParser } from 'saxes';
import { assessWorkbook } from '../../src/app/assessWorkbook';
import { colName } from '../../src/domain/cell-ref';
import { FileHost } from '../../src/hosts/file/host';
import { wpsPort } from '../../src/hosts/wps/host';
import { META_SHEET } from '../../src/workbook/meta';
import { FakeWps } from '../support/fake-wps';
import type { FakeWpsSheet } from '../support/fake-wps';
import { hostileLayoutWorkbook } from '../support/variants';

jest.setTimeout(120_000);

const SAMPLE = path.join(__dirname, '..', 'fixtures', 'cases', 'sample_form.xlsx');
const now = () => new Date('2025-03-01T09:30:00Z');

interface CellLook {
  bold?: boolean;
  italic?: boolean;
  size?: number;
  font?: string;
  color?: number;
  fill?: number;
  horizontal?: string;
  format?: string;
  /** A thin line on all four edges (VBA Borders.LineStyle xlContinuous on the range). */
  border?: boolean;
}
interface SheetLook {
  freeze: { rows: number; cols: number };
  merges: string[];
  /** Column (0-based) → width in characters, for the columns the sheet sets. */
  widths: Record<number, number>;
  tab: number | null;
  page: { paper?: number; landscape?: boolean; fitWide?: number; fitTall?: boolean; titles?: string; header?: string; footer?: string; center?: boolean };
  cells: Record<string, CellLook>;
}

/** "FF1F4E79" (ARGB) → the BGR number VBA's Color properties hold. */
const bgrOf = (argb: string) => {
  const rgb = argb.slice(-6);
  return parseInt(rgb.slice(4, 6), 16) * 65536 + parseInt(rgb.slice(2, 4), 16) * 256 + parseInt(rgb.slice(0, 2), 16);
};
/** An OOXML `<col width>` in characters as VBA's ColumnWidth reports it (the 5 px of padding at a 7 px digit). */
const charsOf = (w: number) => Math.round(((Math.trunc(((256 * w + Math.trunc(128 / 7)) / 256) * 7) - 5) / 7) * 100) / 100;
const XL_ALIGN: Record<number, string> = { [-4131]: 'left', [-4108]: 'center', [-4152]: 'right' };
/** ExcelJS's header/footer text "&C…" → the centred part (what CenterHeader holds). */
const centred = (hf: string | undefined) => (hf ? (/&C(.*?)(?:&[LR]|$)/.exec(hf)?.[1] ?? undefined) : undefined);

function clean<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== false)) as T;
}

/**
 * The package's first font (styles.xml `<fonts>`'s first `<font>`): the workbook's default, which a cell shows when
 * nothing sets its font. The file tool names it on the cells it styles and leaves out what equals it; the WPS host
 * sets what the plan says, which may be that same value. A property equal to the default looks the same set or not,
 * so it is dropped on both sides.
 */
async function baseFont(bytes: Uint8Array): Promise<Pick<CellLook, 'font' | 'size' | 'color'>> {
  const xml = await (await JSZip.loadAsync(bytes)).file('xl/styles.xml')!.async('string');
  const out: Pick<CellLook, 'font' | 'size' | 'color'> = {};
  let depth = -1;
  const parser = new SaxesParser();
  parser.on('opentag', (t) => {
    if (t.name === 'font' && depth === -1) depth = 0;
    else if (depth === 0 && t.name === 'name') out.font = String(t.attributes.val);
    else if (depth === 0 && t.name === 'sz') out.size = Number(t.attributes.val);
    else if (depth === 0 && t.name === 'color' && t.attributes.rgb) out.color = bgrOf(String(t.attributes.rgb));
  });
  parser.on('closetag', (t) => {
    if (t.name === 'font' && depth === 0) depth = 1;
  });
  parser.write(xml).close();
  return out;
}

async function fileLooks(bytes: Uint8Array, names: string[]): Promise<Record<string, SheetLook>> {
  const base = await baseFont(bytes);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  const out: Record<string, SheetLook> = {};
  for (const name of names) {
    const ws = wb.getWorksheet(name)!;
    const view = ws.views[0] as { state?: string; xSplit?: number; ySplit?: number } | undefined;
    const widths: Record<number, number> = {};
    for (let c = 1; c <= ws.columnCount; c++) {
      const w = ws.getColumn(c).width;
      if (w !== undefined) widths[c - 1] = charsOf(w);
    }
    const cells: Record<string, CellLook> = {};
    ws.eachRow({ includeEmpty: true }, (row) =>
      row.eachCell({ includeEmpty: true }, (cell) => {
        const f = cell.font ?? {};
        const fill = cell.fill as ExcelJS.FillPattern | undefined;
        const look = clean<CellLook>({
          bold: f.bold || undefined,
          italic: f.italic || undefined,
          size: f.size !== base.size ? f.size : undefined,
          font: f.name !== base.font ? f.name : undefined,
          color: f.color?.argb && bgrOf(f.color.argb) !== base.color ? bgrOf(f.color.argb) : undefined,
          fill: fill?.type === 'pattern' && fill.pattern === 'solid' && fill.fgColor?.argb ? bgrOf(fill.fgColor.argb) : undefined,
          horizontal: cell.alignment?.horizontal,
          format: cell.numFmt && cell.numFmt !== 'General' ? cell.numFmt : undefined,
          border: (['top', 'left', 'bottom', 'right'] as const).every((e) => cell.border?.[e]?.style === 'thin') || undefined,
        });
        if (Object.keys(look).length) cells[cell.address] = look;
      }),
    );
    const ps = ws.pageSetup;
    const hf = ws.headerFooter ?? {};
    out[name] = {
      freeze: view?.state === 'frozen' ? { rows: view.ySplit ?? 0, cols: view.xSplit ?? 0 } : { rows: 0, cols: 0 },
      merges: [...((ws.model as unknown as { merges?: string[] }).merges ?? [])].sort(),
      widths,
      tab: ws.properties.tabColor?.argb ? bgrOf(ws.properties.tabColor.argb) : null,
      page: clean({
        paper: ps.paperSize,
        landscape: ps.orientation === 'landscape' || undefined,
        fitWide: ps.fitToPage ? ps.fitToWidth : undefined,
        fitTall: ps.fitToPage ? ps.fitToHeight !== 0 : undefined,
        titles: ps.printTitlesRow ? ps.printTitlesRow.split(':').map((r) => `$${r.replace(/\$/g, '')}`).join(':') : undefined,
        header: centred(hf.oddHeader),
        footer: centred(hf.oddFooter),
        center: ps.horizontalCentered || undefined,
      }),
      cells,
    };
  }
  return out;
}

function fakeLooks(app: FakeWps, names: string[], base: Pick<CellLook, 'font' | 'size' | 'color'>): Record<string, SheetLook> {
  const out: Record<string, SheetLook> = {};
  for (const name of names) {
    const s: FakeWpsSheet = app.sheet(name);
    const cells: Record<string, CellLook> = {};
    for (const [k, x] of s.cells) {
      const st = x.style;
      const look = clean<CellLook>({
        bold: (st['Font.Bold'] as boolean) || undefined,
        italic: (st['Font.Italic'] as boolean) || undefined,
        size: st['Font.Size'] !== base.size ? (st['Font.Size'] as number | undefined) : undefined,
        font: st['Font.Name'] !== base.font ? (st['Font.Name'] as string | undefined) : undefined,
        color: st['Font.Color'] !== base.color ? (st['Font.Color'] as number | undefined) : undefined,
        fill: st['Interior.Color'] as number | undefined,
        horizontal: st.HorizontalAlignment !== undefined ? XL_ALIGN[st.HorizontalAlignment as number] : undefined,
        format: x.numberFormat !== 'General' ? x.numberFormat : undefined,
        border: st['Borders.LineStyle'] === 1 || undefined,
      });
      if (Object.keys(look).length) cells[`${colName(k % 16384)}${Math.floor(k / 16384) + 1}`] = look;
    }
    const p = s.page;
    out[name] = {
      freeze: s.freeze,
      // As the fake's snapshot names them (A1 text), rather than rebuilt here.
      merges: [...(app.snapshot().sheets.find((x) => x.name === name)?.merges ?? [])].sort(),
      widths: Object.fromEntries([...s.columnWidths.entries()].sort((a, b) => a[0] - b[0])),
      tab: s.tabColor === false ? null : s.tabColor,
      page: clean({
        paper: p.PaperSize as number | undefined,
        landscape: p.Orientation === 2 || undefined,
        fitWide: p.Zoom === false ? (p.FitToPagesWide as number) : undefined,
        fitTall: p.Zoom === false ? p.FitToPagesTall !== false : undefined,
        titles: p.PrintTitleRows as string | undefined,
        header: p.CenterHeader as string | undefined,
        footer: p.CenterFooter as string | undefined,
        center: (p.CenterHorizontally as boolean) || undefined,
      }),
      cells,
    };
  }
  return out;
}

async function both(bytes: () => Promise<Uint8Array>) {
  const file = new FileHost(await bytes());
  const fileOut = await assessWorkbook(file, { now, lang: null });
  const app = await FakeWps.fromXlsx(await bytes());
  const wpsOut = await assessWorkbook(wpsPort(app), { now, lang: null });
  const names = wpsOut.patch.sheets.map((s) => s.name).filter((n) => n !== META_SHEET);
  expect(names).toEqual(fileOut.patch.sheets.map((s) => s.name).filter((n) => n !== META_SHEET));
  return { names, wps: fakeLooks(app, names, await baseFont(file.bytes())), file: await fileLooks(file.bytes(), names) };
}

describe('the WPS host lays out and formats every output sheet as the file tool does', () => {
  test.each([
    ['the sample', async () => new Uint8Array(fs.readFileSync(SAMPLE))],
    ['a table typed by hand', hostileLayoutWorkbook],
  ])('%s', async (_label, make) => {
    const { names, wps, file } = await both(make);
    expect(names.length).toBeGreaterThan(3);
    for (const name of names) expect({ name, ...wps[name] }).toEqual({ name, ...file[name] });
    // Not vacuous: the outputs do freeze their headers, print landscape on one page wide with titles, and bold
    // and fill their header rows.
    expect(names.filter((n) => file[n].freeze.rows > 0).length).toBeGreaterThan(2);
    expect(names.filter((n) => file[n].page.titles && file[n].page.fitWide === 1).length).toBeGreaterThan(1);
    expect(names.filter((n) => Object.values(file[n].cells).some((c) => c.bold && c.fill !== undefined)).length).toBeGreaterThan(2);
    expect(names.filter((n) => Object.keys(file[n].widths).length > 3).length).toBe(names.length);
    expect(names.filter((n) => Object.values(file[n].cells).filter((c) => c.border).length > 10).length).toBeGreaterThan(2);
  });
});
