/**
 * 重污染天气预警: the warnings in force, then the latest ones, each with its notices from the issue
 * to the lift (发布 → 调整 → 解除).
 */
import { $, h, clear, showError, hideError } from './dom.js';
import { gql, messageOf } from './api-client.js';
import { WARNINGS_QUERY } from './queries.js';
import { WARNING_ACTIONS, WARNING_LEVELS } from './labels.js';
import { formatChinaTime, formatInstant } from './format.js';
import { colourBadge, okFlag, badFlag } from './badges.js';
import { externalLink } from './links.js';

const NOTICES_ASKED = 40;
/** How many ended warnings are shown beside the ones in force. */
const ENDED_SHOWN = 6;

export function startWarnings() {
  const list = $('warning-list');
  const status = $('warning-status');
  return gql(WARNINGS_QUERY, { first: NOTICES_ASKED })
    .then((data) => {
      hideError($('warning-error'));
      clear(list);
      const active = new Set(data.active.edges.map((edge) => edge.node.episodeNoticeNo));
      const warnings = latestPerWarning(data.recent.edges.map((edge) => edge.node), data.active.edges.map((edge) => edge.node));
      const shown = warnings.filter((w) => active.has(w.episodeNoticeNo)).concat(warnings.filter((w) => !active.has(w.episodeNoticeNo)).slice(0, ENDED_SHOWN));
      shown.forEach((w) => list.appendChild(warningCard(w, active.has(w.episodeNoticeNo))));
      status.textContent = (active.size ? '当前有 ' + active.size + ' 个重污染天气预警生效中。' : '当前没有生效中的重污染天气预警。') + (shown.length > active.size ? '以下另列近期已解除的预警。' : '');
      status.dataset.active = String(active.size);
      list.dataset.loaded = 'true';
    })
    .catch((error) => {
      status.textContent = '';
      showError($('warning-error'), messageOf(error));
    });
}

/** One entry per warning: its latest notice (the lists are newest first); warnings in force first. */
function latestPerWarning(recent, active) {
  const byWarning = new Map();
  active.concat(recent).forEach((notice) => {
    if (notice.episodeNoticeNo && !byWarning.has(notice.episodeNoticeNo)) byWarning.set(notice.episodeNoticeNo, notice);
  });
  return [...byWarning.values()];
}

function warningCard(latest, inForce) {
  const level = WARNING_LEVELS[latest.level] || { name: latest.colour + '预警', colour: '#FFFFFF' };
  const headingId = 'warning-' + latest.id;
  const source = externalLink(latest.sourceUrl, '查看通知原文', '查看通知原文：' + latest.title + '（新窗口）');
  return h(
    'li',
    { class: 'warning-card', dataset: { episode: latest.episodeNoticeNo, active: inForce, level: latest.level }, 'aria-labelledby': headingId },
    h(
      'div',
      { class: 'warning-head' },
      h('h3', { id: headingId }, latest.city ? latest.city.name : latest.title),
      colourBadge(level.name, level.colour, { class: 'warning-level' }),
      inForce ? badFlag('生效中', { state: 'active' }) : okFlag(latest.action === 'LIFT' ? '已解除' : '已结束', { state: 'ended' }),
    ),
    h('p', { class: 'warning-facts' }, facts(latest).join('；')),
    h('ol', { class: 'warning-episode', 'aria-label': '预警过程' }, (latest.episode || [latest]).map(episodeStep)),
    latest.measures && latest.measures.length
      ? h('details', { class: 'warning-measures' }, h('summary', null, '应急措施（' + latest.measures.length + ' 项）'), h('ul', null, latest.measures.map((m) => h('li', null, m))))
      : null,
    source ? h('p', { class: 'card-links' }, source) : null,
  );
}

function facts(w) {
  return [
    w.response,
    w.startTime ? '开始：' + formatChinaTime(w.startTime) : null,
    w.liftTime ? '解除：' + formatChinaTime(w.liftTime) : w.expectedEndTime ? '预计解除：' + formatChinaTime(w.expectedEndTime) : null,
  ].filter(Boolean);
}

function episodeStep(notice) {
  const level = WARNING_LEVELS[notice.level];
  return h(
    'li',
    { dataset: { action: notice.action } },
    h('time', { datetime: notice.publishedAt }, formatInstant(notice.publishedAt)),
    ' ',
    h('strong', null, (WARNING_ACTIONS[notice.action] || notice.action) + (level ? level.name : '')),
    ' ',
    h('span', { class: 'muted' }, notice.noticeNo),
  );
}
