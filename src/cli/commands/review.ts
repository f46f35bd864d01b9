import type { Command } from 'commander';
import type { Knex } from 'knex';
import { loadConfig, type HubConfig } from '../../config/config';
import { identifyAdmin, type AdminAccess } from '../../graphql/admin/auth';
import { REVIEW_STATUSES, type ReviewAuditEntry, type ReviewDecision, type ReviewItemRecord } from '../../review/contract';
import { decideReview, listReviewItems, readAudit, recordRefusedDecision, reviewItem, ReviewDecisionError } from '../../review/store';
import { formatChinaTime } from '../../domain/chinaTime';
import { withDatabase } from '../database';
import { formatTable } from '../table';
import { UsageError } from '../errors';

/** A decision the CLI refused for its admin token; the attempt is in the audit log. */
export class ReviewRefusedError extends Error {
  override name = 'ReviewRefusedError';
}

interface ListOptions {
  status?: string;
  stream?: string;
  limit?: string;
  json?: boolean;
}

interface DecideOptions {
  basis: string;
  field?: string[];
  json?: boolean;
}

/** What `list --status` takes: a review status, or all of them. */
const STATUSES = [...REVIEW_STATUSES, 'all'] as const;

/** What each decision is called in what the command prints. */
const DONE: Record<ReviewDecision, string> = { approve: 'approved', redact: 'redacted', withhold: 'withheld' };

/**
 * `hub review`: the secrecy and privacy review (保密审查) from a terminal. Listing and reading the
 * audit log need the database, as every hub command does; a decision also needs an admin, named by
 * their token in HUB_REVIEW_TOKEN, checked against HUB_ADMIN_TOKENS / HUB_ADMIN_TOKEN as the server
 * checks a bearer token. A running server learns of a decision made here within seconds.
 */
export function registerReview(program: Command): void {
  const review = program.command('review').description('the secrecy and privacy review (保密审查) of records held before publication');
  review
    .command('list')
    .description('list review items, oldest held first (held ones unless --status says otherwise)')
    .option('--status <status>', `${STATUSES.slice(0, -1).join(', ')} or all`, 'held')
    .option('--stream <name>', 'only this stream, e.g. credit/penalties')
    .option('--limit <n>', 'at most this many', '100')
    .option('--json', 'print JSON (with each item\'s held content)')
    .action(async (o: ListOptions) => {
      const status = requireStatus(o.status);
      const limit = requireLimit(o.limit);
      const page = await withDatabase(loadConfig(), (db) => listReviewItems(db.knex, { status, stream: o.stream, first: limit }), { migrate: true });
      if (o.json) return void process.stdout.write(`${JSON.stringify(page.items, null, 2)}\n`);
      process.stdout.write(`${itemsTable(page.items)}\n`);
      if (page.hasNextPage) process.stdout.write(`(${page.items.length} of ${page.totalCount}; --limit ${page.totalCount} lists them all)\n`);
    });
  for (const decision of ['approve', 'withhold'] as const) {
    review
      .command(decision)
      .description(decision === 'approve' ? 'publish held records as they are (同意公开)' : 'do not publish held records (不予公开); an older published version is taken off too')
      .argument('<ids...>', 'review item ids (see "hub review list")')
      .requiredOption('--basis <reason>', decision === 'approve' ? 'why, e.g. "经审查不涉密，同意公开"' : 'the legal basis, e.g. "《政府信息公开条例》第十五条：涉及个人隐私"')
      .option('--json', 'print the decided items as JSON')
      .action((ids: string[], o: DecideOptions) => decide(decision, ids, o));
  }
  review
    .command('redact')
    .description('publish a held record with fields or findings masked (删除后公开)')
    .argument('<id>', 'the review item id (see "hub review list")')
    .option('--field <path...>', 'fields to mask, by path as findings name them (attributes.facts, parties[0].name); a field with findings has their spans masked, one without is masked whole; none: every finding\'s span is masked')
    .requiredOption('--basis <reason>', 'why, e.g. "删除个人身份证号码后公开"')
    .option('--json', 'print the decided item as JSON')
    .action((id: string, o: DecideOptions) => decide('redact', [id], o));
  review
    .command('audit')
    .description('read the review audit log, newest first: holds, decisions and refused attempts')
    .option('--item <id>', 'only the lines of this review item')
    .option('--limit <n>', 'at most this many', '100')
    .option('--json', 'print JSON')
    .action(async (o: { item?: string; limit?: string; json?: boolean }) => {
      const itemId = o.item === undefined ? undefined : requireIds([o.item])[0];
      const limit = requireLimit(o.limit);
      const lines = await withDatabase(loadConfig(), (db) => readAudit(db.knex, { itemId, first: limit }), { migrate: true });
      if (o.json) return void process.stdout.write(`${JSON.stringify(lines, null, 2)}\n`);
      process.stdout.write(`${auditTable(lines)}\n`);
    });
}

/**
 * One decision on each named item. The token is checked first: without an admin's, nothing is
 * decided and the attempt is recorded. Then every item must still be held, or none is decided
 * (the refusal is recorded with the admin's name). Each decision commits on its own, with its
 * audit line.
 */
