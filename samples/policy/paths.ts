/**
 * Where the sample 政府信息公开平台 serves its two exports. The policy connector is a manifest
 * (connectors/policy/connector.yaml), which names the same paths; samples cannot import YAML.
 */
export const DOCUMENTS_PATH = '/policy/documents';
export const INTERPRETATIONS_PATH = '/policy/interpretations';

/**
 * Each record's page on the city government's portal, as the export links it (ljdz). The portal is
 * the city's; the paths under it are not confirmed.
 */
export const pageOf = (section: 'zcwj' | 'zcjd', id: string) => `https://www.daqing.gov.cn/zwgk/${section}/${id}.html`;
