/** 空气质量实时播报: one tile per city at its latest hour, in the HJ 633-2012 colour of its AQI level. */
import { $, h, clear, showError, hideError } from './dom.js';
import { gql, messageOf } from './api-client.js';
import { AIR_QUERY } from './queries.js';
import { AIR_REFRESH_MS } from './settings.js';
import { POLLUTANTS } from './labels.js';
import { formatChinaTime, shortTime } from './format.js';
import { hexColour, textColourOn } from './colour-contrast.js';
import { dataAgeLine, staleMark } from './data-age.js';

/** HJ 633-2012 表示颜色 by level, the fallback when the API's colour is not #RRGGBB. */
const AQI_COLOURS = { 1: '#00E400', 2: '#FFFF00', 3: '#FF7E00', 4: '#FF0000', 5: '#99004C', 6: '#7E0023' };

/** Loads the board now and again whenever the API's cached answer may have changed. */
export function startAirBoard() {
  loadAir();
  setInterval(loadAir, AIR_REFRESH_MS);
}

function loadAir() {
  const board = $('air-board');
  const status = $('air-status');
  return gql(AIR_QUERY)
    .then((data) => {
      hideError($('air-error'));
      clear(board);
      const cities = data.latestAirQuality || [];
      cities.forEach((city) => board.appendChild(airTile(city)));
      status.textContent = describeBoard(cities);
      showAge($('air-age'), cities.map((city) => city.dataAge));
      board.dataset.loaded = 'true';
    })
    .catch((error) => {
      status.textContent = '';
      showError($('air-error'), messageOf(error));
    });
}

/** 数据更新于… above the board, and the warning when a city's readings are older than the feed's period. */
function showAge(el, ages) {
  clear(el);
  const line = dataAgeLine(ages, { unit: '个', noun: '城市' });
  if (line) el.appendChild(line);
  el.hidden = !line;
}

/** How many cities, and the hour (or the span of hours) their readings are for. */
function describeBoard(cities) {
  if (!cities.length) return '暂无空气质量数据。';
  const times = cities.map((c) => formatChinaTime(c.timePoint)).filter(Boolean).sort();
  const first = times[0];
  const last = times[times.length - 1];
  const span = times.length ? (first === last ? first : first + ' 至 ' + last) : '';
  return '共 ' + cities.length + ' 个城市' + (span ? '，数据时点 ' + span : '') + '。';
}

function airTile(city) {
  const aqi = city.aqi;
  const level = Number(aqi.level);
  const colour = hexColour(aqi.color) || AQI_COLOURS[level] || '#FFFFFF';
  const pollutants = (aqi.primaryPollutants || []).map((p) => POLLUTANTS[p] || p);
  const tile = h(
    'li',
    { class: 'aqi-tile aqi-level-' + level, dataset: { city: city.city, aqi: aqi.aqi, level, colour, stale: Boolean(city.dataAge && city.dataAge.stale) } },
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
    staleMark(city.dataAge),
  );
  tile.style.backgroundColor = colour;
  tile.style.color = textColourOn(colour);
  return tile;
}
