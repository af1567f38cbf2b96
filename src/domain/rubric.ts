/** The rubric: the default of SPEC §2.1 and its validity rules. */
import type { Rubric, RubricItem } from './types';

const d = (code: string, aspect: string, name: string, points: number, guide: string): RubricItem => ({
  code,
  aspect,
  name,
  max: points * 100,
  guide,
});

export const DEFAULT_RUBRIC: Rubric = {
  source: 'default',
  items: [
    d('1', '思想建设', '政治理论学习', 10, '按计划组织学习，学习记录完整'),
    d('2', '思想建设', '群众思想政治工作', 10, '及时了解和化解职工思想问题'),
    d('3', '组织建设', '组织生活', 10, '每月按时召开党小组会，质量较高'),
    d('4', '组织建设', '党员教育管理与党费收缴', 8, '党员教育管理到位，按时足额收缴党费'),
    d('5', '组织建设', '联系群众', 7, '党员联系群众制度落实'),
    d('6', '作风建设', '批评与自我批评', 8, '认真开展批评与自我批评'),
    d('7', '作风建设', '组织纪律', 6, '遵守组织纪律，无违纪'),
    d('8', '作风建设', '先锋模范与示范岗', 6, '党员示范岗作用发挥明显'),
    d('9', '制度建设', '制度执行与《党小组工作手册》', 8, '执行各项制度，手册填写规范'),
    d('10', '制度建设', '台账记录', 7, '台账齐全、记录及时'),
    d('11', '完成中心任务', '安全生产（零违章、无责任性事故）', 10, '零违章、无责任性事故'),
    d('12', '完成中心任务', '生产任务与示范服务日', 10, '完成生产任务，开展示范服务日活动'),
  ],
};

/** The rubric's total in hundredths (10000 for a valid rubric). */
export function rubricTotal(rubric: Rubric): number {
  return rubric.items.reduce((s, i) => s + i.max, 0);
}

/** Aspects in the order they first appear, with the indexes of their items. */
export function aspects(rubric: Rubric): { aspect: string; items: number[]; max: number }[] {
  const out: { aspect: string; items: number[]; max: number }[] = [];
  rubric.items.forEach((item, i) => {
    let a = out.find((x) => x.aspect === item.aspect);
    if (!a) {
      a = { aspect: item.aspect, items: [], max: 0 };
      out.push(a);
    }
    a.items.push(i);
    a.max += item.max;
  });
  return out;
}

/** Item name without a parenthesised remark: "安全生产(零违章…)" → "安全生产". Used for header matching. */
export function shortItemName(name: string): string {
  return name.replace(/[(（][^)）]*[)）]/g, '').trim();
}
