import path from 'node:path';

/** The repository root: children run from it, and reports name files relative to it. */
export const ROOT = path.resolve(__dirname, '../..');

/** Where every benchmark writes its report (git-ignored). */
export const RESULTS_DIR = path.join(ROOT, 'bench', 'results');
