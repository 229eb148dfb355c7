// Open-loop load for bench:overload and bench:mix: requests are sent at their due times, whatever
// the answers. A closed loop such as autocannon's slows down with the server and hides its queue.
// Latency counts from each request's due time, so that a late sender does not hide a slow server.
import { Agent, request } from 'node:http';

export interface Answer {
  status: number;
  /** For an error: the problem's or GraphQL error's code, or the connection's error. */
  code?: string;
  body: string;
}

export interface Sample {
  kind: string;
  status: number;
  code?: string;
  ms: number;
}

export interface Stream {
  kind: string;
  perSecond: number;
  send(index: number): Promise<Answer>;
}

const agent = new Agent({ keepAlive: true, maxSockets: 2_000 });

/** A 200 that carries GraphQL errors is an error too. */
function codeOf(status: number, body: string): string | undefined {
  if (status === 200 && !body.includes('"errors":')) return undefined;
  return /"code":"(\w+)"/.exec(body)?.[1] ?? (status === 200 ? 'GRAPHQL_ERROR' : `HTTP_${status}`);
}

/** One request; resolves with its status, body and, for an error, its code (never rejects). */
export function send(
  url: string,
  { method = 'GET', headers = {}, body }: { method?: string; headers?: Record<string, string>; body?: string } = {},
) {
  return new Promise<Answer>((resolve) => {
    const outgoing = request(url, { agent, method, headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => {
        const status = response.statusCode ?? 0;
        const text = Buffer.concat(chunks).toString();
        resolve({ status, code: codeOf(status, text), body: text });
      });
    });
    outgoing.on('error', (error) => resolve({ status: 0, code: error.message, body: '' }));
    outgoing.end(body);
  });
}

export interface Loaded {
  samples: Sample[];
  /** How late the sender was at worst, in ms: beyond a few ms, the generator (not the server) is the limit. */
  senderLagMs: number;
}

/** Sends each stream's requests at their due times for `seconds`; resolves when every answer is in. */
export async function openLoop(streams: Stream[], seconds: number): Promise<Loaded> {
  const samples: Promise<Sample>[] = [];
  const started = performance.now();
  const sent = streams.map(() => 0);
  const end = started + seconds * 1000;
  let senderLagMs = 0;
  while (performance.now() < end) {
    const now = performance.now();
    streams.forEach((stream, index) => {
      for (; started + (sent[index]! * 1000) / stream.perSecond <= now; sent[index]!++) {
        const due = started + (sent[index]! * 1000) / stream.perSecond;
        senderLagMs = Math.max(senderLagMs, now - due);
        samples.push(
          stream.send(sent[index]!).then(({ status, code }) => ({ kind: stream.kind, status, code, ms: performance.now() - due })),
        );
      }
    });
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
  return { samples: await Promise.all(samples), senderLagMs };
}

export const percentile = (values: number[], p: number) => {
  if (!values.length) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
};

export const ms = (value: number) => (Number.isNaN(value) ? '–' : String(Math.round(value)));

/** Replaces the report's section that starts with `heading` (or appends it) in bench/REPORT.md. */
export function withSection(report: string, heading: string, section: string): string {
  const start = report.indexOf(heading);
  const next = start < 0 ? -1 : report.indexOf('\n## ', start + 1);
  return start < 0 ? `${report.trimEnd()}\n\n${section}` : `${report.slice(0, start)}${section}${next < 0 ? '' : report.slice(next + 1)}`;
}
