/** 信息检索: keyword search over titles and texts, with a domain filter; a code typed in opens that enterprise. */
import { $ } from './dom.js';
import { gql } from './api-client.js';
import { SEARCH_QUERY } from './queries.js';
import { PAGE_SIZE } from './settings.js';
import { DOMAINS } from './labels.js';
import { formatNumber } from './format.js';
import { PagedList } from './paged-list.js';
import { whenDomainChosen } from './domain-filters.js';
import { looksLikeUscc } from './uscc.js';
import { openEnterprise } from './enterprise-profile.js';

/** Wires the form and the filters, and lists the newest disclosures. */
export function startSearch() {
  const search = { term: '', domain: '' };
  const results = new PagedList({
    list: $('search-results'),
    status: $('search-status'),
    error: $('search-error'),
    more: $('search-more'),
    fetchPage: (after) => {
      const variables = { first: PAGE_SIZE, after, search: search.term || null, filter: search.domain ? { domain: search.domain } : null };
      return gql(SEARCH_QUERY, variables).then((data) => data.disclosures);
    },
    describe: (total, shown) => describeResults(search, total, shown),
  });
  const run = () => results.load(search.term);

  $('search-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const typed = keyword();
    // A unified social credit code is not searched as words: it is the enterprise's own page.
    if (looksLikeUscc(typed)) {
      $('search-status').textContent = '“' + typed + '”是统一社会信用代码，已在“企业信用档案”中查询该企业。';
      openEnterprise(typed, { push: true, focus: true });
      return;
    }
    search.term = typed;
    run();
  });
  whenDomainChosen($('search-filters'), (domain) => {
    search.domain = domain;
    // The keyword in the box counts, even if the user changed it without pressing 搜索.
    search.term = keyword();
    run();
  });
  run();
}

function keyword() {
  return $('search-input').value.trim();
}

function describeResults({ term, domain }, total, shown) {
  const inDomain = domain ? DOMAINS[domain] + '领域' : '';
  if (!total) return term ? '未找到' + inDomain + '与“' + term + '”相关的公开信息。' : '暂无公开信息。';
  const scope = inDomain + (term ? '“' + term + '”的' : '');
  return (scope ? scope + '检索结果' : '最新公开信息') + '：共 ' + formatNumber(total, 0) + ' 条，已显示 ' + shown + ' 条。';
}
