/**
 * One PPP project (PortalPppProject's `disclosure`): its facts, where it stands among the library's
 * stages, and its stage history, read from its earlier versions (a stage change is a revision of
 * the same project).
 */
import { h, append } from './dom.js';
import { externalLink } from './links.js';
import { PPP_STAGES } from './labels.js';
import { formatDate, formatWan } from './format.js';
import { okFlag, badFlag } from './badges.js';
import { profileSection } from './profile-blocks.js';

export function renderPppProject(article, p) {
  append(article, [head(p), stageSteps(p), stageHistory(p)]);
  article.dataset.id = p.id;
  article.dataset.stage = p.stage.code;
}

/** 黑龙江省大庆市萨尔图区 → 大庆市萨尔图区: the city and district, the way a reader names the place. */
export function place(location) {
  return location.city + (location.district || '');
}

function head(p) {
  const source = externalLink(p.sourceUrl, '在项目库中查看', '在PPP项目库中查看' + p.title + '（新窗口）');
  const gov = p.governmentParticipation;
  return h(
    'header',
    { class: 'detail-head' },
    h('h3', { id: 'ppp-project-title', tabindex: '-1' }, p.title),
    h(
      'dl',
      { class: 'facts' },
      fact('项目编号', h('code', null, p.projNo)),
      fact('当前阶段', p.stage.name + '阶段', { id: 'ppp-project-stage' }),
      fact('所在地区', (p.location.province || '') + place(p.location)),
      fact('所属行业', p.industry.primary + (p.industry.secondary ? ' · ' + p.industry.secondary : '')),
      fact('总投资', formatWan(p.totalInvestment)),
      fact('运作方式', p.operateMode.name),
      fact('回报机制', p.returnMode.name),
      fact('合作期限', p.cooperationTermYears + ' 年'),
      fact('发起日期', p.initiatedOn),
      p.procurementMethod ? fact('采购方式', p.procurementMethod.name) : null,
      gov ? fact('政府参与方式', gov.mode.name + (gov.equityRepresentative ? '，出资代表 ' + gov.equityRepresentative.name : '') + (gov.equitySharePercent !== null && gov.equitySharePercent !== undefined ? '，持股 ' + gov.equitySharePercent + '%' : '')) : null,
      fact('实施机构', body(p.implementingAgency)),
      p.partners.length ? fact('社会资本方', p.partners.map((b, i) => [i ? '、' : '', body(b)])) : null,
      p.contractSignedOn ? fact('合同签署日期', p.contractSignedOn) : null,
      fact('示范项目', p.demonstration.isDemonstration ? p.demonstration.listings.map((l) => l.level.name + l.batch.name).join('、') || '是' : '否'),
      source ? fact('来源', source) : null,
    ),
  );
}

function fact(term, value, attrs) {
  return [h('dt', null, term), h('dd', attrs || null, value)];
}

/** A body's name, linking to its profile when its code passes the check. */
function body(b) {
  if (!b) return '—';
  if (!b.uscc || !b.usccValid) return b.name;
  return h('a', { href: '#uscc=' + encodeURIComponent(b.uscc), class: 'subject-link', dataset: { uscc: b.uscc } }, b.name);
}

/** 识别 → 准备 → 采购 → 执行 → 移交, the ones passed marked, the current one as the current step. */
function stageSteps(p) {
  const current = Number(p.stage.code);
  return h(
    'ol',
    { class: 'stage-steps', 'aria-label': 'PPP项目阶段' },
    Object.keys(PPP_STAGES).map((code) =>
      h('li', { dataset: { step: code, reached: Number(code) <= current }, 'aria-current': Number(code) === current ? 'step' : null }, PPP_STAGES[code]),
    ),
  );
}

function stageHistory(p) {
  const section = profileSection('阶段变化', 'history', 'ppp-project-');
  const periods = stagePeriods(p);
  const list = h(
    'ol',
    { class: 'timeline stage-history' },
    periods.map((period, i) =>
      h(
        'li',
        { class: 'timeline-item', dataset: { stage: period.stage.code, current: i === periods.length - 1 } },
        h('time', { datetime: period.from }, formatDate(period.from) + ' 起'),
        h('strong', null, period.stage.name + '阶段'),
        i === periods.length - 1 ? [' ', okFlag('当前', { current: 'true' })] : null,
      ),
    ),
  );
  append(
    section,
    periods.length > 1
      ? list
      : [list, h('p', { class: 'empty' }, '收录以来未发生阶段变化。')],
    h('p', { class: 'muted' }, '日期为项目库记录该版本的更新时间；阶段变化来自本站保存的项目历史版本。'),
  );
  if (periods.some((period, i) => i > 0 && Number(period.stage.code) < Number(periods[i - 1].stage.code))) {
    append(section, badFlag('阶段曾回退'));
  }
  return section;
}

/**
 * The stage of each version, oldest first, with the library's update time of the version (the
 * current one's is updatedAt); consecutive versions in the same stage are one period, from its first.
 */
function stagePeriods(p) {
  const versions = p.revisions
    .slice()
    .sort((a, b) => a.version - b.version)
    .map((r) => ({ stage: stageOf(r.snapshot), from: (r.snapshot && r.snapshot.source_updated_at) || r.validFrom }))
    .filter((v) => v.stage)
    .concat([{ stage: p.stage, from: p.updatedAt }]);
  return versions.filter((v, i) => i === 0 || v.stage.code !== versions[i - 1].stage.code);
}

function stageOf(snapshot) {
  const stage = snapshot && snapshot.attributes && snapshot.attributes.stage;
  return stage && stage.code !== undefined ? { code: String(stage.code), name: stage.name || PPP_STAGES[stage.code] || String(stage.code) } : null;
}
