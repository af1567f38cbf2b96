/// <reference types="office-js" />
/**
 * The steps of a write, each one job's Office.js calls (priced by cost.ts from those same calls): build an
 * output sheet (under its temporary name, or its content into a kept sheet), empty a kept output sheet and
 * copy a built one into it, write the meta sheet in place, remove a sheet, mark a sheet as ours. Text is
 * written as text: text Excel would read as something else (needsTextFormat) gets the number format "@"
 * before its values.
 */
import { colName } from '../../../domain/cell-ref';
import { parseRange } from '../../../workbook/a1';
import { META_SHEET, OWNER_MARK } from '../../../workbook/meta';
import { TEXT_FORMAT } from '../../../workbook/text-format';
import type { OutputValue, RangeStyle, SheetPatch } from '../../../workbook/snapshot';
import type { OfficeEnv } from '../env';
import type { Step } from './cost';
import { step } from './cost';
import type { Prop } from '../../../workbook/style-plan';
import { PROPS, areaChunks, borderEdges, formatRuns, planStyles, valueBlocks, widthOf } from '../../../workbook/style-plan';
import { columnWidthPoints, setProp } from './styles';

/** Largest number of cells office.js sends in one values write without splitting it itself. */
const BLOCK_CELLS = 1_500;

function cellText(v: OutputValue): string | number {
  return v === null || v === undefined ? '' : v;
}

/** The ownership mark: a hidden sheet-scoped name that goes wherever the sheet goes (renames too), and with it. */
function addMark(ws: Excel.Worksheet): void {
  // No comment; given as undefined all the same, since office.js sends it (as null) and the meter prices the arguments given.
  ws.names.add(OWNER_MARK.name, `=${OWNER_MARK.formula}`, undefined).visible = false;
}

/** Marks an existing sheet as ours. */
export function markStep(name: string): Step {
  return step((_c, h) => addMark(h.get(name)));
}

/** Removes a sheet (Excel refuses to delete a very hidden sheet: it is hidden first). */
export function removeStep(name: string, visibility: string): Step {
  return step((_c, h) => {
    const ws = h.get(name);
    if (visibility === 'veryHidden') ws.visibility = 'Hidden' as Excel.SheetVisibility;
    ws.delete();
    h.forget(name);
  });
}

/**
 * What buildSteps writes: `create` adds the sheet (very hidden, marked); `content` is what a range copy
 * carries (number formats, values, styles, links, merges, data validation); `layout` is what it does not
 * (column widths, row heights, tab colour, page setup).
 */
interface BuildParts {
  create: boolean;
  content: boolean;
  layout: boolean;
}
const WHOLE: BuildParts = { create: true, content: true, layout: true };

/**
 * Steps that build one sheet: by default a new one under its temporary name (very hidden until it is put in
 * place); with `parts`, only some of it, into the sheet named `temp` (a kept output sheet, emptied first).
 */
export function buildSteps(sheet: SheetPatch, temp: string, env: OfficeEnv, parts: BuildParts = WHOLE): Step[] {
  const steps: Step[] = [];
  const rows = sheet.values.length;
  const cols = widthOf(sheet.values);
  if (parts.create) {
    steps.push(
      step((context) => {
        const ws = context.workbook.worksheets.add(temp);
        if (sheet.owned) addMark(ws);
        ws.visibility = 'VeryHidden' as Excel.SheetVisibility;
      }),
    );
  }
  if (parts.content) steps.push(...contentSteps(sheet, temp, env, rows, cols));
  if (parts.layout) steps.push(...layoutSteps(sheet, temp, env));
  if (parts.content) steps.push(...validationSteps(sheet, temp, env));
  return steps;
}

/** Number formats, values, styles, links and merges (a range copy carries them all). */
function contentSteps(sheet: SheetPatch, temp: string, env: OfficeEnv, rows: number, cols: number): Step[] {
  const steps: Step[] = [];
  const range = (ws: Excel.Worksheet, top: number, left: number, n: number, m: number) => ws.getRangeByIndexes(top, left, n, m).untrack();
  // Number formats first: then a string value stays text.
  for (const run of formatRuns(sheet)) {
    const n = run.bottom - run.top + 1;
    const m = run.right - run.left + 1;
    steps.push(
      step((_c, h) => {
        range(h.get(temp), run.top, run.left, n, m).numberFormat = [[run.format]];
      }),
    );
  }
  for (const { top, rows: block } of valueBlocks(sheet.values, BLOCK_CELLS)) {
    steps.push(
      step((_c, h) => {
        range(h.get(temp), top, 0, block.length, cols).values = block;
      }),
    );
  }
  if (env.isSetSupported('ExcelApi', '1.9')) {
    // Grouped: one command per property value over many areas (RangeAreas), where order cannot matter.
    const plan = planStyles(sheet.styles);
    for (const g of plan.grouped) {
      for (const address of areaChunks(g.rects)) {
        steps.push(step((_c, h) => setProp(h.get(temp).getRanges(address).untrack().format, g.prop, g.value)));
      }
    }
    for (const x of plan.sequential) steps.push(styleStep(temp, x.style, x.props));
  } else {
    for (const st of sheet.styles) steps.push(styleStep(temp, st, null));
  }
  for (const link of sheet.links) {
    const value = { documentReference: link.target, textToDisplay: link.text };
    steps.push(
      step((_c, h) => {
        h.get(temp).getCell(link.row, link.col).untrack().hyperlink = value;
      }),
    );
  }
  for (const m of sheet.merges) {
    steps.push(step((_c, h) => h.get(temp).getRange(m).untrack().merge(false)));
  }
  return steps;
}

