/** 空气质量预报: each city's latest AQI forecast, day by day, with the warning it calls for. */
import { $, h, clear, showError, hideError } from './dom.js';
import { gql, messageOf } from './api-client.js';
import { FORECASTS_QUERY } from './queries.js';
import { POLLUTANTS, WARNING_LEVELS } from './labels.js';
import { formatChinaTime } from './format.js';
import { colourBadge } from './badges.js';
import { externalLink } from './links.js';
import { dataAgeLine, staleMark } from './data-age.js';

/** Enough of the newest forecasts to hold every city's latest (one a day per city). */
const FORECASTS_ASKED = 60;

export function startForecasts() {
  const list = $('forecast-list');
  const status = $('forecast-status');
  return gql(FORECASTS_QUERY, { first: FORECASTS_ASKED })
    .then((data) => {
      hideError($('forecast-error'));
      clear(list);
      const forecasts = latestPerCity(data.disclosures.edges.map((edge) => edge.node));
      forecasts.forEach((forecast) => list.appendChild(forecastCard(forecast)));
      const age = $('forecast-age');
      clear(age);
      const line = dataAgeLine(forecasts.map((f) => f.dataAge), { unit: '份', noun: '预报' });
      if (line) age.appendChild(line);
      age.hidden = !line;
      status.textContent = forecasts.length ? '共 ' + forecasts.length + ' 个城市的最新预报，预报有预警建议的城市排在前面。' : '暂无空气质量预报。';
      list.dataset.loaded = 'true';
    })
    .catch((error) => {
      status.textContent = '';
      showError($('forecast-error'), messageOf(error));
    });
}

/** The list is newest first: a city's first forecast is its latest. Warnings first, then the worst day. */
function latestPerCity(forecasts) {
  const byCity = new Map();
  forecasts.forEach((f) => {
    if (f.city && !byCity.has(f.city.name)) byCity.set(f.city.name, f);
  });
  const severity = (f) => (f.warning ? 1000 : 0) + Math.max(0, ...f.days.map((d) => d.aqi.high));
  return [...byCity.values()].sort((a, b) => severity(b) - severity(a) || (a.city.name < b.city.name ? -1 : 1));
}

function forecastCard(forecast) {
  const source = externalLink(forecast.sourceUrl, '查看来源', '查看来源：' + forecast.city.name + '空气质量预报（新窗口）');
  const headingId = 'forecast-' + forecast.id;
  return h(
    'li',
    { class: 'forecast-card', dataset: { city: forecast.city.name, id: forecast.id, stale: Boolean(forecast.dataAge && forecast.dataAge.stale) }, 'aria-labelledby': headingId },
    h('div', { class: 'forecast-head' }, h('h3', { id: headingId }, forecast.city.name), h('span', { class: 'muted' }, formatChinaTime(forecast.issuedAt) + ' 发布')),
    staleMark(forecast.dataAge),
    forecast.warning ? warningCalledFor(forecast.warning) : null,
    h('ol', { class: 'forecast-days' }, forecast.days.map(forecastDay)),
    source ? h('p', { class: 'card-links' }, source) : null,
  );
}

function warningCalledFor(warning) {
  const level = WARNING_LEVELS[warning.level] || { colour: '#FFFFFF' };
  return h(
    'p',
    { class: 'forecast-warning', dataset: { level: warning.level } },
    '预报达到 ',
    colourBadge(warning.name, level.colour, { class: 'warning-level' }),
    ' 条件' + (warning.response ? '（' + warning.response + '）' : ''),
  );
}

function forecastDay(day) {
  const { low, high } = day.category;
  const categories = low.category === high.category ? [categoryBadge(low)] : [categoryBadge(low), ' 至 ', categoryBadge(high)];
  // With no primary pollutant a forecast writes a dash or nothing: that is 无.
  const written = /[A-Za-z0-9\u4e00-\u9fff]/.test(day.primaryPollutantText || '') ? day.primaryPollutantText : null;
  const pollutant = day.primaryPollutant ? POLLUTANTS[day.primaryPollutant] || day.primaryPollutant : written;
  return h(
    'li',
    { class: 'forecast-day', dataset: { date: day.date, high: day.aqi.high } },
    h('time', { class: 'forecast-date', datetime: day.date }, monthDay(day.date)),
    h('span', { class: 'forecast-aqi' }, 'AQI ' + day.aqi.low + '~' + day.aqi.high),
    h('span', { class: 'forecast-categories' }, categories),
    h('span', { class: 'forecast-pollutant' }, '首要污染物：' + (pollutant || '无')),
    day.healthEffect ? h('p', { class: 'forecast-effect' }, h('span', { class: 'label' }, '健康影响：'), day.healthEffect) : null,
    day.advice ? h('p', { class: 'forecast-advice' }, h('span', { class: 'label' }, '建议：'), day.advice) : null,
  );
}

/** 2026-12-01 → 12月1日. */
function monthDay(date) {
  const [, month, day] = date.split('-').map(Number);
  return month + '月' + day + '日';
}

function categoryBadge(c) {
  return colourBadge(c.category, c.color, { class: 'aqi-category-badge', dataset: { level: c.level } });
}