async function decide(decision: ReviewDecision, rawIds: string[], o: DecideOptions): Promise<void> {
  const ids = requireIds(rawIds);
  const config = loadConfig();
  const access = identifyAdmin(process.env.HUB_REVIEW_TOKEN, config.admins);
  const attempt = { decision, basis: o.basis, redactFields: o.field ?? null };
  const decided = await withDatabase(
    config,
    async (db) => {
      if (access.state !== 'granted') {
        for (const itemId of ids) await recordRefusedDecision(db.knex, { ...attempt, itemId, actor: null, via: 'cli', reason: tokenRefusal(access.state) });
        throw new ReviewRefusedError(`${tokenAdvice(access.state, config)} The attempt is recorded in the review audit log.`);
      }
      await requireHeld(db.knex, ids, { ...attempt, actor: access.name });
      const items: ReviewItemRecord[] = [];
      for (const id of ids) {
        items.push(
          await decideReview(db.knex, { id, ...attempt, actor: access.name, via: 'cli' }).catch((error) => {
            throw error instanceof ReviewDecisionError ? new UsageError(error.message) : error;
          }),
        );
      }
      return items;
    },
    { migrate: true },
  );
  if (o.json) return void process.stdout.write(`${JSON.stringify(decided, null, 2)}\n`);
  for (const item of decided) process.stdout.write(`${DONE[decision]} ${item.id} (${item.stream} ${item.sourceKey}) by ${item.decidedBy}: ${item.title}\n`);
}

/**
 * Every item named must be held: otherwise the command would decide some and stop at the first
 * that is not, leaving the user to work out which were decided. Refusals are recorded, as the
 * store records those it meets itself.
 */
async function requireHeld(knex: Knex, ids: number[], attempt: { decision: ReviewDecision; basis: string; redactFields: string[] | null; actor: string }): Promise<void> {
  const problems: string[] = [];
  for (const id of ids) {
    const item = await reviewItem(knex, id);
    const problem = !item
      ? `there is no review item ${id}`
      : item.status === 'held'
        ? undefined
        : item.status === 'superseded'
          ? `review item ${id} is superseded: the source changed the record, and its new version is reviewed on its own`
          : `review item ${id} was already decided: ${item.status} by ${item.decidedBy ?? 'an admin'}`;
    if (!problem) continue;
    problems.push(problem);
    await recordRefusedDecision(knex, { ...attempt, itemId: id, via: 'cli', reason: problem });
  }
  if (problems.length) {
    throw new UsageError(`nothing was decided: ${problems.join('; ')} (see "hub review list --status all"; only held items can be decided)`);
  }
}

/** Why a decision without a valid admin token was refused, as the audit log says it. */
function tokenRefusal(state: Exclude<AdminAccess['state'], 'granted'>): string {
  if (state === 'missing') return 'no admin token: HUB_REVIEW_TOKEN was not set';
  if (state === 'wrong') return 'a wrong admin token: HUB_REVIEW_TOKEN is none of HUB_ADMIN_TOKENS or HUB_ADMIN_TOKEN';
  return 'admin operations are disabled: neither HUB_ADMIN_TOKENS nor HUB_ADMIN_TOKEN is set';
}

/** What the user sees instead: what to set. */
function tokenAdvice(state: Exclude<AdminAccess['state'], 'granted'>, config: HubConfig): string {
  if (state === 'disabled') {
    return 'Review decisions are made by named admins, and this hub has none: set HUB_ADMIN_TOKENS="name=token,…" (the same as the server\'s), and HUB_REVIEW_TOKEN to your own token.';
  }
  const names = config.admins.map((a) => a.name).join(', ');
  if (state === 'missing') return `A review decision needs an admin: set HUB_REVIEW_TOKEN to your token from HUB_ADMIN_TOKENS (admins: ${names}).`;
  return `HUB_REVIEW_TOKEN is none of the admins' tokens in HUB_ADMIN_TOKENS / HUB_ADMIN_TOKEN (admins: ${names}); set it to your own token.`;
}

function requireStatus(status = 'held'): (typeof STATUSES)[number] {
  const known = STATUSES.find((s) => s === status);
  if (!known) throw new UsageError(`--status "${status}" is not a review status; use one of ${STATUSES.join(', ')}`);
  return known;
}

function requireLimit(limit = '100'): number {
  const n = Number(limit);
  if (!/^\d+$/.test(limit) || !Number.isSafeInteger(n) || n < 1) throw new UsageError(`--limit must be a whole number of 1 or more, got "${limit}"`);
  return n;
}

function requireIds(ids: string[]): number[] {
  return ids.map((id) => {
    const n = Number(id);
    if (!/^\d{1,16}$/.test(id) || !Number.isSafeInteger(n) || n <= 0) throw new UsageError(`"${id}" is not a review item id (see "hub review list")`);
    return n;
  });
}

const time = (d: Date | null) => (d ? formatChinaTime(d) : '');

function itemsTable(items: ReviewItemRecord[]): string {
  const rows = items.map((i) => [
    i.id,
    i.stream,
    i.sourceKey,
    i.status,
    time(i.heldAt),
    i.findings.map((f) => `${f.rule} @ ${f.field}: ${f.excerpt}`).join('; '),
    i.decidedBy ? `${i.decidedBy} ${time(i.decidedAt)}: ${i.basis ?? ''}` : '',
    i.title,
  ]);
  return formatTable(['id', 'stream', 'source key', 'status', 'held (China time)', 'findings', 'decision', 'title'], rows);
}

function auditTable(lines: ReviewAuditEntry[]): string {
  const rows = lines.map((l) => [l.id, time(l.at), l.actor ?? '', l.via, l.action, l.itemId ?? '', l.basis ?? '', l.redactFields?.join(', ') ?? '', l.reason ?? '']);
  return formatTable(['#', 'at (China time)', 'admin', 'via', 'action', 'item', 'basis', 'fields', 'reason'], rows);
}