/** Column widths, row heights, tab colour and page setup: what a range copy does not carry. */
function layoutSteps(sheet: SheetPatch, temp: string, env: OfficeEnv): Step[] {
  const steps: Step[] = [];
  sheet.columnWidths.forEach((w, c) => {
    const col = colName(c);
    const points = columnWidthPoints(w);
    steps.push(
      step((_c, h) => {
        h.get(temp).getRange(`${col}:${col}`).untrack().format.columnWidth = points;
      }),
    );
  });
  for (const { row, height } of sheet.rowHeights ?? []) {
    steps.push(
      step((_c, h) => {
        h.get(temp).getRange(`${row + 1}:${row + 1}`).untrack().format.rowHeight = height;
      }),
    );
  }
  if (sheet.tabColor) {
    const color = `#${sheet.tabColor}`;
    steps.push(step((_c, h) => void (h.get(temp).tabColor = color)));
  }
  const page = sheet.page;
  if (env.isSetSupported('ExcelApi', '1.9') && (sheet.landscape || sheet.printTitleRows || page)) {
    // The official tables (page): A4, their orientation, one page wide, centred, "第&P页 共&N页" in the footer.
    steps.push(
      step((_c, h) => {
        const layout = h.get(temp).pageLayout;
        if (page) {
          layout.paperSize = 'A4' as Excel.PaperType;
          layout.orientation = (page.orientation === 'landscape' ? 'Landscape' : 'Portrait') as Excel.PageOrientation;
          // One page wide AND "automatic" tall (0, the file format's fitToHeight="0", ECMA-376 §18.3.1.63): given the width
          // alone, Excel keeps "1 page tall" and shrinks a long table onto one page. The file host writes fitToWidth="1"
          // fitToHeight="0" alike. (PageLayoutZoomOptions, ExcelApi 1.9; office-js #1860: desktop Excel may not apply a
          // fit-to-pages zoom while its Page Layout tab is closed.)
          if (page.fitToWidth) layout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
          else if (page.scale) layout.zoom = { scale: page.scale };
          if (page.centerHorizontally) layout.centerHorizontally = true;
          if (page.header || page.footer) {
            const hf = layout.headersFooters.defaultForAllPages;
            if (page.header) hf.centerHeader = page.header;
            if (page.footer) hf.centerFooter = page.footer;
          }
        } else if (sheet.landscape) layout.orientation = 'Landscape' as Excel.PageOrientation;
        if (sheet.printTitleRows) {
          const [a, b] = sheet.printTitleRows.split(':');
          layout.setPrintTitleRows(`$${a}:$${b ?? a}`);
        }
      }),
    );
  }
  return steps;
}

/** Data validation (ExcelApi 1.8; a range copy carries it). */
function validationSteps(sheet: SheetPatch, temp: string, env: OfficeEnv): Step[] {
  const steps: Step[] = [];
  if (sheet.validations?.length && env.isSetSupported('ExcelApi', '1.8')) {
    for (const v of sheet.validations) {
      const limits = { formula1: v.min, formula2: v.max, operator: 'Between' as Excel.DataValidationOperator };
      const rule: Excel.DataValidationRule = v.decimals ? { decimal: limits } : { wholeNumber: limits };
      const alert = v.message ? { message: v.message, showAlert: true, style: 'Stop' as Excel.DataValidationAlertStyle, title: v.title ?? '' } : null;
      steps.push(
        step((_c, h) => {
          const dv = h.get(temp).getRange(v.range).untrack().dataValidation;
          dv.rule = rule;
          if (alert) dv.errorAlert = alert;
        }),
      );
    }
  }
  return steps;
}

/**
 * Empties a kept output sheet so that it holds what a new sheet holds, its references intact (Range.clear
 * deletes no cell): frozen panes removed, merged areas split, everything cleared (values, formats, styles,
 * links: ClearApplyTo "All"), data validation removed (ExcelApi 1.8), standard column widths and row heights.
 * Its names (the ownership mark, and any a user gave it) and its charts stay.
 */
