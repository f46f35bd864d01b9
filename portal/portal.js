/*
 * 政务公开信息门户 — the portal's only script. Plain browser JavaScript, no framework, no build step.
 * It talks to the hub's public GraphQL API only (POST graphql, JSON), as any other portal would.
 * Every piece of API data goes into the page as text nodes or checked attributes, never as HTML.
 */
'use strict';

(function () {
  // ------------------------------------------------------------------------------------------
  // Settings and labels
  // ------------------------------------------------------------------------------------------

  /** Relative, so a hub served under a path prefix works too. */
  var API_URL = new URL('graphql', document.baseURI).href;
  var PAGE_SIZE = 20;
  var AIR_REFRESH_MS = 5 * 60 * 1000; // latestAirQuality is cached for 300 s

  var DOMAINS = {
    CREDIT: '信用',
    TRADING: '交易',
    PPP: 'PPP',
    ENVIRONMENT: '环境',
  };
  var DOMAIN_ORDER = ['CREDIT', 'TRADING', 'PPP', 'ENVIRONMENT'];
  var STATUS = { PUBLISHED: '已公开', AMENDED: '已更正', REVOKED: '已撤销' };
  var KINDS = {
    'administrative-penalty': '行政处罚',
    'administrative-licence': '行政许可',
    'abnormal-operation': '经营异常名录',
    'serious-violation': '严重违法失信名单',
    'trading-notice': '交易公告',
    'ppp-project': 'PPP项目',
    'air-quality-hourly': '空气质量实时报',
    'air-quality-daily': '空气质量日报',
    'aqi-forecast': '空气质量预报',
    'pollution-warning': '重污染天气预警',
    'water-quality': '地表水水质',
    'emission-result': '自行监测结果',
  };
  var POLLUTANTS = { so2: 'SO2', no2: 'NO2', pm10: 'PM10', co: 'CO', o3: 'O3', pm25: 'PM2.5' };
  var PPP_ROLES = {
    'implementing-agency': '实施机构',
    partner: '社会资本方',
    'government-equity-representative': '政府出资代表',
  };
  /** HJ 633-2012 表示颜色 by level, the fallback when the API's colour is not #RRGGBB. */
  var AQI_COLOURS = { 1: '#00E400', 2: '#FFFF00', 3: '#FF7E00', 4: '#FF0000', 5: '#99004C', 6: '#7E0023' };

  // ------------------------------------------------------------------------------------------
  // Queries: small selections, pages of 20, well inside the API's depth and cost limits
  // ------------------------------------------------------------------------------------------

  var CARD_FIELDS =
    'fragment Card on Disclosure { __typename id domain kind title publisher publishedAt status sourceUrl subject { uscc name }' +
    ' ... on AdministrativePenalty { fine }' +
    ' ... on TradingNotice { noticeType { name } tradeType { name } }' +
    ' ... on PppProject { stage { name } totalInvestment }' +
    ' ... on AirQualityReport { aqi { aqi level category color } }' +
    ' ... on AirQualityDailyReport { aqi { aqi level category color } }' +
    ' ... on EmissionResult { exceeds exceedanceMultiple }' +
    ' ... on WaterQualityReport { class targetClass meetsTarget }' +
    ' ... on PollutionWarning { actionText colour } }';

  var SEARCH_QUERY =
    'query PortalSearch($first: Int, $after: String, $search: String, $filter: DisclosureFilter) {' +
    ' disclosures(first: $first, after: $after, search: $search, filter: $filter) {' +
    ' totalCount pageInfo { hasNextPage endCursor } edges { node { ...Card } } } } ' +
    CARD_FIELDS;

  var AIR_QUERY =
    'query PortalAir { latestAirQuality { city timePoint stationCount' +
    ' aqi { aqi level category color primaryPollutants healthEffect advice } } }';

  var PROFILE_QUERY =
    'query PortalProfile($uscc: String!, $first: Int) { entity(uscc: $uscc) {' +
    ' uscc name names usccValid usccReason creditChinaUrl' +
    ' disclosureCounts { domain count }' +
    ' creditSummary { penaltyCount penaltyTotalFine latestPenaltyAt licenceCount abnormalListingCount' +
    '  currentAbnormalListing { id title publishedAt ... on AbnormalOperationListing { listing { date reason authority } } }' +
    '  seriousViolationListed' +
    '  seriousViolationListing { id title publishedAt ... on SeriousViolationListing { listing { date reason authority } } } }' +
    ' tradingAwards(first: $first) { projectCode projectName amount awardedAt notice { id title sourceUrl } }' +
    ' pppRoles { role project { id title status sourceUrl ... on PppProject { stage { name } totalInvestment } } }' +
    ' emissionExceedances(first: $first) { totalCount edges { node { id title publishedAt ... on EmissionResult {' +
    '  pollutant monitoredAt exceedanceMultiple outlet { code name } concentration { value unit } limit { value unit standard } } } } }' +
    ' disclosures(first: $first) { totalCount pageInfo { hasNextPage endCursor } edges { node { ...Card } } } } } ' +
    CARD_FIELDS;

  var ENTITY_DISCLOSURES_QUERY =
    'query PortalEntityDisclosures($uscc: String!, $first: Int, $after: String, $filter: DisclosureFilter) {' +
    ' entity(uscc: $uscc) { uscc disclosures(first: $first, after: $after, filter: $filter) {' +
    ' totalCount pageInfo { hasNextPage endCursor } edges { node { ...Card } } } } } ' +
    CARD_FIELDS;

  // ------------------------------------------------------------------------------------------
  // The API client
  // ------------------------------------------------------------------------------------------

  function PortalError(message) {
    this.name = 'PortalError';
    this.message = message;
  }
  PortalError.prototype = Object.create(Error.prototype);

  /** POSTs one operation; resolves with `data`, rejects with a readable Chinese message. */
  function gql(query, variables) {
    return fetch(API_URL, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ query: query, variables: variables || {} }),
      credentials: 'same-origin',
    }).then(
      function (response) {
        return response.text().then(function (text) {
          var body = null;
          try {
            body = JSON.parse(text);
          } catch (e) {
            body = null;
          }
          if (body && body.errors && body.errors.length) {
            var messages = body.errors.map(function (e) {
              return String((e && e.message) || '未知错误').trim();
            });
            throw new PortalError('查询失败：' + messages.join('；'));
          }
          if (!response.ok || !body || !body.data) {
            throw new PortalError('服务器暂时无法处理请求（HTTP ' + response.status + '），请稍后重试。');
          }
          return body.data;
        });
      },
      function () {
        throw new PortalError('无法连接到服务器，请检查网络后重试。');
      },
    );
  }

  // ------------------------------------------------------------------------------------------
  // DOM helpers: text only
  // ------------------------------------------------------------------------------------------

  /** h('p', { class: 'x' }, 'text', node, [more]) — strings become text nodes, never markup. */
  function h(tag, attrs) {
    var el = document.createElement(tag);
    if (attrs) {
      Object.keys(attrs).forEach(function (key) {
        var value = attrs[key];
        if (value === null || value === undefined || value === false) return;
        if (key === 'class') el.className = value;
        else if (key === 'dataset') Object.keys(value).forEach(function (k) { el.dataset[k] = String(value[k]); });
        else if (key.slice(0, 2) === 'on') el.addEventListener(key.slice(2), value);
        else el.setAttribute(key, value === true ? '' : String(value));
      });
    }
    for (var i = 2; i < arguments.length; i++) append(el, arguments[i]);
    return el;
  }

  function append(parent, child) {
    if (child === null || child === undefined || child === false) return;
    if (Array.isArray(child)) child.forEach(function (c) { append(parent, c); });
    else if (child instanceof Node) parent.appendChild(child);
    else parent.appendChild(document.createTextNode(String(child)));
  }

  function clear(el) {
    while (el.firstChild) el.removeChild(el.firstChild);
  }

  function $(id) {
    return document.getElementById(id);
  }

  /** Only http(s) links from the API become hrefs; anything else (javascript:, data:) is dropped. */
  function safeUrl(value) {
    if (typeof value !== 'string' || !value) return null;
    try {
      var url = new URL(value, document.baseURI);
      return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
    } catch (e) {
      return null;
    }
  }

  function externalLink(href, text, label) {
    var url = safeUrl(href);
    if (!url) return null;
    return h('a', { href: url, target: '_blank', rel: 'noopener noreferrer', 'aria-label': label || null }, text);
  }

  /** The text with every occurrence of `term` wrapped in <mark>, as nodes. */
  function highlighted(text, term) {
    text = String(text);
    if (!term) return [text];
    var parts = [];
    var at = 0;
    var found;
    while ((found = text.indexOf(term, at)) !== -1) {
      if (found > at) parts.push(text.slice(at, found));
      parts.push(h('mark', null, term));
      at = found + term.length;
    }
    if (at < text.length) parts.push(text.slice(at));
    return parts;
  }

  function showError(el, message) {
    el.textContent = message;
    el.hidden = false;
  }

  function hideError(el) {
    el.textContent = '';
    el.hidden = true;
  }

  function messageOf(error) {
    return error instanceof PortalError ? error.message : '页面出现错误：' + ((error && error.message) || String(error));
  }

  // ------------------------------------------------------------------------------------------
  // Formatting: China time, numbers in 万元
  // ------------------------------------------------------------------------------------------

  var dateParts = new Intl.DateTimeFormat('zh-CN', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  });

  function formatDate(iso) {
    var date = new Date(iso);
    if (isNaN(date.getTime())) return '';
    var p = {};
    dateParts.formatToParts(date).forEach(function (part) { p[part.type] = part.value; });
    return p.year + '-' + p.month + '-' + p.day;
  }

  /** "YYYY-MM-DD HH:mm:ss" China time as the API writes it → "YYYY-MM-DD HH:mm". */
  function formatChinaTime(text) {
    return typeof text === 'string' ? text.replace(/^(\d{4}-\d\d-\d\d)[ T](\d\d:\d\d)(:\d\d)?$/, '$1 $2') : '';
  }

  /** "YYYY-MM-DD HH:mm:ss" → "HH:mm", the hour a tile shows; the full time is in its title. */
  function shortTime(text) {
    var m = /(\d\d:\d\d)(:\d\d)?$/.exec(String(text || ''));
    return m ? m[1] : '';
  }

  function formatNumber(value, digits) {
    return Number(value).toLocaleString('zh-CN', { maximumFractionDigits: digits === undefined ? 2 : digits });
  }

  function formatWan(value) {
    return value === null || value === undefined ? '—' : formatNumber(value) + ' 万元';
  }

  // ------------------------------------------------------------------------------------------
  // Unified social credit codes (GB 32100-2015): the portal only tidies what was typed
  // ------------------------------------------------------------------------------------------

  /** Blanks anywhere (including full-width ones) are dropped, full-width letters and digits folded, case raised. */
  function normaliseUscc(text) {
    return String(text || '')
      .replace(/[\uFF01-\uFF5E]/g, function (c) { return String.fromCharCode(c.charCodeAt(0) - 0xfee0); })
      .replace(/[\s\u3000-]+/g, '')
      .toUpperCase();
  }

  function usccProblem(code) {
    if (!code) return '请输入统一社会信用代码。';
    if (!/^[0-9A-Z]+$/.test(code)) return '统一社会信用代码只包含数字和大写字母，请检查输入。';
    if (code.length !== 18) return '统一社会信用代码应为 18 位，当前输入为 ' + code.length + ' 位。';
    return null;
  }

  // ------------------------------------------------------------------------------------------
  // Result cards, shared by the search list and the profile's disclosure list
  // ------------------------------------------------------------------------------------------

  function domainBadge(domain) {
    return h('span', { class: 'badge badge-' + String(domain).toLowerCase(), dataset: { domain: domain } }, DOMAINS[domain] || domain);
  }

  function statusBadge(status) {
    return h('span', { class: 'status status-' + String(status).toLowerCase(), dataset: { status: status } }, STATUS[status] || status);
  }

  function aqiChip(aqi) {
    var level = Number(aqi.level);
    return h(
      'span',
      { class: 'aqi-chip aqi-level-' + (level >= 1 && level <= 6 ? level : 0) },
      'AQI ' + aqi.aqi + ' ' + aqi.category,
    );
  }

  /** One line of domain facts under the title, when the type has any worth showing. */
  function cardFacts(node) {
    var facts = [];
    switch (node.__typename) {
      case 'AdministrativePenalty':
        if (node.fine !== null && node.fine !== undefined) facts.push('罚款 ' + formatWan(node.fine));
        break;
      case 'TradingNotice':
        if (node.noticeType) facts.push(node.noticeType.name);
        if (node.tradeType) facts.push(node.tradeType.name);
        break;
      case 'PppProject':
        if (node.stage) facts.push('阶段：' + node.stage.name);
        if (node.totalInvestment !== null && node.totalInvestment !== undefined) facts.push('总投资 ' + formatWan(node.totalInvestment));
        break;
      case 'AirQualityReport':
      case 'AirQualityDailyReport':
        if (node.aqi) facts.push(aqiChip(node.aqi));
        break;
      case 'EmissionResult':
        facts.push(node.exceeds ? h('span', { class: 'flag flag-bad' }, '超标 ' + formatNumber(node.exceedanceMultiple, 2) + ' 倍') : h('span', { class: 'flag flag-ok' }, '达标'));
        break;
      case 'WaterQualityReport':
        facts.push('水质 ' + node.class + ' 类（目标 ' + node.targetClass + ' 类）');
        facts.push(node.meetsTarget ? h('span', { class: 'flag flag-ok' }, '达标') : h('span', { class: 'flag flag-bad' }, '未达标'));
        break;
      case 'PollutionWarning':
        facts.push(node.actionText + ' ' + node.colour + '预警');
        break;
    }
    if (!facts.length) return null;
    var line = h('p', { class: 'card-facts' });
    facts.forEach(function (fact, i) {
      if (i) append(line, h('span', { class: 'sep', 'aria-hidden': 'true' }, ' · '));
      append(line, fact);
    });
    return line;
  }

  /** A subject link opens the enterprise profile in place; its href works in a new tab too. */
  function subjectLink(subject) {
    return h(
      'a',
      {
        href: '#uscc=' + encodeURIComponent(subject.uscc),
        class: 'subject-link',
        dataset: { uscc: subject.uscc },
        onclick: function (event) {
          if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
          event.preventDefault();
          openProfile(subject.uscc, { push: true, focus: true });
        },
      },
      subject.name || subject.uscc,
    );
  }

  /** One result. `ownUscc`: the profile it is listed in, whose own name needs no link. */
  function resultCard(node, term, ownUscc) {
    var source = externalLink(node.sourceUrl, '查看来源', '查看来源：' + node.title + '（新窗口）');
    var subject = node.subject && node.subject.uscc !== ownUscc ? node.subject : null;
    var meta = h(
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
   * A paged disclosure list: load() replaces it, more() appends the next page after endCursor.
   * Responses that arrive after a newer request started are dropped.
   */
  function PagedList(options) {
    this.list = options.list;
    this.status = options.status;
    this.error = options.error;
    this.moreButton = options.more;
    this.fetchPage = options.fetchPage; // (after) => Promise<connection | null>
    this.describe = options.describe; // (total, shown) => string
    this.ownUscc = options.ownUscc || null;
    this.term = '';
    this.generation = 0;
    this.shown = 0;
    this.endCursor = null;
    var self = this;
    this.moreButton.addEventListener('click', function () { self.more(); });
  }

  PagedList.prototype.load = function (term) {
    this.term = term || '';
    this.generation++;
    this.shown = 0;
    this.endCursor = null;
    clear(this.list);
    this.moreButton.hidden = true;
    this.status.textContent = '正在查询……';
    delete this.status.dataset.total;
    return this.fetch(null, this.generation);
  };

  PagedList.prototype.more = function () {
    if (!this.endCursor) return Promise.resolve();
    this.moreButton.disabled = true;
    this.moreButton.textContent = '正在加载……';
    return this.fetch(this.endCursor, this.generation);
  };

  PagedList.prototype.fetch = function (after, generation) {
    var self = this;
    hideError(this.error);
    this.list.setAttribute('aria-busy', 'true');
    return this.fetchPage(after)
      .then(function (connection) {
        if (generation !== self.generation) return;
        if (!connection) {
          self.status.textContent = '';
          return;
        }
        connection.edges.forEach(function (edge) { self.list.appendChild(resultCard(edge.node, self.term, self.ownUscc)); });
        self.shown += connection.edges.length;
        self.endCursor = connection.pageInfo.hasNextPage ? connection.pageInfo.endCursor : null;
        self.status.dataset.total = String(connection.totalCount);
        self.status.textContent = self.describe(connection.totalCount, self.shown);
        self.moreButton.hidden = !self.endCursor;
      })
      .catch(function (error) {
        if (generation !== self.generation) return;
        showError(self.error, messageOf(error));
        if (!self.shown) self.status.textContent = '';
      })
      .then(function () {
        if (generation !== self.generation) return;
        self.list.removeAttribute('aria-busy');
        self.moreButton.disabled = false;
        self.moreButton.textContent = '加载更多';
      });
  };

  // ------------------------------------------------------------------------------------------
  // Search with domain filter
  // ------------------------------------------------------------------------------------------

  var search = { term: '', domain: '' };

  var searchList = new PagedList({
    list: $('search-results'),
    status: $('search-status'),
    error: $('search-error'),
    more: $('search-more'),
    fetchPage: function (after) {
      var variables = { first: PAGE_SIZE, after: after, search: search.term || null, filter: search.domain ? { domain: search.domain } : null };
      return gql(SEARCH_QUERY, variables).then(function (data) { return data.disclosures; });
    },
    describe: function (total, shown) {
      var scope = (search.domain ? DOMAINS[search.domain] + '领域' : '') + (search.term ? '“' + search.term + '”的' : '');
      if (!total) return search.term ? '未找到' + (search.domain ? DOMAINS[search.domain] + '领域' : '') + '与“' + search.term + '”相关的公开信息。' : '暂无公开信息。';
      return (scope ? scope + '检索结果' : '最新公开信息') + '：共 ' + formatNumber(total, 0) + ' 条，已显示 ' + shown + ' 条。';
    },
  });

  function runSearch() {
    return searchList.load(search.term);
  }

  function setPressed(group, value, attribute) {
    Array.prototype.forEach.call(group.querySelectorAll('button'), function (button) {
      button.setAttribute('aria-pressed', button.getAttribute(attribute) === value ? 'true' : 'false');
    });
  }

  $('search-form').addEventListener('submit', function (event) {
    event.preventDefault();
    search.term = $('search-input').value.trim();
    runSearch();
  });

  $('search-filters').addEventListener('click', function (event) {
    var button = event.target.closest('button[data-domain]');
    if (!button) return;
    search.domain = button.getAttribute('data-domain');
    // The keyword in the box counts, even if the user changed it without pressing 搜索.
    search.term = $('search-input').value.trim();
    setPressed($('search-filters'), search.domain, 'data-domain');
    runSearch();
  });

  // ------------------------------------------------------------------------------------------
  // Enterprise profile
  // ------------------------------------------------------------------------------------------

  var profile = { uscc: null, generation: 0, domain: '', list: null };

  function openProfile(text, options) {
    options = options || {};
    var code = normaliseUscc(text);
    var input = $('entity-input');
    input.value = code;
    var problem = usccProblem(code);
    if (problem) {
      showError($('entity-error'), problem);
      input.setAttribute('aria-invalid', 'true');
      input.focus();
      return Promise.resolve();
    }
    input.removeAttribute('aria-invalid');
    if (code === profile.uscc && !$('profile').hidden && !$('profile').hasAttribute('aria-busy')) {
      // Already shown: just take the reader there.
      if (options.focus) focusProfile();
      return Promise.resolve();
    }
    if (options.push) {
      var hash = '#uscc=' + encodeURIComponent(code);
      if (location.hash !== hash) history.pushState(null, '', hash);
    }
    return loadProfile(code, options.focus);
  }

  function loadProfile(code, focus) {
    var generation = ++profile.generation;
    var article = $('profile');
    var status = $('entity-status');
    hideError($('entity-error'));
    profile.uscc = code;
    status.textContent = '正在查询 ' + code + ' ……';
    article.setAttribute('aria-busy', 'true');
    return gql(PROFILE_QUERY, { uscc: code, first: PAGE_SIZE })
      .then(function (data) {
        if (generation !== profile.generation) return;
        clear(article);
        if (!data.entity) {
          article.hidden = true;
          status.textContent = '';
          showError($('entity-error'), '未找到统一社会信用代码为 ' + code + ' 的企业或机构。');
          return;
        }
        status.textContent = '';
        renderProfile(article, data.entity);
        article.hidden = false;
        if (focus) focusProfile();
      })
      .catch(function (error) {
        if (generation !== profile.generation) return;
        status.textContent = '';
        article.hidden = true;
        profile.uscc = null;
        showError($('entity-error'), messageOf(error));
      })
      .then(function () {
        if (generation === profile.generation) article.removeAttribute('aria-busy');
      });
  }

  function focusProfile() {
    $('enterprise').scrollIntoView({ block: 'start' });
    $('profile-name').focus({ preventScroll: true });
  }

  function section(title, id) {
    var headingId = 'profile-' + id + '-title';
    return h('section', { class: 'profile-section', id: 'profile-' + id, 'aria-labelledby': headingId }, h('h4', { id: headingId }, title));
  }

  function none(text) {
    return h('p', { class: 'empty' }, text);
  }

  /** A table that scrolls sideways on a narrow screen instead of breaking the page. */
  function table(caption, headers, rows, wrapColumns) {
    var wraps = wrapColumns || [];
    return h(
      'div',
      { class: 'table-scroll', role: 'region', 'aria-label': caption, tabindex: '0' },
      h(
        'table',
        null,
        h('caption', { class: 'visually-hidden' }, caption),
        h('thead', null, h('tr', null, headers.map(function (title) { return h('th', { scope: 'col' }, title); }))),
        h('tbody', null, rows.map(function (cells) {
          return h('tr', null, cells.map(function (cell, i) { return h('td', { class: wraps.indexOf(i) === -1 ? null : 'wrap-cell' }, cell); }));
        })),
      ),
    );
  }

  function renderProfile(article, entity) {
    var counts = {};
    (entity.disclosureCounts || []).forEach(function (c) { counts[c.domain] = c.count; });
    var credit = entity.creditSummary;
    var chinaLink = externalLink(entity.creditChinaUrl, '在“信用中国”查看', '在信用中国网站查看' + entity.name + '的信用信息（新窗口）');
    if (chinaLink) chinaLink.className = 'credit-china-link';

    // Identity
    append(
      article,
      h(
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
            null,
            entity.usccValid
              ? h('span', { class: 'flag flag-ok', dataset: { valid: 'true' } }, '校验通过（GB 32100-2015）')
              : h('span', { class: 'flag flag-bad', dataset: { valid: 'false' } }, '校验未通过' + (entity.usccReason ? '：' + entity.usccReason : '')),
          ),
          h('dt', null, '信用中国'),
          h('dd', null, chinaLink || '—'),
        ),
      ),
    );

    // Counts by domain
    var countList = h('ul', { class: 'domain-counts' });
    DOMAIN_ORDER.forEach(function (domain) {
      append(countList, h('li', { dataset: { domain: domain } }, domainBadge(domain), h('span', { class: 'count' }, formatNumber(counts[domain] || 0, 0)), ' 条'));
    });
    append(article, h('section', { class: 'profile-section', 'aria-labelledby': 'profile-counts-title' }, h('h4', { id: 'profile-counts-title' }, '各领域公开信息'), countList));

    // Credit summary
    var creditSection = section('信用概况', 'credit');
    var abnormal = credit.currentAbnormalListing;
    var serious = credit.seriousViolationListing;
    append(
      creditSection,
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
          abnormal
            ? [h('span', { class: 'flag flag-bad' }, '当前列入'), ' ', listingText(abnormal)]
            : h('span', { class: 'flag flag-ok' }, '当前未列入'),
          credit.abnormalListingCount ? h('span', { class: 'muted' }, '（累计列入 ' + credit.abnormalListingCount + ' 次）') : null,
        ),
        h('dt', null, '严重违法失信名单'),
        h(
          'dd',
          null,
          credit.seriousViolationListed
            ? [h('span', { class: 'flag flag-bad' }, '已列入'), ' ', serious ? listingText(serious) : null]
            : h('span', { class: 'flag flag-ok' }, '未列入'),
        ),
      ),
    );
    append(article, creditSection);

    // Trading awards
    var awards = section('中标记录', 'awards');
    append(
      awards,
      entity.tradingAwards.length
        ? table(
            '中标记录',
            ['项目', '项目编号', '中标金额', '公告日期'],
            entity.tradingAwards.map(function (a) {
              var link = externalLink(a.notice.sourceUrl, a.projectName || a.notice.title);
              return [link || a.projectName || a.notice.title, a.projectCode || '—', formatWan(a.amount), formatDate(a.awardedAt)];
            }),
            [0],
          )
        : none('暂无中标记录。'),
    );
    append(article, awards);

    // PPP roles
    var ppp = section('参与的PPP项目', 'ppp');
    append(
      ppp,
      entity.pppRoles.length
        ? h(
            'ul',
            { class: 'plain-list' },
            entity.pppRoles.map(function (r) {
              var p = r.project;
              return h(
                'li',
                null,
                h('span', { class: 'role' }, PPP_ROLES[r.role] || r.role),
                ' ',
                externalLink(p.sourceUrl, p.title) || p.title,
                p.stage || p.totalInvestment !== undefined
                  ? h('span', { class: 'muted' }, '（' + [p.stage ? p.stage.name + '阶段' : null, p.totalInvestment !== null && p.totalInvestment !== undefined ? '总投资 ' + formatWan(p.totalInvestment) : null].filter(Boolean).join('，') + '）')
                  : null,
              );
            }),
          )
        : none('暂无参与的PPP项目。'),
    );
    append(article, ppp);

    // Emission exceedances
    var emissions = section('超标排放记录', 'emissions');
    var exceedances = entity.emissionExceedances;
    append(
      emissions,
      exceedances.totalCount
        ? [
            table(
              '超标排放记录',
              ['监测时间', '排放口 · 污染物', '浓度 / 限值', '超标倍数'],
              exceedances.edges.map(function (edge) {
                var e = edge.node;
                return [
                  formatChinaTime(e.monitoredAt) || formatDate(e.publishedAt),
                  [e.outlet ? e.outlet.code + ' ' + e.outlet.name : null, e.pollutant].filter(Boolean).join(' · ') || '—',
                  e.concentration && e.limit ? formatNumber(e.concentration.value, 3) + ' / ' + formatNumber(e.limit.value, 3) + ' ' + e.limit.unit : '—',
                  e.exceedanceMultiple !== undefined && e.exceedanceMultiple !== null ? formatNumber(e.exceedanceMultiple, 2) + ' 倍' : '—',
                ];
              }),
              [1],
            ),
            exceedances.totalCount > exceedances.edges.length ? h('p', { class: 'muted' }, '共 ' + exceedances.totalCount + ' 条，显示最近 ' + exceedances.edges.length + ' 条。') : null,
          ]
        : none('暂无超标排放记录。'),
    );
    append(article, emissions);

    // Recent disclosures with their own domain filter
    var recent = section('近期公开信息', 'disclosures');
    var filters = h('div', { class: 'filters', role: 'group', 'aria-label': '按领域筛选该企业的公开信息', id: 'profile-filters' });
    append(filters, h('button', { type: 'button', 'data-domain': '', 'aria-pressed': 'true' }, '全部'));
    DOMAIN_ORDER.forEach(function (domain) {
      if (counts[domain]) append(filters, h('button', { type: 'button', 'data-domain': domain, 'aria-pressed': 'false' }, DOMAINS[domain]));
    });
    var listError = h('div', { class: 'notice notice-error', role: 'alert', hidden: true });
    var listStatus = h('p', { class: 'list-status', role: 'status', 'aria-live': 'polite', id: 'profile-status' });
    var list = h('ol', { class: 'results', id: 'profile-results' });
    var more = h('button', { type: 'button', class: 'more', hidden: true }, '加载更多');
    append(recent, [filters, listError, listStatus, list, more]);
    append(article, recent);

    var code = entity.uscc;
    profile.domain = '';
    profile.list = new PagedList({
      list: list,
      status: listStatus,
      error: listError,
      more: more,
      ownUscc: code,
      fetchPage: function (after) {
        var variables = { uscc: code, first: PAGE_SIZE, after: after, filter: profile.domain ? { domain: profile.domain } : null };
        return gql(ENTITY_DISCLOSURES_QUERY, variables).then(function (data) { return data.entity && data.entity.disclosures; });
      },
      describe: function (total, shown) {
        return total ? '共 ' + formatNumber(total, 0) + ' 条，已显示 ' + shown + ' 条。' : '暂无公开信息。';
      },
    });
    // The first page came with the profile.
    profile.list.generation++;
    var first = entity.disclosures;
    first.edges.forEach(function (edge) { list.appendChild(resultCard(edge.node, '', code)); });
    profile.list.shown = first.edges.length;
    profile.list.endCursor = first.pageInfo.hasNextPage ? first.pageInfo.endCursor : null;
    listStatus.dataset.total = String(first.totalCount);
    listStatus.textContent = profile.list.describe(first.totalCount, first.edges.length);
    more.hidden = !profile.list.endCursor;

    filters.addEventListener('click', function (event) {
      var button = event.target.closest('button[data-domain]');
      if (!button) return;
      profile.domain = button.getAttribute('data-domain');
      setPressed(filters, profile.domain, 'data-domain');
      profile.list.load('');
    });
  }

  function listingText(listing) {
    var l = listing.listing;
    var parts = [l && l.date ? l.date : formatDate(listing.publishedAt)];
    if (l && l.authority) parts.push(l.authority);
    if (l && l.reason) parts.push('原因：' + l.reason);
    return h('span', null, parts.join('，'));
  }

  $('entity-form').addEventListener('submit', function (event) {
    event.preventDefault();
    openProfile($('entity-input').value, { push: true, focus: false });
  });

  function profileFromHash() {
    var match = /^#uscc=([^&]*)$/.exec(location.hash);
    if (!match) return;
    var code = normaliseUscc(decodeURIComponent(match[1]));
    if (code === profile.uscc) return;
    openProfile(code, { push: false, focus: true });
  }

  window.addEventListener('hashchange', profileFromHash);

  // ------------------------------------------------------------------------------------------
  // Air-quality board
  // ------------------------------------------------------------------------------------------

  function hexColour(value) {
    return typeof value === 'string' && /^#[0-9a-f]{6}$/i.test(value) ? value.toUpperCase() : null;
  }

  /** WCAG relative luminance of #RRGGBB. */
  function luminance(hex) {
    var channels = [1, 3, 5].map(function (i) {
      var c = parseInt(hex.slice(i, i + 2), 16) / 255;
      return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    });
    return 0.2126 * channels[0] + 0.7152 * channels[1] + 0.0722 * channels[2];
  }

  /** Black or white, whichever contrasts more with the background. */
  function textColourOn(hex) {
    var l = luminance(hex);
    return (l + 0.05) / 0.05 >= 1.05 / (l + 0.05) ? '#000000' : '#FFFFFF';
  }

  function airTile(city) {
    var aqi = city.aqi;
    var level = Number(aqi.level);
    var colour = hexColour(aqi.color) || AQI_COLOURS[level] || '#FFFFFF';
    var pollutants = (aqi.primaryPollutants || []).map(function (p) { return POLLUTANTS[p] || p; });
    var tile = h(
      'li',
      { class: 'aqi-tile aqi-level-' + level, dataset: { city: city.city, aqi: aqi.aqi, level: level, colour: colour } },
      h(
        'div',
        { class: 'aqi-head' },
        h('h3', { class: 'aqi-city' }, city.city),
        h('time', { class: 'aqi-time', title: city.timePoint }, shortTime(city.timePoint)),
      ),
      h(
        'p',
        { class: 'aqi-reading' },
        h('span', { class: 'visually-hidden' }, '空气质量指数 '),
        h('span', { class: 'aqi-value' }, String(aqi.aqi)),
        h('span', { class: 'aqi-category' }, aqi.category),
      ),
      h('p', { class: 'aqi-pollutant' }, '首要污染物：' + (pollutants.length ? pollutants.join('、') : '无')),
      h('p', { class: 'aqi-advice' }, h('span', { class: 'label' }, '建议：'), aqi.advice),
      h('details', { class: 'aqi-effect' }, h('summary', null, '健康影响'), h('p', null, aqi.healthEffect)),
      h('p', { class: 'aqi-stations' }, city.stationCount + ' 个监测点均值'),
    );
    tile.style.backgroundColor = colour;
    tile.style.color = textColourOn(colour);
    return tile;
  }

  function loadAir() {
    var board = $('air-board');
    var status = $('air-status');
    return gql(AIR_QUERY)
      .then(function (data) {
        hideError($('air-error'));
        clear(board);
        var cities = data.latestAirQuality || [];
        cities.forEach(function (city) { board.appendChild(airTile(city)); });
        var times = cities.map(function (c) { return formatChinaTime(c.timePoint); }).filter(Boolean).sort();
        var span = times.length ? (times[0] === times[times.length - 1] ? times[0] : times[0] + ' 至 ' + times[times.length - 1]) : '';
        status.textContent = cities.length ? '共 ' + cities.length + ' 个城市' + (span ? '，数据时点 ' + span : '') + '。' : '暂无空气质量数据。';
        board.dataset.loaded = 'true';
      })
      .catch(function (error) {
        status.textContent = '';
        showError($('air-error'), messageOf(error));
      });
  }

  // ------------------------------------------------------------------------------------------
  // Start
  // ------------------------------------------------------------------------------------------

  loadAir();
  setInterval(loadAir, AIR_REFRESH_MS);
  runSearch();
  if (location.hash.indexOf('#uscc=') === 0) profileFromHash();
})();
