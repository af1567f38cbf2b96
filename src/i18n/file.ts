/**
 * Catalogue: why a workbook file cannot be read or written (AssessError kind 'file'). The file is the
 * error's `where` (shown before the message); `{part}` is the package part concerned, `{limit}` the limit
 * that was reached. Each message says what to do.
 */
import type { Msg } from './index';
import { errorCodes } from './errors';


/** Why a package cannot be read: the codes of the file host's PackageError, each with its message below. */
export type PackageErrorCode =
  | 'not_zip'
  | 'encrypted_entry'
  | 'duplicate_part'
  | 'bad_crc'
  | 'bad_data'
  | 'unsupported_method'
  | 'part_too_large'
  | 'package_too_large'
  | 'missing_part'
  | 'bad_xml'
  | 'too_many_cells'
  | 'too_many_rows'
  | 'word_document'
  | 'powerpoint_document';

/** A part whose data is damaged: its checksum does not match, or it cannot be inflated. */
const DAMAGED_PART: Msg = {
  zh: '文件已损坏：部件“{part}”的数据不完整或被改动，无法读取。请重新获取原文件，或在Excel中打开修复后另存再试',
  en: 'the file is damaged: the data of the part “{part}” is incomplete or altered and cannot be read. Get the original file again, or let Excel repair it, save it and try again',
};

export const PACKAGE_MSG: Record<PackageErrorCode, Msg> = {
  not_zip: {
    zh: '不是Excel工作簿（.xlsx），或文件已损坏：无法作为工作簿文件包读取。请在Excel或WPS中打开，另存为“Excel工作簿(*.xlsx)”后再试',
    en: 'not an Excel workbook (.xlsx), or the file is damaged: it cannot be read as a workbook package. Open it in Excel or WPS, save it as “Excel Workbook (*.xlsx)” and try again',
  },
  encrypted_entry: {
    zh: '文件中的部件“{part}”已加密，无法读取。请在Excel中打开，取消密码后另存为.xlsx再试',
    en: 'the part “{part}” of the file is encrypted and cannot be read. Open the file in Excel, remove the password, save it as .xlsx and try again',
  },
  duplicate_part: {
    zh: '文件已损坏：部件“{part}”在文件中出现了两次，无法确定应使用哪一份。请在Excel中打开并另存为新文件后再试',
    en: 'the file is damaged: the part “{part}” appears twice, so which one counts is ambiguous. Open it in Excel, save it as a new file and try again',
  },
  // One wording for both: the same damaged bytes fail as a checksum mismatch when inflated by node:zlib
  // and as undecodable data when inflated by a browser's stricter DecompressionStream (issue 17).
  bad_crc: DAMAGED_PART,
  bad_data: DAMAGED_PART,
  unsupported_method: {
    zh: '部件“{part}”使用了Excel不用的压缩方式，无法读取。请在Excel或WPS中打开并另存为.xlsx后再试',
    en: 'the part “{part}” uses a compression method Excel does not use and cannot be read. Open the file in Excel or WPS, save it as .xlsx and try again',
  },
  part_too_large: {
    zh: '部件“{part}”解压后超过{limit}的上限，未予处理（这样大的工作表多半是异常文件）。请删除无关的数据，或把评分表复制到新工作簿后再试',
    en: 'the part “{part}” exceeds the limit of {limit} once unpacked and was not processed (a sheet that large is most likely abnormal). Delete unrelated data, or copy the score sheet into a new workbook, and try again',
  },
  package_too_large: {
    zh: '文件解压后超过{limit}的上限，未予处理。请删除无关的工作表、图片等内容，或把评分表复制到新工作簿后再试',
    en: 'the file exceeds the limit of {limit} once unpacked and was not processed. Delete unrelated sheets, pictures and the like, or copy the score sheet into a new workbook, and try again',
  },
  missing_part: {
    zh: '文件不完整：缺少部件“{part}”。请在Excel中打开并另存为.xlsx后再试',
    en: 'the file is incomplete: the part “{part}” is missing. Open it in Excel, save it as .xlsx and try again',
  },
  bad_xml: {
    // The parser's detail is English: the Chinese message leaves it out.
    zh: '文件已损坏：部件“{part}”不是有效的XML。请在Excel中打开修复后另存再试',
    en: 'the file is damaged: the part “{part}” is not valid XML ({detail}). Let Excel repair it, save it and try again',
  },
  too_many_cells: {
    zh: '工作表中的单元格超过{limit}个的上限，未予处理。请删除无关的工作表或大片空白格式区域，或把评分表复制到新工作簿后再试',
    en: 'the sheets hold more than the limit of {limit} cells and were not processed. Delete unrelated sheets or large formatted blank areas, or copy the score sheet into a new workbook, and try again',
  },
  too_many_rows: {
    zh: '部件“{part}”的行号超过Excel的上限{limit}行，文件已损坏。请在Excel中打开修复后另存再试',
    en: 'the part “{part}” has rows beyond Excel’s limit of {limit} rows: the file is damaged. Let Excel repair it, save it and try again',
  },
  // A Word or PowerPoint file renamed .xlsx (or picked by mistake): an Office package, not a damaged one.
  word_document: {
    zh: '这是Word文档（.docx），不是Excel工作簿：请选择.xlsx文件',
    en: 'this is a Word document (.docx), not an Excel workbook: choose an .xlsx file',
  },
  powerpoint_document: {
    zh: '这是PowerPoint演示文稿（.pptx），不是Excel工作簿：请选择.xlsx文件',
    en: 'this is a PowerPoint presentation (.pptx), not an Excel workbook: choose an .xlsx file',
  },
};

