/**
 * The rubric's words in both languages: the default rubric's aspects and items have English names; a
 * rubric of the workbook's own (考评细则) keeps its words, except that an item keeping the default rubric's
 * name for its code is that item, and has its English name. ONE rule, used by the sheets, the printed
 * tables, the pane, the roll-up, the messages and the JSON report's messages alike.
 */
import { DEFAULT_RUBRIC } from '../domain/rubric';
import type { Lang, Rubric } from '../domain/types';
import type { Msg } from './index';

/** Aspect names with their English translations (for English output). */
const ASPECT_EN: Record<string, string> = {
  思想建设: 'Ideological building',
  组织建设: 'Organizational building',
  作风建设: 'Work style',
  制度建设: 'Institution building',
  完成中心任务: 'Fulfilling central tasks',
};

/** Item names of the default rubric in English (keyed by code). */
const DEFAULT_ITEM_EN: Record<string, string> = {
  '1': 'Political theory study',
  '2': 'Ideological work with the masses',
  '3': 'Organizational life',
  '4': 'Member education and dues',
  '5': 'Ties with the masses',
  '6': 'Criticism and self-criticism',
  '7': 'Discipline',
  '8': 'Exemplary role and model posts',
  '9': 'Rules and the group handbook',
  '10': 'Records',
  '11': 'Work safety (no violations, no liable accidents)',
  '12': 'Production tasks and service days',
};

/** A name compared with the default's: brackets full-width or not (安全生产(…) is 安全生产（…）), spaces ignored. */
const sameName = (name: string) => name.replace(/\(/g, '（').replace(/\)/g, '）').replace(/\s+/g, '');

const DEFAULT_NAME = new Map(DEFAULT_RUBRIC.items.map((i) => [i.code, sameName(i.name)]));

/** An item's name in both languages: English for an item that keeps the default rubric's name for its code. */
export function itemNameMsg(item: { code: string; name: string }): Msg {
  const en = DEFAULT_NAME.get(item.code) === sameName(item.name) ? DEFAULT_ITEM_EN[item.code] : undefined;
  return { zh: item.name, en: en ?? item.name };
}

/** An item's name in a language. */
export function itemName(item: { code: string; name: string }, lang: Lang): string {
  const m = itemNameMsg(item);
  return lang === 'en-US' ? m.en : m.zh;
}

/** The name of a rubric's item by its code, in a language (the code itself when the rubric has no such item). */
export function rubricItemName(rubric: Rubric, code: string, lang: Lang): string {
  const item = rubric.items.find((i) => i.code === code);
  return item ? itemName(item, lang) : code;
}

/** An aspect's name in a language: the default rubric's aspects have English names; others stay as written. */
export function aspectName(aspect: string, lang: Lang): string {
  return (lang === 'en-US' && ASPECT_EN[aspect]) || aspect;
}
