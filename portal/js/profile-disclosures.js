/** A profile's 近期公开信息: its disclosures, filtered by the domains it has any in. */
import { h, append } from './dom.js';
import { gql } from './api-client.js';
import { ENTITY_DISCLOSURES_QUERY } from './queries.js';
import { PAGE_SIZE } from './settings.js';
import { DOMAINS, DOMAIN_ORDER } from './labels.js';
import { formatNumber } from './format.js';
import { PagedList } from './paged-list.js';
import { whenDomainChosen } from './domain-filters.js';
import { profileSection } from './profile-blocks.js';

/** `counts`: disclosures by domain, for which filter buttons to offer. */
export function recentDisclosures(entity, counts) {
  const section = profileSection('近期公开信息', 'disclosures');
  const filters = domainFilters(counts);
  const error = h('div', { class: 'notice notice-error', role: 'alert', hidden: true });
  const status = h('p', { class: 'list-status', role: 'status', 'aria-live': 'polite', id: 'profile-status' });
  const list = h('ol', { class: 'results', id: 'profile-results' });
  const more = h('button', { type: 'button', class: 'more', hidden: true }, '加载更多');
  append(section, [filters, error, status, list, more]);

  const code = entity.uscc;
  let domain = '';
  const disclosures = new PagedList({
    list,
    status,
    error,
    more,
    ownUscc: code,
    fetchPage: (after) => {
      const variables = { uscc: code, first: PAGE_SIZE, after, filter: domain ? { domain } : null };
      return gql(ENTITY_DISCLOSURES_QUERY, variables).then((data) => data.entity && data.entity.disclosures);
    },
    describe: (total, shown) => (total ? '共 ' + formatNumber(total, 0) + ' 条，已显示 ' + shown + ' 条。' : '暂无公开信息。'),
  });
  // The first page came with the profile.
  disclosures.showFirstPage(entity.disclosures);
  whenDomainChosen(filters, (chosen) => {
    domain = chosen;
    disclosures.load('');
  });
  return section;
}

function domainFilters(counts) {
  const filters = h('div', { class: 'filters', role: 'group', 'aria-label': '按领域筛选该企业的公开信息', id: 'profile-filters' });
  append(filters, h('button', { type: 'button', 'data-domain': '', 'aria-pressed': 'true' }, '全部'));
  DOMAIN_ORDER.forEach((domain) => {
    if (counts[domain]) append(filters, h('button', { type: 'button', 'data-domain': domain, 'aria-pressed': 'false' }, DOMAINS[domain]));
  });
  return filters;
}
