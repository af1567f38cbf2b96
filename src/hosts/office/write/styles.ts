/// <reference types="office-js" />
/**
 * Column widths in Excel's points, and each style property set the way office.js names it. The host-neutral
 * plan (number-format rectangles, style properties grouped by value, border edges) is src/workbook/style-plan.ts.
 */
import type { Prop } from '../../../workbook/style-plan';

/**
 * Column width as Office.js sets it, in points, for a width given in characters (the unit of the file
 * format's <col width>). Excel shows a file's width w as trunc(((256·w + trunc(128/7)) / 256) · 7) pixels
 * (ECMA-376 §18.3.1.13, maximum digit width 7 px for the default Calibri 11); a point is 4/3 px. So both
 * hosts give a column the same pixels.
 */
export function columnWidthPoints(chars: number): number {
  const px = Math.trunc(((256 * chars + Math.trunc(128 / 7)) / 256) * 7);
  return (px * 3) / 4;
}

/** The other way: a width Excel reports in points, in characters (to two decimals), as `<col width>` holds it. */
export function columnWidthChars(points: number): number {
  return Math.round(((points * 4) / 3 / 7) * 100) / 100;
}

const HORIZONTAL = { left: 'Left', center: 'Center', right: 'Right' } as const;
const VERTICAL = { top: 'Top', center: 'Center', bottom: 'Bottom' } as const;

/** A style property's value as office.js sends it: colours as #RRGGBB, alignments as Excel's names. */
function wireValue(prop: Prop, value: unknown): unknown {
  if (prop === 'fill' || prop === 'fontColor') return `#${value as string}`;
  if (prop === 'horizontal') return HORIZONTAL[value as keyof typeof HORIZONTAL];
  if (prop === 'vertical') return VERTICAL[value as keyof typeof VERTICAL];
  return value;
}

/** Sets one style property on a range's format (through `font` or `fill` where office.js has it there). */
export function setProp(f: Excel.RangeFormat, prop: Prop, value: unknown): void {
  const v = wireValue(prop, value);
  switch (prop) {
    case 'fill':
      f.fill.color = v as string;
      break;
    case 'fontColor':
      f.font.color = v as string;
      break;
    case 'bold':
      f.font.bold = v as boolean;
      break;
    case 'italic':
      f.font.italic = v as boolean;
      break;
    case 'size':
      f.font.size = v as number;
      break;
    case 'horizontal':
      f.horizontalAlignment = v as Excel.HorizontalAlignment;
      break;
    case 'vertical':
      f.verticalAlignment = VERTICAL[value as keyof typeof VERTICAL];
      break;
    case 'font':
      f.font.name = value as string;
      break;
    case 'wrap':
      f.wrapText = v as boolean;
      break;
  }
}
