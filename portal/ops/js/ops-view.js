/**
 * The operations view: with a token, everything in one request to the admin API, drawn as the
 * overview, the run charts and the stream cards. Without one, or with one the hub refuses, only
 * the token form and the hub's own reason are shown; nothing is drawn from a refused answer.
 */
import { $, showError, hideError } from '../../js/dom.js';
import { messageOf } from '../../js/api-client.js';
import { adminGql, isRefusal } from './admin-api.js';
import { storedToken, keepToken, forgetToken } from './admin-token.js';
import { askForToken } from './token-gate.js';
import { OPERATIONS_QUERY } from './ops-queries.js';
import { HISTORY_DAYS, LAST_RUNS } from './ops-settings.js';
import { showOverview } from './overview.js';
import { showRunHistory } from './run-history.js';
import { showStreamCards } from './stream-cards.js';

export function startOpsView() {
  $('ops-forget').onclick = () => {
    forgetToken();
    lockView('令牌已清除。');
  };
  $('ops-refresh').onclick = () => load(storedToken());
  const token = storedToken();
  if (token) load(token);
  else lockView('请输入管理员令牌以查看运维数据。');
}

function load(token) {
  const view = $('ops-view');
  view.setAttribute('aria-busy', 'true');
  $('ops-status').textContent = '正在加载运维数据……';
  return adminGql(token, OPERATIONS_QUERY, { days: HISTORY_DAYS, lastRuns: LAST_RUNS })
    .then((data) => {
      keepToken(token);
      draw(data.operations, Date.now());
    })
    .catch((error) => {
      if (isRefusal(error)) {
        forgetToken();
        lockView('', '管理接口拒绝了该令牌：' + error.message.replace(/^查询失败：/, ''));
      } else {
        $('ops-status').textContent = '';
        showError($('ops-error'), messageOf(error));
      }
    })
    .finally(() => view.removeAttribute('aria-busy'));
}

function draw(operations, now) {
  hideError($('ops-error'));
  showOverview(operations);
  showRunHistory(operations.runHistory, operations.streams.map((s) => s.feed.name), now);
  showStreamCards(operations.streams, now);
  $('ops-status').textContent = '数据更新于 ' + new Date(now).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hourCycle: 'h23' }) + '（北京时间）。';
  $('ops-session').hidden = false;
  const view = $('ops-view');
  view.hidden = false;
  view.dataset.loaded = 'true';
}

/** Hides every drawn figure and asks for a token; `refusal` is the hub's reason, when it gave one. */
function lockView(status, refusal) {
  const view = $('ops-view');
  view.hidden = true;
  delete view.dataset.loaded;
  $('ops-session').hidden = true;
  $('ops-status').textContent = status;
  if (refusal) showError($('ops-error'), refusal);
  else hideError($('ops-error'));
  askForToken((token) => load(token));
}
