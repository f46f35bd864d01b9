/** Where the portal finds the API, and how much it asks for at a time. */

/** Relative, so a hub served under a path prefix works too. */
export const API_URL = new URL('graphql', document.baseURI).href;

export const PAGE_SIZE = 20;

export const AIR_REFRESH_MS = 5 * 60 * 1000; // latestAirQuality is cached for 300 s

/** Lists beside a detail (trading processes, PPP projects) are shorter, so the detail stays in view. */
export const DETAIL_LIST_SIZE = 10;
