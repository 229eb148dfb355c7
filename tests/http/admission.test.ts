// The cost gate alone: expensive work in flight bounded by its summed cost, a strict FIFO queue
// before it, bounded in length and in waiting time; a request that leaves frees its place.
import { afterEach, expect, test, vi } from 'vitest';
import { createCostGate } from '../../src/http/admission.js';

afterEach(() => {
  vi.useRealTimers();
});

const admitted = (entry: unknown) => {
  if (!entry || typeof entry !== 'object' || !('release' in entry)) throw new Error(`not admitted: ${JSON.stringify(entry)}`);
  return entry as { release(): void };
};

test('work within the budget is admitted at once; beyond it, it waits for a release', async () => {
  const gate = createCostGate({ costInFlight: 10, queueLength: 5, maxWaitMs: 60_000 });
  const a = admitted(await gate.enter(6));
  const b = admitted(await gate.enter(4));
  const c = gate.enter(1);
  expect(gate.state()).toEqual({ cost: 10, running: 2, queued: 1 });
  a.release();
  admitted(await c);
  expect(gate.state()).toEqual({ cost: 5, running: 2, queued: 0 });
  b.release();
  b.release(); // a second release changes nothing
  expect(gate.state()).toEqual({ cost: 1, running: 1, queued: 0 });
});

test('one operation above the whole budget runs when nothing else does', async () => {
  const gate = createCostGate({ costInFlight: 10, queueLength: 5, maxWaitMs: 60_000 });
  const big = admitted(await gate.enter(50));
  const next = gate.enter(50);
  expect(gate.state().queued).toBe(1);
  big.release();
  admitted(await next);
});

test('first in, first out: a large operation at the head is not overtaken', async () => {
  const gate = createCostGate({ costInFlight: 10, queueLength: 5, maxWaitMs: 60_000 });
  const first = admitted(await gate.enter(8));
  const order: string[] = [];
  const inOrder = (name: string) => (entry: unknown) => {
    order.push(name);
    return admitted(entry);
  };
  const large = gate.enter(9).then(inOrder('large'));
  const small = gate.enter(1).then(inOrder('small'));
  // The small one would fit now, but waits behind the large one.
  await Promise.resolve();
  expect(gate.state()).toEqual({ cost: 8, running: 1, queued: 2 });
  first.release();
  await Promise.all([large, small]);
  expect(order).toEqual(['large', 'small']);
});

test('a full queue refuses at once', async () => {
  const gate = createCostGate({ costInFlight: 10, queueLength: 1, maxWaitMs: 60_000 });
  const running = admitted(await gate.enter(10));
  const waiting = gate.enter(5);
  expect(await gate.enter(5)).toEqual({ refused: 'queue full' });
  running.release();
  admitted(await waiting);
});

test('a wait that runs out is refused and leaves the queue', async () => {
  vi.useFakeTimers();
  const gate = createCostGate({ costInFlight: 10, queueLength: 1, maxWaitMs: 5_000 });
  admitted(await gate.enter(10));
  const waiting = gate.enter(5);
  vi.advanceTimersByTime(5_000);
  expect(await waiting).toEqual({ refused: 'waited too long' });
  expect(gate.state().queued).toBe(0);
});

test('a request that goes away leaves the queue; the work behind it moves up', async () => {
  const gate = createCostGate({ costInFlight: 10, queueLength: 2, maxWaitMs: 60_000 });
  const running = admitted(await gate.enter(10));
  const client = new AbortController();
  const leaving = gate.enter(5, client.signal);
  const staying = gate.enter(5);
  client.abort();
  expect(await leaving).toEqual({ refused: 'gone' });
  expect(gate.state()).toEqual({ cost: 10, running: 1, queued: 1 });
  running.release();
  admitted(await staying);
});
