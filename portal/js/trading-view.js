/**
 * 公共资源交易项目: contracting processes, latest activity first, searchable by name or code and
 * filterable by stage; one opens in place (#process=<ref>, process-ref.js) from its tender to its
 * award. Each lot of a divided project is a process of its own, with a card and a link of its own.
 */
import { $, h, clear, showError, hideError } from './dom.js';
import { gql, messageOf } from './api-client.js';
import { PROCESSES_QUERY, PROCESS_QUERY } from './queries.js';
import { DETAIL_LIST_SIZE } from './settings.js';
import { TRADING_STAGES } from './labels.js';
import { formatDate, formatNumber } from './format.js';
import { PagedList } from './paged-list.js';
import { openInPlace, detailFromHash } from './detail-links.js';
import { renderProcess } from './trading-process.js';
import { processRef, parseProcessRef, lotText } from './process-ref.js';

const HASH = '#process=';
const opened = { ref: null, generation: 0 };

export function startTrading() {
  const filter = { search: '', stage: '' };
  const processes = new PagedList({
    list: $('trading-results'),
    status: $('trading-status'),
    error: $('trading-error'),
    more: $('trading-more'),
    renderItem: processCard,
    fetchPage: (after) =>
      gql(PROCESSES_QUERY, { first: DETAIL_LIST_SIZE, after, search: filter.search || null, stage: filter.stage || null }).then((data) => data.tradingProcesses),
    describe: (total, shown) =>
      total ? (filter.search || filter.stage ? '符合条件的交易项目' : '最近有公告的交易项目') + '：共 ' + formatNumber(total, 0) + ' 个，已显示 ' + shown + ' 个。' : '没有符合条件的交易项目。',
  });
  $('trading-form').addEventListener('submit', (event) => {
    event.preventDefault();
    filter.search = $('trading-input').value.trim();
    filter.stage = $('trading-stage').value;
    processes.load('');
  });
  $('trading-stage').addEventListener('change', () => {
    filter.search = $('trading-input').value.trim();
    filter.stage = $('trading-stage').value;
    processes.load('');
  });
  openInPlace('a.process-link', HASH, (ref) => openProcess(ref, true));
  detailFromHash(HASH, (ref) => (ref === opened.ref ? null : openProcess(ref, true)));
  return processes.load('');
}

function processCard(p) {
  const ref = processRef(p);
  return h(
    'li',
    { class: 'card process-card', dataset: { code: p.projectCode, lot: p.lotCode || '', stage: p.stage } },
    h(
      'div',
      { class: 'card-tags' },
      h('span', { class: 'kind' }, p.tradeType.name),
      h('span', { class: 'stage stage-' + p.stage.toLowerCase() }, TRADING_STAGES[p.stage] || p.stage),
      p.amended ? h('span', { class: 'status status-amended' }, '有更正') : null,
    ),
    h('h3', { class: 'card-title' }, h('a', { class: 'process-link', href: HASH + encodeURIComponent(ref), dataset: { ref } }, p.projectName)),
    h(
      'dl',
      { class: 'card-meta' },
      h('div', null, h('dt', null, '项目编号'), h('dd', null, p.projectCode)),
      p.lotCode ? h('div', null, h('dt', null, '标段(包)'), h('dd', null, lotText(p))) : null,
      p.buyer ? h('div', null, h('dt', null, '采购人/招标人'), h('dd', null, p.buyer.name)) : null,
      h('div', null, h('dt', null, '公告'), h('dd', null, p.noticeCount + ' 条，最近 ' + formatDate(p.lastNoticeAt))),
    ),
  );
}

/** Loads one process into the article below the list. */
function openProcess(ref, focus) {
  const generation = ++opened.generation;
  const article = $('process');
  const status = $('process-status');
  const process = parseProcessRef(ref);
  const named = process ? '项目编号 ' + process.code + (process.lot ? '、标段 ' + process.lot : '') : ref;
  opened.ref = ref;
  hideError($('process-error'));
  status.textContent = '正在加载交易项目（' + named + '）……';
  article.setAttribute('aria-busy', 'true');
  const loading = process ? gql(PROCESS_QUERY, { code: process.code, lot: process.lot }) : Promise.resolve({ tradingProcess: null });
  return loading
    .then((data) => {
      if (generation !== opened.generation) return;
      status.textContent = '';
      clear(article);
      if (!data.tradingProcess) {
        article.hidden = true;
        opened.ref = null;
        showError($('process-error'), '未找到交易项目（' + named + '）。');
        return;
      }
      renderProcess(article, data.tradingProcess);
      article.hidden = false;
      if (focus) {
        article.scrollIntoView({ block: 'start' });
        $('process-title').focus({ preventScroll: true });
      }
    })
    .catch((error) => {
      if (generation !== opened.generation) return;
      status.textContent = '';
      article.hidden = true;
      opened.ref = null;
      showError($('process-error'), messageOf(error));
    })
    .then(() => {
      if (generation === opened.generation) article.removeAttribute('aria-busy');
    });
}
