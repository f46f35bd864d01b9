/** The Chinese names the page shows for the API's codes. */

export const DOMAINS = {
  CREDIT: '信用',
  TRADING: '交易',
  PPP: 'PPP',
  ENVIRONMENT: '环境',
};

export const DOMAIN_ORDER = ['CREDIT', 'TRADING', 'PPP', 'ENVIRONMENT'];

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
};

export const POLLUTANTS = { so2: 'SO2', no2: 'NO2', pm10: 'PM10', co: 'CO', o3: 'O3', pm25: 'PM2.5' };

export const PPP_ROLES = {
  'implementing-agency': '实施机构',
  partner: '社会资本方',
  'government-equity-representative': '政府出资代表',
};
