/** 地表水水质: each section's latest result, its GB 3838-2002 class against its target, filterable. */
import { $, h, clear, showError, hideError } from './dom.js';
import { gql, messageOf } from './api-client.js';
import { WATER_QUERY } from './queries.js';
import { WATER_CLASSES, WATER_PARAMETERS } from './labels.js';
import { formatChinaTime, formatNumber, isPresent } from './format.js';
import { colourBadge, okFlag, badFlag } from './badges.js';
import { whenDomainChosen } from './domain-filters.js';
import { dataAgeLine, staleMark } from './data-age.js';

/** Sections a city monitors: a page holds them all. */
const SECTIONS_ASKED = 100;

/** The filter buttons' values (data-filter) → the query's arguments. */
const FILTERS = {
  '': {},
  below: { belowTarget: true },
  drinking: { drinkingWaterOnly: true },
};

export function startWater() {
  let generation = 0;
  const load = (filter) => {
    const mine = ++generation;
    const table = $('water-table');
    table.setAttribute('aria-busy', 'true');
    return gql(WATER_QUERY, Object.assign({ first: SECTIONS_ASKED }, FILTERS[filter] || {}))
      .then((data) => {
        if (mine !== generation) return;
        hideError($('water-error'));
        showSections(data.waterSections, filter);
      })
      .catch((error) => {
        if (mine !== generation) return;
        $('water-status').textContent = '';
        showError($('water-error'), messageOf(error));
      })
      .then(() => {
        if (mine === generation) table.removeAttribute('aria-busy');
      });
  };
  whenDomainChosen($('water-filters'), load, 'data-filter');
  return load('');
}

function showSections(connection, filter) {
  const reports = connection.edges.map((edge) => edge.node);
  const body = $('water-rows');
  clear(body);
  reports.forEach((report) => body.appendChild(sectionRow(report)));
  const meeting = reports.filter((r) => r.meetsTarget).length;
  const status = $('water-status');
  status.dataset.total = String(connection.totalCount);
  status.dataset.filter = filter;
  status.textContent = reports.length
    ? (filter === 'below' ? '未达到水质目标的断面：' : filter === 'drinking' ? '饮用水水源地断面：' : '各断面最新一次监测：') +
      '共 ' + connection.totalCount + ' 个，其中 ' + meeting + ' 个达到水质目标。'
    : '没有符合条件的断面。';
  const age = $('water-age');
  clear(age);
  const line = dataAgeLine(reports.map((r) => r.dataAge), { unit: '个', noun: '断面' });
  if (line) age.appendChild(line);
  age.hidden = !line;
}

function sectionRow(r) {
  const cls = WATER_CLASSES[r.class] || { name: r.class, colour: '#FFFFFF' };
  const target = WATER_CLASSES[r.targetClass] || { name: r.targetClass };
  return h(
    'tr',
    { dataset: { section: r.section.code, class: r.class, meets: r.meetsTarget, drinking: r.drinkingWaterSource, stale: Boolean(r.dataAge && r.dataAge.stale) } },
    h('th', { scope: 'row', class: 'wrap-cell' }, r.section.name, staleMark(r.dataAge)),
    h('td', null, r.section.water + '（' + r.section.type + '）'),
    h('td', null, r.section.district || '—'),
    h('td', null, formatChinaTime(r.samplingTime)),
    h('td', null, colourBadge(cls.name, cls.colour, { class: 'water-class' })),
    h('td', null, target.name),
    h('td', null, r.meetsTarget ? okFlag('达标') : badFlag('未达标')),
    h('td', null, drinkingWater(r)),
    h('td', { class: 'wrap-cell' }, exceedances(r.exceedances)),
  );
}

function drinkingWater(r) {
  if (!r.drinkingWaterSource) return '—';
  if (!r.drinkingWater) return (r.protectionZone || '') + '水源地';
  return [r.drinkingWater.zone + '保护区 ', r.drinkingWater.meets ? okFlag('满足') : badFlag('不满足'), '（应达 ' + (WATER_CLASSES[r.drinkingWater.requiredClass] || { name: r.drinkingWater.requiredClass }).name + '）'];
}

function exceedances(list) {
  if (!list.length) return '—';
  return list
    .map((e) => (WATER_PARAMETERS[e.parameter] || e.parameter) + ' ' + formatNumber(e.value, 3) + (isPresent(e.multiple) ? '（超标 ' + formatNumber(e.multiple, 2) + ' 倍）' : ''))
    .join('；');
}
