/** The branch's configurable rules (SPEC §2.7): defaults and the key table shared by reader and writer. */
import type { Rules } from './types';

export const DEFAULT_RULES: Rules = {
  excellentMin: 9500,
  qualifiedMin: 8000,
  basicMin: 6000,
  rectifyDays: 90,
  awardMinBand: 'qualified',
  rankMode: 'competition',
  language: 'auto',
};

export type RuleKey = keyof Rules;

/** Chinese key, English key, in the order the 考评规则 sheet lists them. */
export const RULE_KEYS: readonly { key: RuleKey; zh: string }[] = [
  { key: 'excellentMin', zh: '优秀分数线' },
  { key: 'qualifiedMin', zh: '合格分数线' },
  { key: 'basicMin', zh: '基本合格分数线' },
  { key: 'rectifyDays', zh: '整改期限天数' },
  { key: 'awardMinBand', zh: '评先最低等次' },
  { key: 'rankMode', zh: '排名方式' },
  { key: 'language', zh: '输出语言' },
];

/** Spellings of enumerated values, Chinese and English, mapped to their codes. */
export const RULE_VALUE_SPELLINGS: Partial<Record<RuleKey, Record<string, string>>> = {
  awardMinBand: { 优秀: 'excellent', 合格: 'qualified', excellent: 'excellent', qualified: 'qualified' },
  rankMode: {
    竞争排名: 'competition',
    中国式排名: 'dense',
    competition: 'competition',
    dense: 'dense',
  },
  language: { 自动: 'auto', auto: 'auto', 'zh-cn': 'zh-CN', 'en-us': 'en-US', 中文: 'zh-CN', 英文: 'en-US' },
};
