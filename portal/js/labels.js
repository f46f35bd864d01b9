/** The Chinese names the page shows for the API's codes. */

export const DOMAINS = {
  CREDIT: '信用',
  TRADING: '交易',
  PPP: 'PPP',
  ENVIRONMENT: '环境',
  POLICY: '政策',
  SUPERVISION: '双随机',
  FISCAL: '预决算',
  POWERS: '权责清单',
};

/** The four areas every enterprise is counted in; the others are shown where it has records. */
export const CORE_DOMAINS = ['CREDIT', 'TRADING', 'PPP', 'ENVIRONMENT'];
export const DOMAIN_ORDER = [...CORE_DOMAINS, 'POLICY', 'SUPERVISION', 'FISCAL', 'POWERS'];

export const STATUS = { PUBLISHED: '已公开', AMENDED: '已更正', REVOKED: '已撤销' };

export const KINDS = {
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
  'policy-document': '政策文件',
  'policy-interpretation': '政策解读',
  'inspection-item': '抽查事项',
  'inspection-subject': '检查对象名录',
  'inspection-result': '抽查结果',
  'department-budget': '部门预算',
  'department-final-account': '部门决算',
  'power-item': '权力清单事项',
  'duty-item': '责任清单事项',
};

export const POLLUTANTS = { so2: 'SO2', no2: 'NO2', pm10: 'PM10', co: 'CO', o3: 'O3', pm25: 'PM2.5' };

export const PPP_ROLES = {
  'implementing-agency': '实施机构',
  partner: '社会资本方',
  'government-equity-representative': '政府出资代表',
};

/** Heavy-pollution warning levels (重污染天气预警), with a colour each that reads on its own (contrast in colour-contrast.js). */
export const WARNING_LEVELS = {
  BLUE: { name: '蓝色预警', colour: '#1F5FBF' },
  YELLOW: { name: '黄色预警', colour: '#FFD400' },
  ORANGE: { name: '橙色预警', colour: '#FF7E00' },
  RED: { name: '红色预警', colour: '#D40000' },
};

export const WARNING_ACTIONS = { ISSUE: '发布', ADJUST: '调整为', LIFT: '解除' };

/** GB 3838-2002 classes as reports draw them: I–II blue, III green, IV yellow, V orange, 劣V red. */
export const WATER_CLASSES = {
  I: { name: 'Ⅰ类', colour: '#00B0F0' },
  II: { name: 'Ⅱ类', colour: '#0070C0' },
  III: { name: 'Ⅲ类', colour: '#00B050' },
  IV: { name: 'Ⅳ类', colour: '#FFFF00' },
  V: { name: 'Ⅴ类', colour: '#FFC000' },
  '劣V': { name: '劣Ⅴ类', colour: '#FF0000' },
};

export const WATER_PARAMETERS = {
  PH: 'pH', DO: '溶解氧', CODMN: '高锰酸盐指数', COD: '化学需氧量', BOD5: '五日生化需氧量', NH3N: '氨氮', TP: '总磷', TN: '总氮',
};

/** A contracting process's stages (TradingProcessStage), in the order a process moves through them. */
export const TRADING_STAGES = {
  TENDER: '招标/采购',
  QUALIFICATION: '资格审查',
  AWARD: '中标/成交',
  CONTRACT: '合同',
  IMPLEMENTATION: '履约',
  CANCELLED: '终止/废标',
};

/** The stage each notice category moves a process to (schema/trading.graphql). */
export const NOTICE_STAGE = {
  TENDER: 'TENDER',
  AMENDMENT: 'TENDER',
  QUALIFICATION: 'QUALIFICATION',
  CANDIDATES: 'AWARD',
  AWARD: 'AWARD',
  CONTRACT: 'CONTRACT',
  IMPLEMENTATION: 'IMPLEMENTATION',
  CANCELLATION: 'CANCELLED',
};

export const AWARD_STATUS = { pending: '中标候选人公示中', active: '结果已公告' };

/** The PPP library's stage codes (PppProject.stage.code), in order. */
export const PPP_STAGES = { 0: '识别', 1: '准备', 2: '采购', 3: '执行', 4: '移交' };
