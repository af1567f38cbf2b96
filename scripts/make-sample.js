#!/usr/bin/env node
/**
 * Writes assets/sample.xlsx: a branch's score workbook as a real office keeps it — one sheet per half
 * year (2023–2025), a merged title row, a date line, a two-row header (aspects merged over their
 * items), =SUM totals with cached values, a signature line — plus a 考评规则 sheet with the defaults.
 *
 * Run: node scripts/make-sample.js  (npm run make:sample). Deterministic: same file content every run
 * (apart from the zip's timestamps).
 *
 * What it exercises (the demo shows every rule of SPEC §2.5 and §2.6):
 * - RECTIFY resolved: 线路运维一班 2023 H1 基本合格 → 2023 H2 合格.
 * - RECTIFY open: 城西供电所 2025 H2 基本合格 (no later period).
 * - LEADER_REVIEW: 线路运维二班 2024 H1 and H2 不合格.
 * - LEADER_REPLACE: 线路运维二班 annual 2023 基本合格, 2024 不合格.
 * - INCOMPLETE_YEAR: 综合管理 2023 (no H1 row: founded mid-year; its H2 row has an out-of-range score),
 *   带电作业 2025 (H2 still 待评分 — a pending row).
 * - TIE_FOR_TOP: 2024 城东供电所 and 城西供电所 both average 95.5.
 * - Veto: 线路运维一班 2025 H1 一票否决 (responsible safety incident) — total 92 but 不合格.
 * - Data issues: a score 9 over the max 8 (综合管理 2023 H2), a hand-typed 合计 that disagrees with the
 *   item sum (城东供电所 2023 H2).
 */
const path = require('path');
const ExcelJS = require('exceljs');

const ITEMS = [
  ['思想建设', '政治理论学习', 10],
  ['思想建设', '群众思想政治工作', 10],
  ['组织建设', '组织生活', 10],
  ['组织建设', '党员教育管理与党费收缴', 8],
  ['组织建设', '联系群众', 7],
  ['作风建设', '批评与自我批评', 8],
  ['作风建设', '组织纪律', 6],
  ['作风建设', '先锋模范与示范岗', 6],
  ['制度建设', '制度执行与《党小组工作手册》', 8],
  ['制度建设', '台账记录', 7],
  ['完成中心任务', '安全生产', 10],
  ['完成中心任务', '生产任务与示范服务日', 10],
];

const GROUPS = [
  { name: '城东供电所党小组', leader: '王建国', liaison: '孙立平' },
  { name: '城西供电所党小组', leader: '李明华', liaison: '孙立平' },
  { name: '线路运维一班党小组', leader: '张卫东', liaison: '吴红梅' },
  { name: '线路运维二班党小组', leader: '刘志强', liaison: '吴红梅' },
  { name: '带电作业班党小组', leader: '陈晓燕', liaison: '郑国栋' },
  { name: '综合管理党小组', leader: '赵海涛', liaison: '郑国栋' },
];

/** Totals per group per period (points); null = no row; 'pending' = row with blank scores. */
const TOTALS = {
  '2023-1': [94, 88, 76, 70, 91, null],
  '2023-2': [92.5, 90, 86, 72, 93, 84],
  '2024-1': [96, 95, 89, 58, 90, 85],
  '2024-2': [95, 96, 91, 55, 92.5, 87.5],
  '2025-1': [97, 90, 92, 82, 93, 88],
  '2025-2': [96.5, 78, 88, 85, 'pending', 90],
};

/** Where each group tends to lose points (item indexes), so focus items look plausible. */
const WEAK = [
  [9, 0, 2, 11],
  [11, 4, 9, 1],
  [10, 11, 4, 2],
  [2, 9, 5, 0, 3, 1, 11, 10, 8],
  [8, 1, 3],
  [4, 9, 0, 6],
];

