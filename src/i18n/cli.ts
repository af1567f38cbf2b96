/**
 * Catalogue: the command-line tool and the file host — usage, errors, progress and the summary.
 * Chinese first, English second. Errors say what is wrong, where (file or sheet), and what to do.
 */
import type { Msg } from './index';
import { errorCodes } from './errors';


export const USAGE: Msg = {
  zh: [
    '党小组考评助手 · 命令行工具',
    '',
    '用法：',
    '  assess <评分表.xlsx> [--out 输出文件] [--json 报告文件] [--lang zh-CN|en-US] [--as-of 日期] [--period 考评期]',
    '  assess template <文件.xlsx> [--lang zh-CN|en-US] [--force]',
    '  assess demo [--lang zh-CN|en-US]',
    '  assess rollup <文件夹或工作簿…> --out 汇总.xlsx [--json 报告文件] [--unit 党委名称] [--lang zh-CN|en-US] [--as-of 日期] [--force]',
    '',
    '选项：',
    '  --out FILE     评定后的工作簿（默认：输入文件旁的 <文件名>.assessed.xlsx；输入文件不会被修改）',
    '  --json FILE    另写一份JSON报告（字段见 docs/user-guide.zh.md）',
    '  --lang LANG    输出语言：zh-CN 或 en-US，优先于工作簿“考评规则”中的“输出语言”',
    '  --as-of 日期   按该日期判断整改状态（YYYY-MM-DD，默认今天），报告可重现',
    '  --period 考评期  生成以往某期的正式表格：2024H1（2024年上半年的半年表和2024年度表）、2024H2，或2024（2024年度表）；默认最近一期',
    '  --template FILE  写出空白评分模板（同 template 命令）',
    '  --force        模板文件已存在时覆盖；rollup：--out 已存在但不是汇总工作簿时仍覆盖',
    '  --unit 名称    rollup：党委名称，写在汇总表标题中，如“城区供电中心党委各党支部党小组工作考评结果汇总表”',
    '  -h, --help     显示本帮助',
    '',
    'rollup：汇总多个党支部的工作簿（文件夹中的 .xlsx/.xlsm，含子文件夹，跳过 ~$ 临时文件和隐藏文件），',
    '        每个工作簿按其考评细则和考评规则考评，写出一个汇总工作簿：各党支部考评汇总、年度示范党小组推荐、整改督办、报送情况。',
    '        报送的工作簿从不修改；读不了的文件列在“报送情况”中，不影响其他文件。',
    '        --out 是上次写出的汇总工作簿时，其“整改督办”中填写的督办意见保留到新的汇总中。',
    '',
    '退出码：0表示已考评（数据问题写在结果中）或已写出汇总；2表示用法有误、文件无法读取（rollup：没有一个文件能读取）或考评细则、考评规则无效；1表示意外错误。',
  ].join('\n'),
  en: [
    'Party Group Assessment · command-line tool',
    '',
    'Usage:',
    '  assess <workbook.xlsx> [--out FILE] [--json FILE] [--lang zh-CN|en-US] [--as-of YYYY-MM-DD] [--period PERIOD]',
    '  assess template <file.xlsx> [--lang zh-CN|en-US] [--force]',
    '  assess demo [--lang zh-CN|en-US]',
    '  assess rollup <folder or workbook…> --out summary.xlsx [--json FILE] [--unit NAME] [--lang zh-CN|en-US] [--as-of YYYY-MM-DD] [--force]',
    '',
    'Options:',
    '  --out FILE     the assessed workbook (default: <name>.assessed.xlsx beside the input; the input is never modified)',
    '  --json FILE    also write a JSON report (fields: see docs/user-guide.en.md)',
    '  --lang LANG    output language: zh-CN or en-US; wins over the workbook rule 输出语言 (language)',
    '  --as-of DATE   judge rectification statuses as of this date (YYYY-MM-DD, default today), for a reproducible report',
    '  --period P     the official tables of an earlier period: 2024H1 (the 2024 H1 table and the 2024 annual table), 2024H2, or 2024 (the 2024 annual table); default the latest',
    '  --template FILE  write the blank template workbook (same as the template command)',
    '  --force        overwrite an existing template file; rollup: overwrite an --out file that is not a roll-up summary',
    '  --unit NAME    rollup: the Party committee’s name, in the summary’s titles',
    '  -h, --help     show this help',
    '',
    'rollup: summarize many Party branches’ workbooks (a folder’s .xlsx/.xlsm, subfolders included, skipping ~$ lock files and',
    '        hidden files), each assessed with its own rubric and rules, into one summary workbook: Branch Results, Model Group',
    '        Nominees, Rectification Follow-up, Submissions. The workbooks are never modified; a file that cannot be read is',
    '        listed in Submissions and does not stop the others. When --out is an earlier summary, the follow-up remarks typed',
    '        into its Rectification Follow-up are kept in the new one.',
    '',
    'Exit codes: 0 assessed (data issues are in the results) or summary written; 2 usage error, unreadable file (rollup: no file could be read), or invalid rubric/rules; 1 unexpected error.',
  ].join('\n'),
};

