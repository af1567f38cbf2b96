/**
 * A rule's value converted by its KIND (src/domain/rules.ts: points, count, choice, text), in one place,
 * between the three forms it takes:
 *   cell  — on the 考评规则 / Rules sheet (read by the reader, written by the template and the pane);
 *   value — the engine's (thresholds in hundredths, a choice as its code), what the zod schema checks;
 *   text  — the settings form's input text, and the words of 与上次相比.
 * The reader (parse-config.ts), the template (template.ts), the pane's edits (src/app/pane-service.ts), the
 * settings form (src/ui/rulesForm.ts) and 与上次相比 (src/ui/view/compare.ts) all convert here.
 */
import { RULE_KEYS } from '../domain/rules';
import type { RuleKey, RuleKind, Rules } from '../domain/rules';
import type { Lang } from '../domain/types';
import { t } from '../i18n';
import type { Msg } from '../i18n';
import { RULE_VALUE_WORD } from '../i18n/rules';
import { cellText, foldText, isBlank, parseHundredths } from './cells';
import type { CellValue, OutputValue } from './snapshot';

/**
 * Spellings of the choice rules' values, Chinese and English, mapped to their codes (compared after
 * folding and lower-casing). The first Chinese and the first English spelling of each code are the ones a
 * message names; later ones are older words still accepted as input (竞争排名, 中国式排名).
 */
const SPELLINGS: { [K in RuleKey]?: Record<string, Rules[K]> } = {
  awardMinBand: { 优秀: 'excellent', 合格: 'qualified', excellent: 'excellent', qualified: 'qualified' },
  rankMode: {
    并列占位排名: 'competition',
    并列不占位排名: 'dense',
    竞争排名: 'competition',
    中国式排名: 'dense',
    competition: 'competition',
    dense: 'dense',
  },
  leaderReviewBand: { 基本合格: 'basic', 不合格: 'unqualified', basic: 'basic', unqualified: 'unqualified' },
  language: { 自动: 'auto', auto: 'auto', 'zh-cn': 'zh-CN', 'en-us': 'en-US', 中文: 'zh-CN', 英文: 'en-US' },
};

/** A text rule's value: NFKC-folded, spaces collapsed and trimmed; a document title's 《》 taken off. */
export function ruleText(key: RuleKey, text: string): string {
  const s = foldText(text);
  return key === 'basis' ? s.replace(/^《(.*)》$/, '$1').trim() : s;
}

/** The code a choice rule's text stands for (any accepted spelling), or null. */
export function ruleChoice(key: RuleKey, text: string): string | null {
  const spellings = (SPELLINGS[key] ?? {}) as Record<string, string>;
  const f = foldText(text);
  return spellings[f.toLowerCase()] ?? spellings[f] ?? null;
}

/** The words a message names for a choice rule: the first Chinese (ascii false) or English spelling of each code. */
export function choiceWords(key: RuleKey, ascii: boolean): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const [word, code] of Object.entries(SPELLINGS[key] ?? {}) as [string, string][]) {
    if (/^[\x20-\x7e]+$/.test(word) !== ascii || seen.has(code)) continue;
    seen.add(code);
    out.push(word.includes('-') ? word.replace(/-(\w+)$/, (_, c: string) => `-${c.toUpperCase()}`) : word);
  }
  return out;
}

type Value = Rules[RuleKey];

interface KindCodec {
  /** A cell → the schema's value; NaN or null where the cell cannot be one (the schema names what is wrong). */
  fromCell(key: RuleKey, v: CellValue): unknown;
  /** The value as a cell: points as a number, a choice as its word in the sheet's language. */
  toCell(value: Value, zh: boolean): OutputValue;
  /** The form's input text → the schema's value; NaN where it is not a number of the right form. */
  fromText(key: RuleKey, text: string): unknown;
  /** The value as the form's input text (a choice as its code). */
  toText(value: Value): string;
  /** The value in words for people, in a language (与上次相比). */
  words(value: Value, lang: Lang): string;
}

const POINTS = /^\d+(\.\d{1,2})?$/;
const COUNT = /^\d+$/;
/** An optional rule left unset, in words (与上次相比). */
const UNSET: Msg = { zh: '未设定', en: 'not set' };
const word = (code: string): Msg | undefined => RULE_VALUE_WORD[code];

const KIND: { readonly [K in RuleKind]: KindCodec } = {
  points: {
    fromCell: (_key, v) => {
      const h = parseHundredths(v);
      return typeof h === 'number' ? h : Number.NaN;
    },
    toCell: (value) => (value as number) / 100,
    fromText: (_key, text) => (POINTS.test(text.trim()) ? Math.round(Number(text.trim()) * 100) : Number.NaN),
    toText: (value) => String((value as number) / 100),
    words: (value) => String(Number(value) / 100),
  },
  count: {
    fromCell: (_key, v) => {
      if (isBlank(v)) return null; // an optional count left unset
      const h = parseHundredths(typeof v === 'string' ? v.replace(/(天|日|个月|月|days?|months?)\s*$/i, '') : v);
      return typeof h === 'number' && h % 100 === 0 ? h / 100 : Number.NaN;
    },
    // An optional count left unset (rectifyDays) is an empty cell, an empty field.
    toCell: (value) => (value === null ? null : (value as number)),
    fromText: (_key, text) => (text.trim() === '' ? null : COUNT.test(text.trim()) ? Number(text.trim()) : Number.NaN),
    toText: (value) => (value === null ? '' : String(value)),
    words: (value, lang) => (value === null ? t(lang, UNSET) : String(value)),
  },
  choice: {
    fromCell: (key, v) => ruleChoice(key, cellText(v)),
    toCell: (value, zh) => {
      const w = word(String(value));
      return w ? (zh ? w.zh : w.en) : String(value); // zh-CN / en-US
    },
    fromText: (_key, text) => text.trim(),
    toText: (value) => String(value),
    words: (value, lang) => t(lang, word(String(value)) ?? { zh: String(value), en: String(value) }),
  },
  text: {
    fromCell: (key, v) => ruleText(key, cellText(v)),
    toCell: (value) => String(value),
    fromText: (key, text) => ruleText(key, text),
    toText: (value) => String(value),
    words: (value) => String(value),
  },
};

const KIND_OF = new Map<RuleKey, RuleKind>(RULE_KEYS.map((k) => [k.key, k.kind]));
const codec = (key: RuleKey): KindCodec => KIND[KIND_OF.get(key)!];

/** A rule's cell on the 考评规则 sheet → the schema's value (NaN or null where it cannot be one). */
export const ruleFromCell = (key: RuleKey, v: CellValue): unknown => codec(key).fromCell(key, v);
/** A rule's value as the 考评规则 sheet writes it, in the sheet's language (`zh`: a Chinese sheet). */
export const ruleToCell = <K extends RuleKey>(key: K, value: Rules[K], zh: boolean): OutputValue => codec(key).toCell(value, zh);
/** The settings form's text of a rule → the schema's value. */
export const ruleFromText = (key: RuleKey, text: string): unknown => codec(key).fromText(key, text);
/** A rule's value as the settings form's text. */
export const ruleToText = <K extends RuleKey>(key: K, value: Rules[K]): string => codec(key).toText(value);
/** A rule's value in words (与上次相比). */
export const ruleWords = <K extends RuleKey>(key: K, value: Rules[K], lang: Lang): string => codec(key).words(value, lang);
