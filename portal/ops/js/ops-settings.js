/** Where the operations view finds the API, and how much it asks for. */

/** The hub's endpoint, one level up from this page (it is served at ops/, the API at graphql). */
export const ADMIN_API_URL = new URL('../graphql', document.baseURI).href;

/** How far back the charts reach, in days. */
export const HISTORY_DAYS = 28;

/** How many of each stream's newest runs its card lists. */
export const LAST_RUNS = 5;
