/**
 * A workbook's sheets as a reader sees them, for comparing two hosts' outputs: name, visibility and the
 * values over the used area (trailing empty cells and rows carry no meaning; '' and undefined read as empty).
 */
import type { WorkbookSnapshot } from '../../src/workbook/snapshot';

function trim(values: WorkbookSnapshot['sheets'][number]['values']): unknown[][] {
  const rows = values.map((r) => {
    const row = [...(r ?? [])];
    while (row.length && (row[row.length - 1] === null || row[row.length - 1] === '')) row.pop();
    return row.map((v) => (v === '' || v === undefined ? null : v));
  });
  while (rows.length && rows[rows.length - 1].length === 0) rows.pop();
  return rows;
}

export const sheetsOf = (s: WorkbookSnapshot) => s.sheets.map((x) => ({ name: x.name, visibility: x.visibility, values: trim(x.values) }));
