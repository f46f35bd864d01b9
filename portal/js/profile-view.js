/** An enterprise's profile, section by section, from the PortalProfile query's `entity`. */
import { h, append } from './dom.js';
import { externalLink } from './links.js';
import { CORE_DOMAINS, DOMAIN_ORDER, PPP_ROLES } from './labels.js';
import { formatChinaTime, formatDate, formatNumber, formatWan, isPresent } from './format.js';
import { domainBadge, okFlag, badFlag } from './badges.js';
import { profileSection, none, table } from './profile-blocks.js';
import { recentDisclosures } from './profile-disclosures.js';
import { checkVerdict, divisionText, registrationText } from './uscc-check-view.js';

/** `check`: the API's usccCheck of the code, which says why a flagged code fails. */
export function renderProfile(article, entity, check) {
  const counts = {};
  (entity.disclosureCounts || []).forEach((c) => { counts[c.domain] = c.count; });
  append(article, [
    identity(entity, check),
    domainCounts(counts),
    creditSummary(entity.creditSummary),
    tradingAwards(entity.tradingAwards),
    pppRoles(entity.pppRoles),
    emissionExceedances(entity.emissionExceedances),
    recentDisclosures(entity, counts),
  ]);
}

function identity(entity, check) {
  const registration = check ? registrationText(check) : null;
  const division = check ? divisionText(check) : null;
  const chinaLink = externalLink(entity.creditChinaUrl, '在“信用中国”查看', '在信用中国网站查看' + entity.name + '的信用信息（新窗口）');
  if (chinaLink) chinaLink.className = 'credit-china-link';
  return h(
    'header',
    { class: 'profile-head' },
    h('h3', { id: 'profile-name', tabindex: '-1' }, entity.name),
    entity.names && entity.names.length > 1 ? h('p', { class: 'former-names' }, '曾用名：' + entity.names.slice(1).join('、')) : null,
    h(
      'dl',
      { class: 'facts' },
      h('dt', null, '统一社会信用代码'),
      h('dd', null, h('code', { class: 'uscc' }, entity.uscc)),
      h('dt', null, '代码校验'),
      h(
        'dd',
        { id: 'profile-check' },
        check
          ? checkVerdict(check)
          : entity.usccValid
            ? okFlag('校验通过（GB 32100-2015）', { valid: 'true' })
            : badFlag('校验未通过' + (entity.usccReason ? '：' + entity.usccReason : ''), { valid: 'false' }),
      ),
      registration ? [h('dt', null, '登记管理部门'), h('dd', null, registration)] : null,
      division ? [h('dt', null, '登记地'), h('dd', { id: 'profile-division' }, division)] : null,
      h('dt', null, '信用中国'),
      h('dd', null, chinaLink || '—'),
    ),
  );
}

function domainCounts(counts) {
  const list = h('ul', { class: 'domain-counts' });
  DOMAIN_ORDER.filter((domain) => CORE_DOMAINS.includes(domain) || counts[domain]).forEach((domain) => {
    append(list, h('li', { dataset: { domain } }, domainBadge(domain), h('span', { class: 'count' }, formatNumber(counts[domain] || 0, 0)), ' 条'));
  });
  return h('section', { class: 'profile-section', 'aria-labelledby': 'profile-counts-title' }, h('h4', { id: 'profile-counts-title' }, '各领域公开信息'), list);
}

