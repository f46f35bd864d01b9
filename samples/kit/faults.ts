/**
 * Fault switches for the sample feed server, so the engine's retries and failure handling can be
 * tested against real HTTP. Counted faults ("the next 3 requests answer 500") make tests exact;
 * rates make a long-running demo feed flaky the way real government endpoints are.
 */
export interface FaultPlan {
  /** The next N requests answer HTTP 500. */
  errors?: number;
  /** The next N requests wait `slowMs` before answering. */
  slow?: number;
  slowMs?: number;
  /** The next N requests send half a page and close. */
  truncated?: number;
  /** The next N requests answer 429 with Retry-After: 1. */
  throttled?: number;
  /** Every request fails with 503 until changed: a dead source. */
  down?: boolean;
  /** Random share of requests answering 500, for demos. */
  errorRate?: number;
}

export type Fault = 'error' | 'slow' | 'truncated' | 'throttled' | 'down' | undefined;

export class FaultInjector {
  private plan: FaultPlan = {};

  set(plan: FaultPlan): void {
    this.plan = { ...plan };
  }

  current(): FaultPlan {
    return { ...this.plan };
  }

  /** The fault for the next request, consuming one count; a per-request override wins. */
  next(requested?: string | null): Fault {
    if (requested) return requested === '500' ? 'error' : (requested as Fault);
    const p = this.plan;
    if (p.down) return 'down';
    for (const [count, fault] of [['errors', 'error'], ['throttled', 'throttled'], ['truncated', 'truncated'], ['slow', 'slow']] as const) {
      if ((p[count] ?? 0) > 0) {
        p[count] = (p[count] ?? 0) - 1;
        return fault;
      }
    }
    if (p.errorRate && Math.random() < p.errorRate) return 'error';
    return undefined;
  }

  get slowMs(): number {
    return this.plan.slowMs ?? 20000;
  }
}
