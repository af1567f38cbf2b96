/**
 * Command-line arguments: `assess <workbook.xlsx> [--out FILE] [--json FILE] [--lang zh-CN|en-US] [--as-of YYYY-MM-DD] [--period 2024H1|2024]`,
 * `template <file> [--force]` (also `--template <file>`), `demo`,
 * `rollup <folder or workbook…> --out FILE [--json FILE] [--unit NAME] [--lang …] [--as-of …] [--force]`, `--help`. Options may be written
 * `--out FILE` or `--out=FILE`; `--` ends the options. Usage errors are AssessError kind 'usage'.
 */
import { isIsoDate } from '../app/clock';
import { AssessError } from '../domain/errors';
import type { Lang } from '../domain/types';
import { isLang } from '../i18n';
import { CLI_CODES } from '../i18n/cli';
import { ROLLUP_CODES } from '../i18n/rollup';
import { PRINT_CODES } from '../i18n/output';
import { parsePrintPeriod } from '../workbook/print';
import type { PrintPeriod } from '../workbook/print';

export type Command = 'assess' | 'template' | 'demo' | 'rollup' | 'help';

export interface CliArgs {
  command: Command;
  /** The workbook to assess, or the template file to write. */
  file: string | null;
  /** rollup: the folders and workbooks to summarize, as given. */
  inputs: string[];
  out: string | null;
  json: string | null;
  lang: Lang | null;
  /** The date rectification statuses are judged on (YYYY-MM-DD); null: today. */
  asOf: string | null;
  /** --period: the period whose official tables to produce (2024H1, 2024); null: the latest. */
  printPeriod: PrintPeriod | null;
  force: boolean;
  /** rollup: the Party committee's name, for the summary's titles. */
  unit: string | null;
}

const VALUE_OPTIONS: Record<string, string> = {
  '--out': 'result.xlsx',
  '--json': 'report.json',
  '--lang': 'en-US',
  '--as-of': '2025-01-15',
  '--period': '2024H1',
  '--template': 'blank.xlsx',
  '--unit': '城区供电中心党委',
};

/** The --lang value if one is present and valid, for messages before the arguments are validated. */
export function peekLang(argv: string[]): Lang | null {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') break;
    const v = a === '--lang' ? argv[i + 1] : a.startsWith('--lang=') ? a.slice(7) : undefined;
    if (v !== undefined) return isLang(v) ? v : null;
  }
  return null;
}

export function parseArgs(argv: string[]): CliArgs {
  const out: CliArgs = { command: 'assess', file: null, inputs: [], out: null, json: null, lang: null, asOf: null, printPeriod: null, force: false, unit: null };
  const positional: string[] = [];
  let templateOpt: string | null = null;
  let help = false;
  let optionsDone = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (optionsDone || !a.startsWith('-') || a === '-') {
      positional.push(a);
      continue;
    }
    if (a === '--') {
      optionsDone = true;
      continue;
    }
    if (a === '-h' || a === '--help') {
      help = true;
      continue;
    }
    if (a === '--force' || a === '-f') {
      out.force = true;
      continue;
    }
    const eq = a.indexOf('=');
    const name = eq > 0 ? a.slice(0, eq) : a;
    if (!(name in VALUE_OPTIONS)) throw new AssessError('usage', CLI_CODES.unknownOption, { option: name });
    let value: string | undefined;
    if (eq > 0) value = a.slice(eq + 1);
    else {
      value = argv[i + 1];
      if (value === undefined || (value.startsWith('--') && value.length > 2)) value = undefined;
      else i++;
    }
    if (value === undefined || value === '') {
      throw new AssessError('usage', CLI_CODES.missingValue, { option: name, example: VALUE_OPTIONS[name] });
    }
    switch (name) {
      case '--out':
        out.out = value;
        break;
      case '--json':
        out.json = value;
        break;
      case '--lang':
        if (!isLang(value)) throw new AssessError('usage', CLI_CODES.badLang, { value });
        out.lang = value;
        break;
      case '--as-of':
        if (!isIsoDate(value)) throw new AssessError('usage', CLI_CODES.badAsOf, { value });
        out.asOf = value;
        break;
      case '--period': {
        const p = parsePrintPeriod(value);
        if (!p) throw new AssessError('usage', PRINT_CODES.badPeriod, { value });
        out.printPeriod = p;
        break;
      }
      case '--template':
        templateOpt = value;
        break;
      case '--unit':
        out.unit = value.trim();
        break;
    }
  }
  if (help) return { ...out, command: 'help' };

  if (templateOpt !== null) {
    out.command = 'template';
    out.file = templateOpt;
    if (positional.length > 0) throw new AssessError('usage', CLI_CODES.tooManyArgs, { value: positional[0] });
  } else if (positional[0] === 'template') {
    out.command = 'template';
    if (positional.length < 2) throw new AssessError('usage', CLI_CODES.missingTemplateFile);
    if (positional.length > 2) throw new AssessError('usage', CLI_CODES.tooManyArgs, { value: positional[2] });
    out.file = positional[1];
  } else if (positional[0] === 'demo' && positional.length === 1) {
    out.command = 'demo';
  } else if (positional[0] === 'rollup') {
    out.command = 'rollup';
    out.inputs = positional.slice(1);
    if (out.inputs.length === 0) throw new AssessError('usage', ROLLUP_CODES.missingInput);
    if (!out.out) throw new AssessError('usage', ROLLUP_CODES.missingOut);
  } else {
    const rest = positional[0] === 'assess' ? positional.slice(1) : positional;
    if (rest.length === 0) throw new AssessError('usage', CLI_CODES.missingInput);
    if (rest.length > 1) throw new AssessError('usage', CLI_CODES.tooManyArgs, { value: rest[1] });
    out.file = rest[0];
  }

  const notHere = (option: string, command: string) => {
    throw new AssessError('usage', CLI_CODES.optionNotHere, { option, command });
  };
  if (out.command === 'template') {
    if (out.out) notHere('--out', 'template');
    if (out.json) notHere('--json', 'template');
    if (out.asOf) notHere('--as-of', 'template');
  }
  if (out.command === 'demo') {
    if (out.out) notHere('--out', 'demo');
    if (out.json) notHere('--json', 'demo');
  }
  if (out.command === 'assess' && out.force) notHere('--force', 'assess');
  if (out.command !== 'assess' && out.printPeriod) notHere('--period', out.command);
  if (out.unit !== null && out.command !== 'rollup') notHere('--unit', out.command);
  return out;
}
