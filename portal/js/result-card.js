/** Result cards, shared by the search list and the profile's disclosure list. */
import { h, append, highlighted } from './dom.js';
import { externalLink } from './links.js';
import { KINDS } from './labels.js';
import { formatDate, formatNumber, formatWan, isPresent } from './format.js';
import { domainBadge, statusBadge, aqiChip, okFlag, badFlag } from './badges.js';

/** One result. `ownUscc`: the profile it is listed in, whose own name needs no link. */
export function resultCard(node, term, ownUscc) {
  const source = externalLink(node.sourceUrl, '查看来源', '查看来源：' + node.title + '（新窗口）');
  const subject = node.subject && node.subject.uscc !== ownUscc ? node.subject : null;
  const meta = h(
    'dl',
    { class: 'card-meta' },
    node.publisher ? h('div', null, h('dt', null, '发布机关'), h('dd', { class: 'publisher' }, node.publisher)) : null,
    h('div', null, h('dt', null, '日期'), h('dd', null, h('time', { datetime: node.publishedAt }, formatDate(node.publishedAt)))),
    subject ? h('div', null, h('dt', null, '相对人'), h('dd', null, subjectLink(subject))) : null,
  );
  return h(
    'li',
    { class: 'card', dataset: { id: node.id, domain: node.domain } },
    h('div', { class: 'card-tags' }, domainBadge(node.domain), h('span', { class: 'kind' }, KINDS[node.kind] || node.kind), statusBadge(node.status)),
    h('h3', { class: 'card-title' }, highlighted(node.title, term)),
    cardFacts(node),
    meta,
    source ? h('p', { class: 'card-links' }, source) : null,
  );
}

/**
 * The subject's name, linking to its profile. The href works in a new tab too; a plain click
 * opens the profile in place (enterprise-profile.js listens for clicks on .subject-link).
 */
function subjectLink(subject) {
  return h(
    'a',
    { href: '#uscc=' + encodeURIComponent(subject.uscc), class: 'subject-link', dataset: { uscc: subject.uscc } },
    subject.name || subject.uscc,
  );
}

/** One line of domain facts under the title, when the type has any worth showing. */
function cardFacts(node) {
  const facts = factsOf(node);
  if (!facts.length) return null;
  const line = h('p', { class: 'card-facts' });
  facts.forEach((fact, i) => {
    if (i) append(line, h('span', { class: 'sep', 'aria-hidden': 'true' }, ' · '));
    append(line, fact);
  });
  return line;
}

function factsOf(node) {
  const facts = [];
  switch (node.__typename) {
    case 'AdministrativePenalty':
      if (isPresent(node.fine)) facts.push('罚款 ' + formatWan(node.fine));
      break;
    case 'TradingNotice':
      if (node.noticeType) facts.push(node.noticeType.name);
      if (node.tradeType) facts.push(node.tradeType.name);
      break;
    case 'PppProject':
      if (node.stage) facts.push('阶段：' + node.stage.name);
      if (isPresent(node.totalInvestment)) facts.push('总投资 ' + formatWan(node.totalInvestment));
      break;
    case 'AirQualityReport':
    case 'AirQualityDailyReport':
      if (node.aqi) facts.push(aqiChip(node.aqi));
      break;
    case 'EmissionResult':
      facts.push(node.exceeds ? badFlag('超标 ' + formatNumber(node.exceedanceMultiple, 2) + ' 倍') : okFlag('达标'));
      break;
    case 'WaterQualityReport':
      facts.push('水质 ' + node.class + ' 类（目标 ' + node.targetClass + ' 类）');
      facts.push(node.meetsTarget ? okFlag('达标') : badFlag('未达标'));
      break;
    case 'PollutionWarning':
      facts.push(node.actionText + ' ' + node.colour + '预警');
      break;
  }
  return facts;
}
