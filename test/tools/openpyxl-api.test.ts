/**
 * The Python the tests run (test/**, scripts/**: .py files, and the snippets the system tests pass to
 * `python3 -c`) works with the openpyxl of Debian 12 (3.0.9, python3-openpyxl) and with the current release
 * (3.1): it uses no API that only one of them has, unless it first asks which one it has (`hasattr(x, "name")`
 * naming that attribute, and a branch for each). PyPI is not reachable here, so 3.1 cannot be installed and
 * run; this scan is what keeps a user with 3.1 (pip, other distributions) from finding a test that fails.
 *
 * What changed between them, with the source of each rule:
 * - 3.1.0 (2023-01-31) moved defined names: the workbook's are `wb.defined_names`, a DefinedNameDict (a dict),
 *   and a sheet's are on the sheet, `ws.defined_names` (changelog https://openpyxl.readthedocs.io/en/3.1.3/changes.html,
 *   #1864 "Better handling of defined names"; https://openpyxl.readthedocs.io/en/3.1/defined_names.html
 *   "Accessing Worksheet Definitions"; https://openpyxl.readthedocs.io/en/stable/api/openpyxl.workbook.defined_name.html
 *   "class DefinedNameDict — Bases: dict"). In 3.0 `wb.defined_names` is a DefinedNameList holding every name,
 *   sheet-scoped ones marked by localSheetId, with `.definedName`, `.append`, `.get(name, scope)`, `.delete`,
 *   `.localnames` (https://openpyxl.readthedocs.io/en/3.0/api/openpyxl.workbook.defined_name.html; Debian's
 *   /usr/lib/python3/dist-packages/openpyxl/workbook/defined_name.py) and no item assignment.
 * - The Workbook's named-range methods (get_named_range(s), add_named_range, remove_named_range, deprecated
 *   since 2.4 in favour of `wb.defined_names`) are gone from 3.1's Workbook
 *   (https://openpyxl.readthedocs.io/en/3.1.1/api/openpyxl.workbook.workbook.html lists none of them).
 * - 3.1 replaced `ws.formula_attributes` (3.0's dict of array-formula ranges) with ArrayFormula cells and added
 *   DataTableFormula (changelog 3.1.0 "Added support for data table formulae"; the maintainer's notice
 *   https://groups.google.com/g/openpyxl-users/c/PxHLzBY0X30 "Upcoming breaking change in openpyxl 3.1").
 */
import * as fs from 'fs';
import * as path from 'path';

const ROOT = path.resolve(__dirname, '..', '..');

interface Rule {
  /** What only one version has. */
  api: string;
  only: '3.0' | '3.1';
  pattern: RegExp;
  /** The attribute a `hasattr(x, "…")` check names when a script branches on it. */
  attr: string;
  /** A line that uses it (the rule's own self-test). */
  example: string;
}

