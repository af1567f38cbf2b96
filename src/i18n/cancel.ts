/**
 * Catalogue: 取消 — the same button and words in the task pane (./pane) and the workbook page (./page). Kept
 * apart so that each page's first script carries only these three, not the other's whole catalogue.
 */
export const CANCEL = {
  cancel: { zh: '取消', en: 'Cancel' },
  cancelTitle: { zh: '停止这次考评，工作簿保持原样', en: 'Stop this assessment and keep the workbook as it was' },
  cancelled: { zh: '已取消考评，工作簿没有任何改动。', en: 'Assessment canceled. The workbook was not changed.' },
};
