/**
 * Where the sample 政府信息公开平台 serves its two exports. The policy connector is a manifest
 * (connectors/policy/connector.yaml), which names the same paths; samples cannot import YAML.
 */
export const DOCUMENTS_PATH = '/policy/documents';
export const INTERPRETATIONS_PATH = '/policy/interpretations';
