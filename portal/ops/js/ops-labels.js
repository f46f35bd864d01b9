/** The Chinese names the operations view shows for run states and triggers; unknown ones show as sent. */

export const RUN_STATUS = {
  ok: '成功',
  partial: '部分隔离',
  failed: '失败',
  running: '运行中',
};

export const TRIGGERS = {
  manual: '手动',
  schedule: '定时',
  startup: '启动',
  api: '接口',
  replay: '重放',
  reconcile: '核对',
};

export function runStatusLabel(status) {
  return RUN_STATUS[status] || status;
}

export function triggerLabel(trigger) {
  return TRIGGERS[trigger] || trigger;
}