export function clearStep(name: string, env: OfficeEnv): Step {
  const validation = env.isSetSupported('ExcelApi', '1.8');
  return step((_c, h) => {
    const ws = h.get(name);
    ws.freezePanes.unfreeze();
    // The whole sheet (getRange without an address); given as undefined, since office.js sends it (as null).
    const all = ws.getRange(undefined).untrack();
    all.unmerge();
    all.clear('All' as Excel.ClearApplyTo);
    if (validation) all.dataValidation.clear();
    all.format.useStandardWidth = true;
    all.format.useStandardHeight = true;
  });
}

/** The rows and columns a sheet's content covers (values, styles, merges, links, validation), from A1. */
export function extentOf(sheet: SheetPatch): { rows: number; cols: number } {
  let rows = sheet.values.length;
  let cols = widthOf(sheet.values);
  const cover = (q: { bottom: number; right: number }) => {
    rows = Math.max(rows, q.bottom + 1);
    cols = Math.max(cols, q.right + 1);
  };
  for (const s of sheet.styles) cover(parseRange(s.range));
  for (const m of sheet.merges) cover(parseRange(m));
  for (const l of sheet.links) cover({ bottom: l.row, right: l.col });
  for (const v of sheet.validations ?? []) cover(parseRange(v.range));
  return { rows, cols };
}

/**
 * The content of the sheet `from` (built under its temporary name) copied into the kept sheet `to`, in one
 * command: Range.copyFrom (ExcelApi 1.9) with RangeCopyType "All" — values, number formats, formatting,
 * merged areas, links and data validation; not column widths or row heights (layoutSteps sets those).
 */
export function copyStep(from: string, to: string, rows: number, cols: number): Step {
  return step((_c, h) => {
    const source = h.get(from).getRangeByIndexes(0, 0, rows, cols).untrack();
    // Every argument given, as office.js sends them all.
    h.get(to).getRangeByIndexes(0, 0, rows, cols).untrack().copyFrom(source, 'All' as Excel.RangeCopyType, false, false);
  });
}

/** One style range by range: its properties (only those in `only`, when given) and its borders. */
function styleStep(temp: string, s: RangeStyle, only: Set<Prop | 'border'> | null): Step {
  const props = PROPS.filter((p) => s[p] !== undefined && s[p] !== '' && (!only || only.has(p)));
  const q = parseRange(s.range);
  const edges = s.border && (!only || only.has('border')) ? borderEdges(q) : [];
  return step((_c, h) => {
    const f = h.get(temp).getRange(s.range).untrack().format;
    for (const p of props) setProp(f, p, s[p]);
    for (const e of edges) {
      const b = f.borders.getItem(e as Excel.BorderIndex);
      b.style = 'Continuous' as Excel.BorderLineStyle;
      b.color = '#BFBFBF';
    }
  });
}

/**
 * The meta sheet written in place: its cells over the old ones in ONE values command (a command is applied
 * whole, so the record is either the old one or the new one), then kept very hidden. Absent, it is added
 * under its own name first: an interruption right after that leaves an empty sheet, which the next run
 * writes into (an empty sheet of that name holds nothing to lose).
 */
export function metaSteps(meta: SheetPatch, oldRows: number, oldCols: number, exists: boolean, unmarked = false, markVisible = false): Step[] {
  const rows = Math.max(meta.values.length, oldRows, 1);
  const cols = Math.max(widthOf(meta.values), oldCols, 1);
  const values: Array<Array<string | number>> = [];
  const formats: string[][] = [];
  for (let r = 0; r < rows; r++) {
    const row: Array<string | number> = [];
    const f: string[] = [];
    for (let c = 0; c < cols; c++) {
      const v = cellText(meta.values[r]?.[c] ?? null);
      row.push(v);
      // Every string of the record as text: nobody reads or types in this very hidden sheet, and a string our
      // predicate missed must never come back as a number.
      f.push(typeof v === 'string' && v !== '' ? TEXT_FORMAT : 'General');
    }
    values.push(row);
    formats.push(f);
  }
  const steps: Step[] = [];
  if (!exists) {
    steps.push(
      step((context) => {
        const ws = context.workbook.worksheets.add(META_SHEET);
        if (meta.owned) addMark(ws);
      }),
    );
  }
  if (exists && markVisible && !unmarked) {
    // The mark is there but shows in Name Manager (a run cut between adding and hiding it): hide it.
    steps.push(step((_c, h) => void (h.get(META_SHEET).names.getItem(OWNER_MARK.name).visible = false)));
  }
  if (exists && unmarked && meta.owned) {
    // An existing meta sheet without the mark (an earlier release's, or one a cut run added): mark it.
    steps.push(markStep(META_SHEET));
  }
  steps.push(
    step((_c, h) => {
      const ws = h.get(META_SHEET);
      ws.getRangeByIndexes(0, 0, rows, cols).untrack().numberFormat = formats;
      ws.getRangeByIndexes(0, 0, rows, cols).untrack().values = values; // the record changes in one command
      ws.visibility = 'VeryHidden' as Excel.SheetVisibility;
    }),
  );
  return steps;
}
