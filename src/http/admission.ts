// Cost-bounded admission: under overload, one heavy kind of request must not starve the light
// ones, and a request that cannot be served soon is told so at once instead of timing out.
// Each executed query is weighed by the cost the limits compute (queryLimits.ts: the complexity
// plugin's sum with the variables' values):
// - cheap ones (below `cheapBelowCost`: the widget's contact card, offers, district page) run at
//   once, never queued, and are not counted;
// - expensive ones (comparisons, spreadsheet-sized pages) share a budget of cost executing at
//   once; beyond it they wait in a bounded FIFO queue, at most `maxWaitMs`; a full queue or a
//   wait that ran out is answered 503 OVERLOADED with Retry-After.
// Only executed operations are admitted: answers kept by the response cache (answerBytes.ts
// before Yoga, the cache's onParams, and its onExecute, which replaces the execution this plugin
// wraps) are sent without queueing. Mutations are never queued: an editor's write is short and
// rare (rate-limited per token), must not wait behind the dashboard, and a refused create would
// leave its client unsure whether to send it again. Subscriptions do not execute here (Yoga
// subscribes them) and stay exempt.
import type { FastifyReply } from 'fastify';
import { type ExecutionArgs, GraphQLError, getOperationAST } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { operationCost } from './queryLimits.js';

export interface AdmissionLimits {
  /** Operations costing less run at once, uncounted. */
  cheapBelowCost: number;
  /** The cost of expensive operations executing at once; one alone is always admitted. */
  costInFlight: number;
  /** Expensive operations waiting at most; the next one is answered 503. */
  queueLength: number;
  /** How long an expensive operation may wait for its turn before it is answered 503. */
  maxWaitMs: number;
}

type Entry = { release(): void } | { refused: 'queue full' | 'waited too long' | 'gone' };

/**
 * Expensive work in flight, bounded by its summed cost, and the FIFO queue before it. Strictly
 * first in, first out: a large operation at the head is not overtaken by smaller ones behind it,
 * so none waits for ever.
 */
export function createCostGate({ costInFlight, queueLength, maxWaitMs }: Omit<AdmissionLimits, 'cheapBelowCost'>) {
  let cost = 0;
  let running = 0;
  const queue: { cost: number; admit(): void }[] = [];
  const fits = (wanted: number) => running === 0 || cost + wanted <= costInFlight;
  const start = (wanted: number) => {
    cost += wanted;
    running++;
    let released = false;
    return {
      release() {
        if (released) return;
        released = true;
        cost -= wanted;
        running--;
        while (queue.length && fits(queue[0]!.cost)) queue.shift()!.admit();
      },
    };
  };
  return {
    /** Admits `wanted` now, or queues it; `gone` (the client left, the request timed out) takes it out of the queue. */
    enter(wanted: number, gone?: AbortSignal): Promise<Entry> {
      if (!queue.length && fits(wanted)) return Promise.resolve(start(wanted));
      if (queue.length >= queueLength) return Promise.resolve({ refused: 'queue full' });
      return new Promise<Entry>((resolve) => {
        const leave = (refused: 'waited too long' | 'gone') => {
          queue.splice(queue.indexOf(waiter), 1);
          finish({ refused });
        };
        const timer = setTimeout(() => leave('waited too long'), maxWaitMs);
        const onGone = () => leave('gone');
        const finish = (entry: Entry) => {
          clearTimeout(timer);
          gone?.removeEventListener('abort', onGone);
          resolve(entry);
        };
        const waiter = { cost: wanted, admit: () => finish(start(wanted)) };
        queue.push(waiter);
        gone?.addEventListener('abort', onGone, { once: true });
      });
    },
    /** Cost executing and operations waiting, for logs and tests. */
    state: () => ({ cost, running, queued: queue.length }),
  };
}

function overloaded(retryAfterSeconds: number): GraphQLError {
  const message = `The server is busy with expensive queries and did not run this one. Try again in ${retryAfterSeconds} s.`;
  return new GraphQLError(message, {
    extensions: {
      code: 'OVERLOADED',
      retryAfterSeconds,
      http: { status: 503, headers: { 'retry-after': String(retryAfterSeconds) } },
    },
  });
}

/** Aborts when the request's connection closes before it is answered: the client left, or the request timeout answered it. */
function whenClosed(reply: FastifyReply | undefined): { signal?: AbortSignal; stop(): void } {
  if (!reply) return { stop: () => {} };
  const controller = new AbortController();
  const abort = () => controller.abort();
  reply.raw.once('close', abort);
  return { signal: controller.signal, stop: () => reply.raw.off('close', abort) };
}

/** Yoga's plugin: after the query limits (which weigh the cost), before the response cache (whose hits replace the execution). */
export function useAdmission(limits: AdmissionLimits): Plugin {
  const gate = createCostGate(limits);
  // By the time whoever waits now has had their turn.
  const retryAfterSeconds = Math.max(1, Math.ceil(limits.maxWaitMs / 1000));
  return {
    onExecute({ args, executeFn, setExecuteFn }) {
      const cost = operationCost(args.contextValue as object);
      if (cost === undefined || cost < limits.cheapBelowCost) return;
      if (getOperationAST(args.document, args.operationName)?.operation !== 'query') return;
      const reply = (args.contextValue as { reply?: FastifyReply }).reply;
      setExecuteFn(async (executionArgs: ExecutionArgs) => {
        const closed = whenClosed(reply);
        const entry = await gate.enter(cost, closed.signal);
        closed.stop();
        if ('refused' in entry) return { errors: [overloaded(retryAfterSeconds)] };
        try {
          return await executeFn(executionArgs);
        } finally {
          entry.release();
        }
      });
    },
  };
}
