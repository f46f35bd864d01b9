/** One contracting process, from its tender notice to its award and contract (PortalProcess's `tradingProcess`). */
import { h, append } from './dom.js';
import { externalLink } from './links.js';
import { AWARD_STATUS, NOTICE_STAGE, TRADING_STAGES } from './labels.js';
import { formatDate, formatInstant, formatWan, isPresent } from './format.js';
import { profileSection, none } from './profile-blocks.js';
import { lotText } from './process-ref.js';

/** The steps a process moves through; qualification shows only where a process had one. */
const STEPS = ['TENDER', 'QUALIFICATION', 'AWARD', 'CONTRACT', 'IMPLEMENTATION'];

export function renderProcess(article, p) {
  append(article, [head(p), stageSteps(p), noticeTimeline(p), awards(p), contracts(p)]);
  article.dataset.code = p.projectCode;
  article.dataset.lot = p.lotCode || '';
  article.dataset.stage = p.stage;
}

function head(p) {
  const tender = p.notices.map((n) => n.tender && n.tender.value).find(Boolean);
  const award = p.awards.map((a) => a.value).find(Boolean);
  return h(
    'header',
    { class: 'detail-head' },
    h('h3', { id: 'process-title', tabindex: '-1' }, p.projectName),
    h(
      'dl',
      { class: 'facts' },
      h('dt', null, '项目编号'),
      h('dd', null, h('code', null, p.projectCode)),
      p.lotCode ? [h('dt', null, '标段(包)'), h('dd', null, lotText(p))] : null,
      h('dt', null, '交易类型'),
      h('dd', null, p.tradeType.name),
      p.buyer ? [h('dt', null, p.tradeType.procurement ? '采购人/招标人' : '出让人/转让方'), h('dd', null, partyName(p.buyer.name, p.buyer.entity && p.buyer.entity.uscc))] : null,
      h('dt', null, '当前阶段'),
      h('dd', { id: 'process-stage' }, (TRADING_STAGES[p.stage] || p.stage) + (p.amended ? '（有更正）' : '')),
      tender ? [h('dt', null, p.tradeType.procurement ? '预算/控制价' : '起始价'), h('dd', null, formatWan(tender.amountWan))] : null,
      award ? [h('dt', null, '中标/成交金额'), h('dd', null, formatWan(award.amountWan))] : null,
      p.contractValue ? [h('dt', null, '合同金额'), h('dd', null, formatWan(p.contractValue.amountWan))] : null,
      h('dt', null, '公告'),
      h('dd', null, p.noticeCount + ' 条，' + formatDate(p.firstNoticeAt) + ' 至 ' + formatDate(p.lastNoticeAt)),
    ),
  );
}

/** 招标 → 资格审查 → 中标 → 合同 → 履约, each marked reached or not, the current one as the current step. */
function stageSteps(p) {
  const reached = new Set(p.notices.map((n) => NOTICE_STAGE[n.noticeType.type]).filter(Boolean));
  const steps = STEPS.filter((s) => s !== 'QUALIFICATION' || reached.has(s)).concat(p.cancelled ? ['CANCELLED'] : []);
  return h(
    'ol',
    { class: 'stage-steps', 'aria-label': '项目阶段' },
    steps.map((step) =>
      h('li', { dataset: { step, reached: reached.has(step) }, 'aria-current': step === p.stage ? 'step' : null }, TRADING_STAGES[step] || step),
    ),
  );
}

function noticeTimeline(p) {
  const section = profileSection('公告过程', 'notices', 'process-');
  append(section, h('ol', { class: 'timeline process-timeline' }, p.notices.map(noticeItem)));
  return section;
}

function noticeItem(n) {
  const title = externalLink(n.sourceUrl, n.title, n.title + '（来源，新窗口）') || n.title;
  return h(
    'li',
    { class: 'timeline-item', dataset: { id: n.id, type: n.noticeType.type, stage: NOTICE_STAGE[n.noticeType.type] || '' } },
    h('time', { datetime: n.publishedAt }, formatInstant(n.publishedAt)),
    h('span', { class: 'kind' }, n.noticeType.name),
    h('p', { class: 'timeline-title' }, title),
    noticeDetail(n),
  );
}

/** What the notice adds to the process, in a line. */
function noticeDetail(n) {
  const parts = [];
  const t = n.tender;
  if (n.noticeType.type === 'TENDER' && t) {
    if (t.procurementMethodDetails) parts.push(t.procurementMethodDetails);
    if (t.value) parts.push('预算/控制价 ' + formatWan(t.value.amountWan));
    if (t.tenderPeriod && t.tenderPeriod.endDate) parts.push('投标截止 ' + formatInstant(t.tenderPeriod.endDate));
  }
  if (n.amendment && n.amendment.rationale) parts.push('更正原因：' + n.amendment.rationale);
  (n.awards || []).forEach((a) => {
    const names = a.suppliers.map((s) => s.name).join('、');
    if (names) parts.push((a.status === 'pending' ? '中标候选人：' : '中标/成交：') + names + (a.value ? '，' + formatWan(a.value.amountWan) : ''));
  });
  if (n.cancellation) parts.push((n.cancellation.status === 'unsuccessful' ? '废标/流标' : '终止') + (n.cancellation.reason ? '：' + n.cancellation.reason : ''));
  return parts.length ? h('p', { class: 'timeline-detail' }, parts.join('；')) : null;
}

function awards(p) {
  const section = profileSection('中标/成交结果', 'awards', 'process-');
  if (!p.awards.length) {
    append(section, none(p.cancelled ? '项目已终止或废标，没有中标/成交结果。' : '尚未公布中标/成交结果。'));
    return section;
  }
  append(
    section,
    h(
      'ul',
      { class: 'plain-list award-list' },
      p.awards.map((a) =>
        h(
          'li',
          { dataset: { status: a.status } },
          h('strong', null, AWARD_STATUS[a.status] || a.status),
          '：',
          a.suppliers.length ? a.suppliers.map((s, i) => [i ? '、' : '', partyName(s.name, usccOfPartyId(s.id))]) : '—',
          isPresent(a.value) && a.value ? '，' + formatWan(a.value.amountWan) : '',
          a.date ? '（' + formatDate(a.date) + '）' : '',
        ),
      ),
    ),
  );
  return section;
}

function contracts(p) {
  if (!p.contracts.length) return null;
  const section = profileSection('合同与履约', 'contracts', 'process-');
  append(
    section,
    h(
      'ul',
      { class: 'plain-list' },
      p.contracts.map((c) =>
        h(
          'li',
          null,
          '合同 ' + c.id,
          c.value ? '，' + formatWan(c.value.amountWan) : '',
          c.dateSigned ? '，' + formatDate(c.dateSigned) + ' 签订' : '',
          ...((c.implementation && c.implementation.milestones) || []).map((m) => '；' + m.title + (m.status === 'met' ? '已完成' + (m.dateMet ? '（' + formatDate(m.dateMet) + '）' : '') : '未完成')),
        ),
      ),
    ),
  );
  return section;
}

/** An organisation's name, linking to its profile when its code is known. */
function partyName(name, uscc) {
  if (!uscc) return name;
  return h('a', { href: '#uscc=' + encodeURIComponent(uscc), class: 'subject-link', dataset: { uscc } }, name);
}

/** OCDS party ids are CN-USCC-<code> for a valid code. */
function usccOfPartyId(id) {
  return typeof id === 'string' && id.indexOf('CN-USCC-') === 0 ? id.slice('CN-USCC-'.length) : null;
}
