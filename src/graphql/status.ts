/** Stored statuses are the sources' own words; the API groups them into three states. */
const TO_API: Record<string, 'PUBLISHED' | 'AMENDED' | 'REVOKED'> = {
  published: 'PUBLISHED',
  listed: 'PUBLISHED',
  active: 'PUBLISHED',
  amended: 'AMENDED',
  superseded: 'AMENDED',
  revoked: 'REVOKED',
  removed: 'REVOKED',
  expired: 'REVOKED',
  cancelled: 'REVOKED',
};

export function apiStatus(stored: string): 'PUBLISHED' | 'AMENDED' | 'REVOKED' {
  return TO_API[stored] ?? 'PUBLISHED';
}

export function storedStatuses(api: string): string[] {
  return Object.entries(TO_API)
    .filter(([, value]) => value === api)
    .map(([key]) => key);
}