/** Item scores (hundredths) summing exactly to the total: deduct from the weak items first, 0.5 steps. */
function scoresFor(g, total) {
  const s = ITEMS.map((it) => it[2] * 100);
  let left = 10000 - Math.round(total * 100);
  const order = [...WEAK[g], ...ITEMS.map((_, i) => i).filter((i) => !WEAK[g].includes(i))];
  while (left > 0) {
    for (const i of order) {
      if (left <= 0) break;
      const cut = Math.min(left, Math.ceil((ITEMS[i][2] * 100 * 0.35) / 50) * 50, s[i] - ITEMS[i][2] * 20);
      if (cut <= 0) continue;
      s[i] -= cut;
      left -= cut;
    }
  }
  return s.map((h) => h / 100);
}

const THIN = { style: 'thin', color: { argb: 'FF000000' } };
const BOX = { top: THIN, left: THIN, bottom: THIN, right: THIN };

function periodSheet(wb, year, half) {
  const title = `${year}年${half === 1 ? '上' : '下'}半年`;
  const ws = wb.addWorksheet(title, { pageSetup: { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  const lastCol = 4 + ITEMS.length + 4; // 序号 党小组 党小组长 联系支委 | 12 items | 合计 一票否决 评先资格 备注
  // Title and date line.
  ws.mergeCells(1, 1, 1, lastCol);
  ws.getCell(1, 1).value = `城区供电中心线路工区党支部党小组工作考评表（${title}）`;
  ws.getCell(1, 1).font = { bold: true, size: 16 };
  ws.getCell(1, 1).alignment = { horizontal: 'center' };
  ws.getCell(2, 1).value = `考评日期：${half === 1 ? `${year}年7月6日` : `${year + 1}年1月8日`}`;
  ws.getCell(2, lastCol).value = '单位：分';
  // Two-row header: fixed columns merged vertically, aspects merged over their items.
  const fixed = ['序号', '党小组', '党小组长', '联系支委'];
  fixed.forEach((h, i) => {
    ws.mergeCells(3, i + 1, 4, i + 1);
    ws.getCell(3, i + 1).value = h;
  });
  let c = 5;
  const aspects = [];
  for (const [aspect] of ITEMS) if (!aspects.includes(aspect)) aspects.push(aspect);
  for (const aspect of aspects) {
    const idx = ITEMS.map((it, i) => (it[0] === aspect ? i : -1)).filter((i) => i >= 0);
    const max = idx.reduce((s, i) => s + ITEMS[i][2], 0);
    if (idx.length > 1) ws.mergeCells(3, c, 3, c + idx.length - 1);
    ws.getCell(3, c).value = `${aspect}（${max}分）`;
    idx.forEach((i, k) => {
      ws.getCell(4, c + k).value = `${i + 1}.${ITEMS[i][1]}（${ITEMS[i][2]}分）`;
    });
    c += idx.length;
  }
  ['合计', '一票否决', '评先资格', '备注'].forEach((h, k) => {
    ws.mergeCells(3, c + k, 4, c + k);
    ws.getCell(3, c + k).value = h;
  });
  for (let r = 3; r <= 4; r++) {
    for (let k = 1; k <= lastCol; k++) {
      const cell = ws.getCell(r, k);
      cell.font = { bold: true };
      cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
      cell.border = BOX;
      cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };
    }
  }
  ws.getRow(4).height = 48;

  // Data rows.
  const totals = TOTALS[`${year}-${half}`];
  let r = 5;
  let n = 1;
  const firstItemCol = 5;
  const lastItemCol = 4 + ITEMS.length;
  const colL = (k) => ws.getColumn(k).letter;
  GROUPS.forEach((g, gi) => {
    const total = totals[gi];
    if (total === null) return;
    const row = ws.getRow(r);
    row.getCell(1).value = n++;
    row.getCell(2).value = g.name;
    row.getCell(3).value = g.leader;
    row.getCell(4).value = g.liaison;
    if (total !== 'pending') {
      const s = scoresFor(gi, total);
      s.forEach((v, i) => (row.getCell(firstItemCol + i).value = v));
      const sumRef = `SUM(${colL(firstItemCol)}${r}:${colL(lastItemCol)}${r})`;
      row.getCell(lastItemCol + 1).value = { formula: sumRef, result: total };
    } else {
      row.getCell(lastItemCol + 4).value = '考评会议待召开，得分待填';
    }
    r++;
  });

  // The sheet's particular stories.
  const rowOf = (name) => {
    for (let y = 5; y < r; y++) if (ws.getCell(y, 2).value === name) return y;
    return null;
  };
  if (year === 2023 && half === 2) {
    // A hand-typed total that disagrees with the items (the items add up to 92.5).
    ws.getCell(rowOf('城东供电所党小组'), lastItemCol + 1).value = 93;
    // An out-of-range score: item 4 has a maximum of 8.
    const y = rowOf('综合管理党小组');
    ws.getCell(y, firstItemCol + 3).value = 9;
    ws.getCell(y, lastItemCol + 1).value = { formula: `SUM(${colL(firstItemCol)}${y}:${colL(lastItemCol)}${y})`, result: 85 };
    ws.getCell(y, lastItemCol + 4).value = '2023年7月新成立';
  }
  if (year === 2025 && half === 1) {
    ws.getCell(rowOf('线路运维一班党小组'), lastItemCol + 2).value = '发生一般及以上责任性安全事故';
  }
  if (year === 2025 && half === 2) {
    // A full-width score, as typed with a Chinese input method: still read as 9.
    const y = rowOf('城东供电所党小组');
    const cell = ws.getCell(y, firstItemCol);
    if (cell.value === 9) cell.value = '９';
  }

  for (let y = 5; y < r; y++) {
    for (let k = 1; k <= lastCol; k++) {
      const cell = ws.getCell(y, k);
      cell.border = BOX;
      cell.alignment = { horizontal: k === 2 || k === lastCol ? 'left' : 'center', vertical: 'middle' };
    }
  }
  // Signature line under the table (after one blank row).
  ws.mergeCells(r + 1, 1, r + 1, 8);
  ws.getCell(r + 1, 1).value = '填表人：周敏　　审核：孙立平　　支部委员会（盖章）';

  ws.getColumn(1).width = 5;
  ws.getColumn(2).width = 20;
  ws.getColumn(3).width = 9;
  ws.getColumn(4).width = 9;
  for (let k = firstItemCol; k <= lastItemCol; k++) ws.getColumn(k).width = 9;
  ws.getColumn(lastItemCol + 1).width = 7;
  ws.getColumn(lastItemCol + 2).width = 16;
  ws.getColumn(lastItemCol + 3).width = 8;
  ws.getColumn(lastItemCol + 4).width = 24;
  ws.views = [{ state: 'frozen', xSplit: 2, ySplit: 4 }];
  return ws;
}

function rulesSheet(wb) {
  const ws = wb.addWorksheet('考评规则');
  ws.addRow(['项目', '设定值', '说明']);
  ws.addRow(['优秀分数线', 95, '合计不低于此分为优秀']);
  ws.addRow(['合格分数线', 80, '合计不低于此分为合格']);
  ws.addRow(['基本合格分数线', 60, '合计不低于此分为基本合格，低于此分为不合格']);
  ws.addRow(['整改期限天数', 90, '考评期结束后多少天内完成整改']);
  ws.addRow(['评先最低等次', '合格', '评先要求上、下半年均达到的等次：优秀或合格']);
  ws.addRow(['排名方式', '并列占位排名', '并列占位排名（如1、1、3）或并列不占位排名（中国式，如1、1、2）']);
  ws.addRow(['输出语言', '自动', '自动、zh-CN或en-US']);
  ws.getRow(1).font = { bold: true };
  ws.getColumn(1).width = 16;
  ws.getColumn(2).width = 12;
  ws.getColumn(3).width = 48;
}

async function main() {
  const out = process.argv[2] || path.join(__dirname, '..', 'assets', 'sample.xlsx');
  const wb = new ExcelJS.Workbook();
  wb.creator = '城区供电中心线路工区党支部';
  wb.created = new Date('2026-01-08T09:00:00Z');
  wb.modified = new Date('2026-01-08T09:00:00Z');
  for (const year of [2023, 2024, 2025]) for (const half of [1, 2]) periodSheet(wb, year, half);
  rulesSheet(wb);
  await wb.xlsx.writeFile(out);
  console.log(`wrote ${out}`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