const RULES: Rule[] = [
  { api: 'DefinedNameList.definedName (wb.defined_names as a list)', only: '3.0', pattern: /\.definedName\b/, attr: 'definedName', example: 'wb.defined_names.definedName = []' },
  { api: 'DefinedNameList.append', only: '3.0', pattern: /\bdefined_names\s*\.\s*append\s*\(/, attr: 'append', example: 'wb.defined_names.append(DefinedName("x", attr_text="Sheet!$A$1"))' },
  { api: 'DefinedNameList.get(name, scope)', only: '3.0', pattern: /\bdefined_names\s*\.\s*get\s*\([^,()]*,/, attr: 'localnames', example: 'd = wb.defined_names.get("x", 0)' },
  { api: 'DefinedNameList.delete', only: '3.0', pattern: /\bdefined_names\s*\.\s*delete\s*\(/, attr: 'delete', example: 'wb.defined_names.delete("x")' },
  { api: 'DefinedNameList.localnames', only: '3.0', pattern: /\.localnames\s*\(/, attr: 'localnames', example: 'print(wb.defined_names.localnames(0))' },
  { api: 'Workbook.get_named_range(s), add_named_range, remove_named_range', only: '3.0', pattern: /\.(get_named_ranges?|add_named_range|remove_named_range)\s*\(/, attr: 'get_named_range', example: 'r = wb.get_named_range("x")' },
  { api: 'Worksheet.formula_attributes', only: '3.0', pattern: /\.formula_attributes\b/, attr: 'formula_attributes', example: 'print(ws.formula_attributes)' },
  { api: 'DefinedNameDict (wb.defined_names as a dict)', only: '3.1', pattern: /\bDefinedNameDict\b/, attr: 'DefinedNameDict', example: 'from openpyxl.workbook.defined_name import DefinedNameDict' },
  { api: 'DefinedNameDict.add', only: '3.1', pattern: /\bdefined_names\s*\.\s*add\s*\(/, attr: 'add', example: 'wb.defined_names.add(DefinedName("x", attr_text="Sheet!$A$1"))' },
  { api: 'defined_names[name] = … (item assignment)', only: '3.1', pattern: /\bdefined_names\s*\[[^\]]*\]\s*=(?!=)/, attr: 'add', example: 'wb.defined_names["x"] = DefinedName("x", attr_text="Sheet!$A$1")' },
  {
    api: 'Worksheet.defined_names (sheet-scoped names on the sheet)',
    only: '3.1',
    pattern: /\b(ws|sheet|worksheet|active)\s*\.\s*defined_names\b|\]\s*\.\s*defined_names\b/,
    attr: 'defined_names',
    example: 'print(list(wb["考评结果"].defined_names))',
  },
  { api: 'ArrayFormula, DataTableFormula (openpyxl.worksheet.formula)', only: '3.1', pattern: /\b(ArrayFormula|DataTableFormula)\b|openpyxl\.worksheet\.formula\b/, attr: 'formula', example: 'from openpyxl.worksheet.formula import ArrayFormula' },
];

interface Finding {
  where: string;
  line: string;
  api: string;
  only: string;
}

/** The uses of one-version APIs in a piece of Python, but those the script guards with a hasattr() check. */
function findings(python: string, where: string): Finding[] {
  const out: Finding[] = [];
  const guarded = (attr: string) => new RegExp(`hasattr\\([^)]*,\\s*['"]${attr}['"]\\s*\\)`).test(python);
  for (const line of python.split('\n')) {
    const code = line.replace(/#.*$/, '');
    for (const r of RULES) if (r.pattern.test(code) && !guarded(r.attr)) out.push({ where, line: line.trim(), api: r.api, only: r.only });
  }
  return out;
}

/** The Python in a TypeScript test: the string literals (template, single- or double-quoted) that mention openpyxl. */
function embeddedPython(ts: string): string[] {
  const snippets: string[] = [];
  for (const m of ts.matchAll(/`((?:[^`\\]|\\.)*)`|'((?:[^'\\\n]|\\.)*)'|"((?:[^"\\\n]|\\.)*)"/g)) {
    const s = m[1] ?? m[2] ?? m[3] ?? '';
    if (/openpyxl/.test(s) && /\b(import|load_workbook|Workbook)\b/.test(s)) snippets.push(m[1] !== undefined ? s : s.replace(/\\n/g, '\n'));
  }
  return snippets;
}

function filesUnder(dir: string, ext: RegExp): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) {
        if (e.name !== 'node_modules' && e.name !== 'fixtures') walk(p);
      } else if (ext.test(e.name)) out.push(p);
    }
  };
  walk(dir);
  return out;
}

/** Every piece of Python the tests and scripts run, by where it stands. */
function pythonRun(): { where: string; code: string }[] {
  const out: { where: string; code: string }[] = [];
  for (const f of [...filesUnder(path.join(ROOT, 'test'), /\.py$/), ...filesUnder(path.join(ROOT, 'scripts'), /\.py$/)]) {
    out.push({ where: path.relative(ROOT, f), code: fs.readFileSync(f, 'utf8') });
  }
  for (const f of filesUnder(path.join(ROOT, 'test'), /\.tsx?$/)) {
    if (f === __filename) continue;
    embeddedPython(fs.readFileSync(f, 'utf8')).forEach((code, i) => out.push({ where: `${path.relative(ROOT, f)} (Python snippet ${i + 1})`, code }));
  }
  return out;
}

describe('the Python the tests run works with openpyxl 3.0 (Debian 12) and 3.1', () => {
  test('the scan finds the Python: the producer script and the snippets of the system tests', () => {
    const where = pythonRun().map((p) => p.where);
    expect(where).toContain('test/tools/make_producer_workbooks.py');
    // The snippets that open, edit and save workbooks with openpyxl in the system tests.
    for (const f of ['test/system/print-pdf.test.ts', 'test/system/rollup.test.ts', 'test/system/title-row.test.ts', 'test/system/producers.test.ts']) {
      expect(where.some((w) => w.startsWith(`${f} (Python snippet`))).toBe(true);
    }
  });

  test('no script uses an API only one of them has (unless it branches on hasattr)', () => {
    const found = pythonRun().flatMap((p) => findings(p.code, p.where));
    expect(found).toEqual([]);
  });

  test.each(RULES.map((r) => [r.api, r] as const))('self-test: a script using %s is caught', (_api, rule) => {
    const script = `import openpyxl\nwb = openpyxl.load_workbook("in.xlsx")\nws = wb.active\n${rule.example}\nwb.save("out.xlsx")\n`;
    expect(findings(script, 'fabricated.py').map((f) => f.api)).toContain(rule.api);
    // Inside a TypeScript test, as a system test passes it to python3 -c.
    const ts = `const SNIPPET = \`${script}\`;\nexecFileSync(PY, ['-c', SNIPPET, f]);\n`;
    expect(embeddedPython(ts).flatMap((c) => findings(c, 'fabricated.ts')).map((f) => f.api)).toContain(rule.api);
  });

  test('self-test: the same use behind a hasattr() branch is accepted, and API both have is never flagged', () => {
    const shim = 'names = wb.defined_names\nif hasattr(names, "definedName"):\n    names.definedName = [d for d in names.definedName if d.localSheetId is None]\n';
    expect(findings(shim, 'shim.py')).toEqual([]);
    const both = [
      'wb = openpyxl.load_workbook(sys.argv[1])',
      'ws = wb["考评结果"]',
      'rows = list(ws.iter_rows(values_only=True))',
      'print(ws.print_title_rows, ws.page_setup.paperSize, ws.oddFooter.center.text)',
      'print([str(r) for r in ws.merged_cells.ranges], ws.sheet_properties.pageSetUpPr)',
      'del wb["备忘"]',
      'd = wb.defined_names["支部名称"]',
      'ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=5)',
    ].join('\n');
    expect(findings(both, 'both.py')).toEqual([]);
  });
});
