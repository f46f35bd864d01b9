/**
 * One run chart as inline SVG: time across, a value per run up, one point per run coloured by its
 * state, each point titled with what it stands for. Drawn here from the data, no chart library.
 */
import { svg } from './svg.js';
import { valueTicks, dayTicks, dayLabel } from './chart-scale.js';

const WIDTH = 960;
const HEIGHT = 220;
const MARGIN = { top: 12, right: 16, bottom: 28, left: 72 };
const PLOT_WIDTH = WIDTH - MARGIN.left - MARGIN.right;
const PLOT_HEIGHT = HEIGHT - MARGIN.top - MARGIN.bottom;
/** Half a day label's width, in the chart's units. */
const FIRST_LABEL_CLEARANCE = 30;

/**
 * spec: { id, title, runs, from, to (ms), value(run) → number, tickLabel(value) → text,
 * minimumStep, describe(run) → text, connect: draw a line through the points (one stream only) }.
 */
export function runChart(spec) {
  const ticks = valueTicks(Math.max(0, ...spec.runs.map(spec.value)), spec.minimumStep);
  const top = ticks[ticks.length - 1];
  const x = (ms) => MARGIN.left + ((ms - spec.from) / Math.max(1, spec.to - spec.from)) * PLOT_WIDTH;
  const y = (value) => MARGIN.top + PLOT_HEIGHT - (value / top) * PLOT_HEIGHT;
  const points = spec.runs.map((run) => ({ run, x: x(Date.parse(run.startedAt)), y: y(spec.value(run)) }));
  return svg(
    'svg',
    {
      class: 'run-chart',
      viewBox: '0 0 ' + WIDTH + ' ' + HEIGHT,
      role: 'img',
      'aria-labelledby': spec.id + '-title',
      'data-points': points.length,
    },
    svg('title', { id: spec.id + '-title' }, spec.title + '，共 ' + points.length + ' 次运行'),
    valueAxis(ticks, y, spec.tickLabel),
    timeAxis(spec.from, spec.to, x),
    spec.connect && points.length > 1 ? svg('polyline', { class: 'run-line', points: points.map((p) => round(p.x) + ',' + round(p.y)).join(' ') }) : null,
    svg('g', { class: 'run-points' }, points.map((p) => runPoint(p, spec.describe))),
  );
}

function valueAxis(ticks, y, tickLabel) {
  return svg(
    'g',
    { class: 'axis axis-value' },
    ticks.map((value) =>
      svg(
        'g',
        null,
        svg('line', { class: 'grid', x1: MARGIN.left, x2: WIDTH - MARGIN.right, y1: round(y(value)), y2: round(y(value)) }),
        svg('text', { x: MARGIN.left - 8, y: round(y(value)), 'text-anchor': 'end', 'dominant-baseline': 'middle' }, tickLabel(value)),
      ),
    ),
  );
}

function timeAxis(from, to, x) {
  const baseline = MARGIN.top + PLOT_HEIGHT;
  return svg(
    'g',
    { class: 'axis axis-time' },
    svg('line', { class: 'baseline', x1: MARGIN.left, x2: WIDTH - MARGIN.right, y1: baseline, y2: baseline }),
    // A day label at the left edge would run into the value axis's labels: those days go unlabelled.
    dayTicks(from, to).filter((ms) => x(ms) - MARGIN.left >= FIRST_LABEL_CLEARANCE).map((ms) =>
      svg(
        'g',
        null,
        svg('line', { class: 'tick', x1: round(x(ms)), x2: round(x(ms)), y1: baseline, y2: baseline + 5 }),
        svg('text', { x: round(x(ms)), y: baseline + 18, 'text-anchor': 'middle' }, dayLabel(ms)),
      ),
    ),
  );
}

function runPoint(point, describe) {
  return svg(
    'circle',
    {
      class: 'run-point status-' + point.run.status,
      cx: round(point.x),
      cy: round(point.y),
      r: 5.5,
      'data-run-id': point.run.id,
      'data-stream': point.run.stream,
    },
    svg('title', null, describe(point.run)),
  );
}

function round(n) {
  return Math.round(n * 10) / 10;
}
