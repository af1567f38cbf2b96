/**
 * 与上次相比 in words: the comparison of this run with the one recorded before it (src/workbook/digest.ts),
 * as short lines in the pane's language. Part of the engine chunk (it needs the rules' words).
 */
import type { Lang, Rules } from '../../domain/types';
import type { Msg, Params } from '../../i18n';
import { t } from '../../i18n';
import { BAND, ROW_STATUS, WARNING_NAME, periodLabel, statusText } from '../../i18n/domain';
import { RULE_WORDS } from '../../i18n/rules';
import { PANE } from '../../i18n/pane';
import type { DigestRuleKey, DigestWarning, Grade, RunComparison } from '../../workbook/digest';
import { ruleWords } from '../../workbook/rule-values';

export interface ComparisonText {
  /** No earlier run to compare with. */
  first: boolean;
  /** One line per kind of change; empty when nothing changed. */
  lines: string[];
  /** 这些结果因规则改变而变化 (or: the rules changed, the results did not); null when the rules did not change. */
  rules: string | null;
}

/** Lists in a line stop after this many items ("等N项"). */
export const MAX_ITEMS = 4;

export function describeComparison(c: RunComparison, lang: Lang): ComparisonText {
  const tr = (m: Msg, p?: Params) => t(lang, m, p);
  const sep = tr({ zh: '；', en: '; ' });
  const list = (items: string[]) =>
    items.length > MAX_ITEMS ? `${items.slice(0, MAX_ITEMS).join(sep)}${tr({ zh: '', en: ' ' })}${tr(PANE.compareMore, { count: items.length - MAX_ITEMS })}` : items.join(sep);
  const period = (w: { year: number; half: 1 | 2 | null }) => (w.half ? periodLabel(lang, { year: w.year, half: w.half }) : tr(PANE.yearLabel, { year: w.year }));
  const statusWord = (w: Pick<DigestWarning, 'status'>) => (w.status ? statusText(lang, w.status) : '');
  const grade = (g: Grade | null) => (g === null ? tr(PANE.compareNoRecord) : g in BAND ? tr(BAND[g as keyof typeof BAND]) : tr(ROW_STATUS[g as keyof typeof ROW_STATUS]));
  const ruleValue = (key: DigestRuleKey, v: string | number | null) => ruleWords(key, v as Rules[DigestRuleKey], lang);

  const rulesItems = c.rulesChanged.map((r) =>
    tr(PANE.compareRuleItem, { rule: tr(RULE_WORDS[r.key].label), from: ruleValue(r.key, r.from), to: ruleValue(r.key, r.to) }),
  );
  const lines: string[] = [];
  if (c.partial) lines.push(tr(PANE.comparePartial));
  if (c.newWarnings.length) {
    lines.push(
      tr(PANE.compareNew, {
        count: c.newWarnings.length,
        items: list(c.newWarnings.map((w) => tr(PANE.compareWarningItem, { group: w.group, name: tr(WARNING_NAME[w.code]), period: period(w) }))),
      }),
    );
  }
  if (c.closedWarnings.length) {
    lines.push(
      tr(PANE.compareClosed, {
        count: c.closedWarnings.length,
        items: list(
          c.closedWarnings.map((w) =>
            tr(PANE.compareClosedItem, {
              group: w.group,
              name: tr(WARNING_NAME[w.code]),
              period: period(w),
              now: w.now ? statusWord({ status: w.now }) : tr(PANE.compareNoLonger),
            }),
          ),
        ),
      }),
    );
  }
  if (c.statusChanges.length) {
    lines.push(
      tr(PANE.compareStatus, {
        count: c.statusChanges.length,
        items: list(c.statusChanges.map((w) => tr(PANE.compareTransition, { group: w.group, period: period(w), from: statusWord({ status: w.from }), to: statusWord(w) }))),
      }),
    );
  }
  if (c.gradeChanges.length) {
    lines.push(
      tr(PANE.compareGrades, {
        count: c.gradeChanges.length,
        items: list(c.gradeChanges.map((g) => tr(PANE.compareTransition, { group: g.group, period: period(g), from: grade(g.from), to: grade(g.to) }))),
      }),
    );
  }
  if (c.newRecords.length) {
    lines.push(
      tr(PANE.compareNewRecords, {
        items: c.newRecords.map((n) => tr(PANE.compareNewRecordsItem, { period: period(n), count: n.count })).join(tr({ zh: '、', en: ', ' })),
      }),
    );
  }
  if (c.removedRecords) lines.push(tr(PANE.compareRemoved, { count: c.removedRecords }));
  let rules: string | null = null;
  if (rulesItems.length) {
    const items = rulesItems.join(tr({ zh: '，', en: ', ' }));
    rules = lines.length ? tr(PANE.compareByRules, { items }) : tr(PANE.compareRulesOnly, { items });
  }
  return { first: c.first, lines, rules };
}
