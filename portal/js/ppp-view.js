/**
 * PPP项目库: projects, most recently initiated first, filterable by stage; one opens in place
 * (#ppp=<id>) with its facts and its stage history.
 */
import { $, h, clear, showError, hideError } from './dom.js';
import { gql, messageOf } from './api-client.js';
import { PPP_PROJECTS_QUERY, PPP_PROJECT_QUERY } from './queries.js';
import { DETAIL_LIST_SIZE } from './settings.js';
import { formatNumber, formatWan } from './format.js';
import { PagedList } from './paged-list.js';
import { openInPlace, detailFromHash } from './detail-links.js';
import { renderPppProject, place } from './ppp-project.js';

const HASH = '#ppp=';
const opened = { id: null, generation: 0 };

export function startPpp() {
  let stage = '';
  const projects = new PagedList({
    list: $('ppp-results'),
    status: $('ppp-status'),
    error: $('ppp-error'),
    more: $('ppp-more'),
    renderItem: projectCard,
    fetchPage: (after) => gql(PPP_PROJECTS_QUERY, { first: DETAIL_LIST_SIZE, after, stage: stage || null }).then((data) => data.pppProjects),
    describe: (total, shown) => (total ? (stage ? '该阶段的项目' : '项目库中的项目') + '：共 ' + formatNumber(total, 0) + ' 个，已显示 ' + shown + ' 个。' : '没有该阶段的项目。'),
  });
  $('ppp-stage').addEventListener('change', () => {
    stage = $('ppp-stage').value;
    projects.load('');
  });
  openInPlace('a.ppp-link', HASH, (id) => openProject(id, true));
  detailFromHash(HASH, (id) => (id === opened.id ? null : openProject(id, true)));
  return projects.load('');
}

function projectCard(p) {
  return h(
    'li',
    { class: 'card ppp-card', dataset: { id: p.id, stage: p.stage.code } },
    h('div', { class: 'card-tags' }, h('span', { class: 'stage ppp-stage-' + p.stage.code }, p.stage.name + '阶段'), h('span', { class: 'kind' }, p.industry.primary + (p.industry.secondary ? ' · ' + p.industry.secondary : ''))),
    h('h3', { class: 'card-title' }, h('a', { class: 'ppp-link', href: HASH + encodeURIComponent(p.id) }, p.title)),
    h(
      'dl',
      { class: 'card-meta' },
      h('div', null, h('dt', null, '项目编号'), h('dd', null, p.projNo)),
      h('div', null, h('dt', null, '所在地区'), h('dd', null, place(p.location))),
      h('div', null, h('dt', null, '总投资'), h('dd', null, formatWan(p.totalInvestment))),
      h('div', null, h('dt', null, '发起日期'), h('dd', null, p.initiatedOn)),
    ),
  );
}

function openProject(id, focus) {
  const generation = ++opened.generation;
  const article = $('ppp-project');
  const status = $('ppp-project-status');
  opened.id = id;
  hideError($('ppp-project-error'));
  status.textContent = '正在加载PPP项目……';
  article.setAttribute('aria-busy', 'true');
  return gql(PPP_PROJECT_QUERY, { id })
    .then((data) => {
      if (generation !== opened.generation) return;
      status.textContent = '';
      clear(article);
      const project = data.disclosure;
      if (!project || !project.projNo) {
        article.hidden = true;
        opened.id = null;
        showError($('ppp-project-error'), '未找到标识为 ' + id + ' 的PPP项目。');
        return;
      }
      renderPppProject(article, project);
      article.hidden = false;
      if (focus) {
        article.scrollIntoView({ block: 'start' });
        $('ppp-project-title').focus({ preventScroll: true });
      }
    })
    .catch((error) => {
      if (generation !== opened.generation) return;
      status.textContent = '';
      article.hidden = true;
      opened.id = null;
      showError($('ppp-project-error'), messageOf(error));
    })
    .then(() => {
      if (generation === opened.generation) article.removeAttribute('aria-busy');
    });
}