export const CLI_ERR = {
  unknownOption: {
    zh: '未知选项 {option}，请运行 assess --help 查看用法',
    en: 'unknown option {option}; run assess --help for usage',
  },
  missingValue: {
    zh: '选项 {option} 需要一个值，例如 {option} {example}',
    en: 'option {option} needs a value, e.g. {option} {example}',
  },
  badLang: {
    zh: '不支持的语言“{value}”，--lang 只能是 zh-CN 或 en-US',
    en: 'unsupported language “{value}”; --lang must be zh-CN or en-US',
  },
  badAsOf: {
    zh: '日期“{value}”无效，--as-of 应写成 YYYY-MM-DD，例如 --as-of 2025-01-15',
    en: 'invalid date “{value}”; write --as-of as YYYY-MM-DD, e.g. --as-of 2025-01-15',
  },
  missingInput: {
    zh: '请指定要考评的工作簿，例如 assess 评分表.xlsx（assess --help 查看用法）',
    en: 'name the workbook to assess, e.g. assess scores.xlsx (assess --help for usage)',
  },
  missingTemplateFile: {
    zh: '请指定模板文件名，例如 assess template 评分模板.xlsx',
    en: 'name the template file, e.g. assess template blank.xlsx',
  },
  tooManyArgs: {
    zh: '多余的参数“{value}”：一次只能考评一个工作簿',
    en: 'unexpected argument “{value}”: assess one workbook at a time',
  },
  optionNotHere: {
    zh: '选项 {option} 不能用于 {command} 命令，请运行 assess --help 查看用法',
    en: 'option {option} cannot be used with the {command} command; run assess --help for usage',
  },
  notFound: {
    zh: '找不到文件，请检查路径和文件名',
    en: 'file not found; check the path and the file name',
  },
  notAFile: {
    zh: '这是一个文件夹而不是文件，请指定 .xlsx 工作簿',
    en: 'this is a folder, not a file; name an .xlsx workbook',
  },
  outIsInput: {
    zh: '输出文件与输入文件相同，输入文件不会被修改：请用 --out 指定另一个文件',
    en: 'the output file is the input file, which is never modified; choose another file with --out',
  },
  outExtension: {
    zh: '输出文件须与输入文件同为 {ext} 工作簿（启用宏的 .xlsm 工作簿保留其中的宏，Excel不会打开改名为另一种扩展名的文件）：请用 --out 指定以 {ext} 结尾的文件名',
    en: 'the output must be an {ext} workbook like the input (a macro-enabled .xlsm keeps its macros, and Excel does not open one renamed to the other extension); choose a file name ending in {ext} with --out',
  },
  templateExists: {
    zh: '文件已存在，未覆盖：请换一个文件名，或加 --force 覆盖',
    en: 'the file already exists and was not overwritten; choose another name or add --force',
  },
  cannotWrite: {
    zh: '无法写入文件（{reason}），请检查文件夹是否存在、是否有写权限、文件是否已在Excel中打开',
    en: 'cannot write the file ({reason}); check that the folder exists, that you may write to it and that the file is not open in Excel',
  },
  demoMissing: {
    zh: '找不到示例工作簿，请先运行 npm run build:cli，并确认 assets/sample.xlsx 存在',
    en: 'the sample workbook is missing; run npm run build:cli and check that assets/sample.xlsx exists',
  },
  unexpected: {
    zh: '意外错误：{reason}。输入文件未被修改；请把此信息和工作簿发给维护人员',
    en: 'unexpected error: {reason}. The input file was not modified; send this message and the workbook to the maintainers',
  },
} satisfies Record<string, Msg>;