function creditSummary(credit) {
  const abnormal = credit.currentAbnormalListing;
  const serious = credit.seriousViolationListing;
  const section = profileSection('信用概况', 'credit');
  append(
    section,
    h(
      'dl',
      { class: 'facts' },
      h('dt', null, '行政处罚'),
      h(
        'dd',
        { id: 'profile-penalties' },
        credit.penaltyCount + ' 次，罚款合计 ' + formatWan(credit.penaltyTotalFine) + (credit.latestPenaltyAt ? '（最近一次 ' + formatDate(credit.latestPenaltyAt) + '）' : ''),
      ),
      h('dt', null, '行政许可'),
      h('dd', null, credit.licenceCount + ' 项'),
      h('dt', null, '经营异常名录'),
      h(
        'dd',
        null,
        abnormal ? [badFlag('当前列入'), ' ', listingText(abnormal)] : okFlag('当前未列入'),
        credit.abnormalListingCount ? h('span', { class: 'muted' }, '（累计列入 ' + credit.abnormalListingCount + ' 次）') : null,
      ),
      h('dt', null, '严重违法失信名单'),
      h(
        'dd',
        null,
        credit.seriousViolationListed ? [badFlag('已列入'), ' ', serious ? listingText(serious) : null] : okFlag('未列入'),
      ),
    ),
  );
  return section;
}

/** When, by whom and why a listing was made; the disclosure's date when the listing has none. */
function listingText(listing) {
  const l = listing.listing;
  const parts = [l && l.date ? l.date : formatDate(listing.publishedAt)];
  if (l && l.authority) parts.push(l.authority);
  if (l && l.reason) parts.push('原因：' + l.reason);
  return h('span', null, parts.join('，'));
}

function tradingAwards(awards) {
  const section = profileSection('中标记录', 'awards');
  append(
    section,
    awards.length
      ? table(
          '中标记录',
          ['项目', '项目编号', '中标金额', '公告日期'],
          awards.map((a) => {
            const link = externalLink(a.notice.sourceUrl, a.projectName || a.notice.title);
            return [link || a.projectName || a.notice.title, a.projectCode || '—', formatWan(a.amount), formatDate(a.awardedAt)];
          }),
          [0],
        )
      : none('暂无中标记录。'),
  );
  return section;
}

function pppRoles(roles) {
  const section = profileSection('参与的PPP项目', 'ppp');
  append(section, roles.length ? h('ul', { class: 'plain-list' }, roles.map(pppRole)) : none('暂无参与的PPP项目。'));
  return section;
}

function pppRole({ role, project }) {
  return h(
    'li',
    null,
    h('span', { class: 'role' }, PPP_ROLES[role] || role),
    ' ',
    externalLink(project.sourceUrl, project.title) || project.title,
    project.stage || project.totalInvestment !== undefined ? h('span', { class: 'muted' }, '（' + projectFacts(project).join('，') + '）') : null,
  );
}

function projectFacts(project) {
  return [
    project.stage ? project.stage.name + '阶段' : null,
    isPresent(project.totalInvestment) ? '总投资 ' + formatWan(project.totalInvestment) : null,
  ].filter(Boolean);
}

function emissionExceedances(exceedances) {
  const section = profileSection('超标排放记录', 'emissions');
  const shown = exceedances.edges.length;
  append(
    section,
    exceedances.totalCount
      ? [
          table('超标排放记录', ['监测时间', '排放口 · 污染物', '浓度 / 限值', '超标倍数'], exceedances.edges.map((edge) => exceedanceRow(edge.node)), [1]),
          exceedances.totalCount > shown ? h('p', { class: 'muted' }, '共 ' + exceedances.totalCount + ' 条，显示最近 ' + shown + ' 条。') : null,
        ]
      : none('暂无超标排放记录。'),
  );
  return section;
}

function exceedanceRow(e) {
  return [
    formatChinaTime(e.monitoredAt) || formatDate(e.publishedAt),
    [e.outlet ? e.outlet.code + ' ' + e.outlet.name : null, e.pollutant].filter(Boolean).join(' · ') || '—',
    e.concentration && e.limit ? formatNumber(e.concentration.value, 3) + ' / ' + formatNumber(e.limit.value, 3) + ' ' + e.limit.unit : '—',
    isPresent(e.exceedanceMultiple) ? formatNumber(e.exceedanceMultiple, 2) + ' 倍' : '—',
  ];
}
