/**
 * The blank workbook a secretary starts from: 考评细则 (the default rubric), 考评规则 (the default rules)
 * and 评分表 (an empty score table with data validation). These are inputs, not owned outputs: they
 * are not recorded in the meta sheet and later runs never rewrite them.
 */
import { DEFAULT_RUBRIC } from '../domain/rubric';
import { aspectName, itemName } from '../i18n/rubric';
import { DEFAULT_RULES, RULE_KEYS } from '../domain/rules';
import type { Lang } from '../domain/types';
import type { Msg, Params } from '../i18n';
import { t } from '../i18n';
import { DEFAULT_GUIDE_EN, TEMPLATE, TEMPLATE_SHEET } from '../i18n/output';
import { RULE_WORDS } from '../i18n/rules';
import { ruleToCell } from './rule-values';
import { a1 } from '../domain/cell-ref';
import { headerStyle } from './render';
import type { DataValidation, OutputValue, RangeStyle, SheetPatch, WorkbookPatch } from './snapshot';

/** How many empty score rows the template prepares (borders and validation). */
export const TEMPLATE_SCORE_ROWS = 200;

function sheet(
  name: string,
  values: OutputValue[][],
  styles: RangeStyle[],
  columnWidths: number[],
  freeze: { rows: number; cols: number },
  extra: Partial<SheetPatch> = {},
): SheetPatch {
  return {
    name,
    values,
    styles,
    links: [],
    merges: [],
    columnWidths,
    freeze,
    visibility: 'visible',
    landscape: true,
    ...extra,
  };
}

function rubricSheet(lang: Lang): SheetPatch {
  const tr = (m: Msg) => t(lang, m);
  const en = lang === 'en-US';
  const header = [tr(TEMPLATE.rubricCode), tr(TEMPLATE.rubricAspect), tr(TEMPLATE.rubricItem), tr(TEMPLATE.rubricMax), tr(TEMPLATE.rubricGuide)];
  const rows: OutputValue[][] = DEFAULT_RUBRIC.items.map((i) => [
    // The code as a number: the office types 1…12, and the reader accepts numeric codes.
    Number(i.code),
    aspectName(i.aspect, lang),
    itemName(i, lang),
    i.max / 100,
    en ? (DEFAULT_GUIDE_EN[i.code] ?? i.guide ?? null) : (i.guide ?? null),
  ]);
  const last = rows.length;
  return sheet(
    tr(TEMPLATE_SHEET.rubric),
    [header, ...rows],
    [
      headerStyle('A1:E1'),
      { range: `A2:E${last + 1}`, border: true },
      { range: `C2:C${last + 1}`, wrap: true },
      { range: `E2:E${last + 1}`, wrap: true },
      { range: `D2:D${last + 1}`, numberFormat: 'General' },
    ],
    [8, 16, en ? 40 : 34, 8, en ? 50 : 40],
    { rows: 1, cols: 0 },
    { printTitleRows: '1:1', validations: [{ range: `D2:D${last + 1}`, min: 0.01, max: 100, decimals: true }] },
  );
}

function rulesSheet(lang: Lang): SheetPatch {
  const tr = (m: Msg) => t(lang, m);
  const en = lang === 'en-US';
  const header = [tr(TEMPLATE.rulesKey), tr(TEMPLATE.rulesValue), tr(TEMPLATE.rulesNote)];
  const value = (key: (typeof RULE_KEYS)[number]['key']): OutputValue => {
    const v = ruleToCell(key, DEFAULT_RULES[key], !en);
    return v === '' ? null : v; // an empty text rule is an empty cell
  };
  const rows: OutputValue[][] = RULE_KEYS.map((k) => [en ? k.key : k.zh, value(k.key), tr(RULE_WORDS[k.key].note)]);
  const last = rows.length + 1;
  return sheet(
    tr(TEMPLATE_SHEET.rules),
    [header, ...rows],
    [headerStyle('A1:C1'), { range: `A2:C${last}`, border: true }, { range: `C2:C${last}`, wrap: true }],
    [16, 14, 50],
    { rows: 1, cols: 0 },
    { landscape: false },
  );
}

function scoresSheet(lang: Lang): SheetPatch {
  const tr = (m: Msg, p?: Params) => t(lang, m, p);
  const items = DEFAULT_RUBRIC.items;
  const en = lang === 'en-US';
  const itemHeader = (i: (typeof items)[number]) =>
    tr(TEMPLATE.item, { code: i.code, name: itemName(i, lang), max: i.max / 100 });
  const header: OutputValue[] = [
    tr(TEMPLATE.no),
    tr(TEMPLATE.year),
    tr(TEMPLATE.half),
    tr(TEMPLATE.group),
    tr(TEMPLATE.leader),
    tr(TEMPLATE.liaison),
    ...items.map(itemHeader),
    tr(TEMPLATE.total),
    tr(TEMPLATE.veto),
    tr(TEMPLATE.eligible),
    tr(TEMPLATE.notes),
  ];
  const width = header.length;
  const pad = (row: OutputValue[]) => [...row, ...new Array<OutputValue>(width - row.length).fill(null)];
  const notes = TEMPLATE.scoresNotes.map((m) => pad([tr(m)]));
  const values: OutputValue[][] = [pad([tr(TEMPLATE.scoresTitle)]), ...notes, header];
  const h = values.length - 1; // header row, 0-based
  const first = h + 1;
  const lastRow = h + TEMPLATE_SCORE_ROWS; // 0-based, inclusive
  const firstItem = 6;
  const totalCol = firstItem + items.length;
  const validations: DataValidation[] = [
    { range: `${a1(first, 1)}:${a1(lastRow, 1)}`, min: 2000, max: 2100, decimals: false, message: tr(TEMPLATE.yearInvalid), title: tr(TEMPLATE.yearInvalidTitle) },
    ...items.map((i, k) => ({
      range: `${a1(first, firstItem + k)}:${a1(lastRow, firstItem + k)}`,
      min: 0,
      max: i.max / 100,
      decimals: true,
      message: tr(TEMPLATE.scoreInvalid, { max: i.max / 100 }),
      title: tr(TEMPLATE.scoreInvalidTitle),
    })),
  ];
  const styles: RangeStyle[] = [
    { range: 'A1', bold: true, size: 14 },
    ...notes.map((_, k) => ({ range: a1(1 + k, 0), italic: true, fontColor: '404040' })),
    headerStyle(`${a1(h, 0)}:${a1(h, width - 1)}`),
    { range: `${a1(first, 0)}:${a1(lastRow, width - 1)}`, border: true },
    { range: `${a1(first, firstItem)}:${a1(lastRow, totalCol)}`, numberFormat: 'General' },
  ];
  const columnWidths = [
    6,
    8,
    9,
    18,
    10,
    10,
    ...items.map(() => (en ? 14 : 12)),
    8,
    16,
    9,
    20,
  ];
  return sheet(tr(TEMPLATE_SHEET.scores), values, styles, columnWidths, { rows: h + 1, cols: 4 }, {
    printTitleRows: `${h + 1}:${h + 1}`,
    validations,
  });
}

/**
 * The template as a patch: 考评细则, 考评规则 and 评分表 (Rubric, Rules, Scores in English), the score
 * sheet activated. Nothing is deleted, and the meta sheet is not touched: these sheets belong to the user.
 */
export function templatePatch(lang: Lang): WorkbookPatch {
  const sheets = [rubricSheet(lang), rulesSheet(lang), scoresSheet(lang)];
  return { sheets, deleteSheets: [], activate: sheets[2].name };
}