export const CLI_CODES = errorCodes('cli', CLI_ERR);

/** The file host's refusals (defence in depth: the renderer already avoids these). */
export const HOST_ERR = {
  foreignSheet: {
    zh: '工作表“{sheet}”不是考评助手创建的，不能覆盖或删除；请重命名该工作表后重新考评',
    en: 'sheet “{sheet}” was not created by the assessment add-in and cannot be overwritten or deleted; rename it and run again',
  },
} satisfies Record<string, Msg>;

export const HOST_CODES = errorCodes('host', HOST_ERR);

export const PROGRESS: Record<'read' | 'parse' | 'assess' | 'render' | 'write' | 'save', Msg> = {
  read: { zh: '正在读取工作簿…', en: 'Reading the workbook…' },
  parse: { zh: '正在识别评分表…', en: 'Reading the score sheets…' },
  assess: { zh: '正在评定…', en: 'Assessing…' },
  render: { zh: '正在生成结果表…', en: 'Laying out the results…' },
  write: { zh: '正在写入结果…', en: 'Writing the results…' },
  save: { zh: '正在保存文件…', en: 'Saving the file…' },
};

export const PROGRESS_DONE: Msg = { zh: '{step}完成（{seconds}秒）', en: '{step} done ({seconds} s)' };
export const PROGRESS_ROWS: Msg = {
  zh: '工作簿较大（各工作表共{rows}行），请稍候',
  en: 'large workbook ({rows} rows in its sheets); please wait',
};

export const SUMMARY = {
  assessed: { zh: '已考评：{file}', en: 'Assessed: {file}' },
  latest: { zh: '{period}：{bands}', en: '{period}: {bands}' },
  bandCount: { zh: '{band}{n}个', en: '{band} {n}' },
  noGraded: { zh: '没有已评定的考评', en: 'no graded assessments' },
  counts: {
    zh: '考评记录{rows}条；预警{warnings}条（逾期未整改{overdue}条，待整改{open}条，已销号待下次考评检验{closed}条）；数据问题{issues}个',
    en: '{rows} records; {warnings} warnings ({overdue} overdue, {open} open, {closed} closed and to be checked at the next assessment); {issues} data issues',
  },
  wrote: { zh: '结果已写入：{file}', en: 'Results written to: {file}' },
  wroteJson: { zh: 'JSON报告已写入：{file}', en: 'JSON report written to: {file}' },
  template: { zh: '空白评分模板已写入：{file}', en: 'Blank score template written to: {file}' },
  demoDir: { zh: '示例输出目录：{dir}', en: 'Demo output folder: {dir}' },
} satisfies Record<string, Msg>;

/** Data-validation prompt for score cells of the template (both languages: the patch carries no language). */
export const VALIDATION: Record<'title' | 'error', Msg> = {
  title: { zh: '得分无效', en: 'Invalid score' },
  error: {
    zh: '请填写{min}至{max}之间的数，最多{decimals}位小数',
    en: 'Enter a number from {min} to {max}, at most {decimals} decimals',
  },
};
