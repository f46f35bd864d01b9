import type { HubContext } from '../context';
import { recordRefusedDecision } from '../../review/store';
import { REVIEW_DECISIONS } from '../../review/contract';
import type { DecideArgs } from './resolvers';

/** What an attempt without a valid token may leave in the log: enough to see what was tried. */
const UNTRUSTED_TEXT_CHARS = 200;
const UNTRUSTED_FIELDS = 20;

/**
 * Records a decision attempt the API refused, with what was attempted and why. Anyone can send a
 * request: an attempt without a valid token keeps only the first characters of its basis and
 * fields, so the append-only log cannot be filled by strangers. Should the database fail here,
 * the caller still gets the refusal rather than the database's error.
 */
export async function auditRefusedAttempt(ctx: HubContext, args: DecideArgs, refusal: { actor: string | null; reason: string }): Promise<void> {
  const trusted = refusal.actor !== null;
  const text = (value: string) => (trusted ? value : value.slice(0, UNTRUSTED_TEXT_CHARS));
  const id = /^\d{1,16}$/.test(args.id) && Number.isSafeInteger(Number(args.id)) ? Number(args.id) : null;
  await recordRefusedDecision(ctx.primary, {
    itemId: id,
    actor: refusal.actor,
    via: 'graphql',
    decision: REVIEW_DECISIONS.includes(args.decision) ? args.decision : undefined,
    basis: typeof args.basis === 'string' ? text(args.basis) : null,
    redactFields: args.redactFields ? args.redactFields.slice(0, trusted ? undefined : UNTRUSTED_FIELDS).map(text) : null,
    reason: refusal.reason,
  }).catch(() => undefined);
}