export const PACKAGE_CODES = errorCodes('package', PACKAGE_MSG);

export const FILE_ERR = {
  encrypted: {
    zh: '工作簿设有打开密码（文件已加密），无法读取。请在Excel中打开，在“文件→信息→保护工作簿→用密码进行加密”中删除密码并保存后再试',
    en: 'the workbook has an open password (the file is encrypted) and cannot be read. Open it in Excel, remove the password under File → Info → Protect Workbook → Encrypt with Password, save it and try again',
  },
  noWorksheets: {
    zh: '工作簿中没有工作表。请在Excel中打开并另存为.xlsx后再试',
    en: 'the workbook has no worksheets. Open it in Excel, save it as .xlsx and try again',
  },
  structureLocked: {
    zh: '工作簿的结构受保护，无法添加结果表，工作簿未作改动。请在Excel“审阅→保护工作簿”中取消保护后再考评',
    en: 'the workbook’s structure is protected, so the result sheets cannot be added; the workbook was not changed. Unprotect it under Review → Protect Workbook in Excel and run again',
  },
  metaSheetTaken: {
    zh: '工作簿中已有名为“{sheet}”的工作表，但它不是考评助手创建的（考评助手用这个名称记录考评情况）。请重命名该表后再考评',
    en: 'the workbook already has a sheet named “{sheet}” that the assessment add-in did not create (the add-in keeps its run record under that name). Rename that sheet and run again',
  },
  diskFull: {
    zh: '磁盘空间不足，无法写入（{reason}），未留下不完整的文件。请清理磁盘空间，或用 --out 写到其他位置',
    en: 'not enough disk space to write the file ({reason}); no partial file was left. Free some space, or write elsewhere with --out',
  },
  notRegularFile: {
    zh: '这不是普通文件（设备、管道或其他特殊文件），不能用作输出。请指定一个普通的文件路径',
    en: 'this is not a regular file (a device, a pipe or another special file) and cannot be an output. Name an ordinary file path',
  },
  jsonIsOut: {
    zh: '--json 与 --out 指向同一个文件：请为JSON报告另选文件名（或用 --json - 输出到屏幕）',
    en: '--json and --out name the same file: choose another file for the JSON report (or --json - to print it)',
  },
} satisfies Record<string, Msg>;

export const FILE_CODES = errorCodes('file', FILE_ERR);

/** A byte count or a count of cells/rows as a limit in messages: "1 GB", "512 MB", "256 KB", "8,000,000". */
export function limitText(code: PackageErrorCode, limit: number): string {
  if (code === 'part_too_large' || code === 'package_too_large') {
    const [unit, size] = limit >= 1 << 30 ? ['GB', 1 << 30] : limit >= 1 << 20 ? ['MB', 1 << 20] : ['KB', 1 << 10];
    return `${Math.round(limit / (size as number))} ${unit}`;
  }
  return limit.toLocaleString('en-US');
}
