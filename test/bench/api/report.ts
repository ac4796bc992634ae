import fs from 'node:fs';
import path from 'node:path';
import { QUERY_TITLES, type QueryName } from './queries.js';

export interface Measurement {
  server: string;
  query: QueryName;
  round: number;
  requests: number;
  seconds: number;
  p50Ms: number;
  p99Ms: number;
  errors: number;
  /** CPU seconds of the server process during the timed window. */
  serverCpu: number;
  /** CPU seconds of PostgreSQL's backends during the window (0 on SQLite). */
  databaseCpu: number;
  /** The machine's 1-minute load average at the end of the window (other work on it shows here). */
  loadAverage: number;
}

export interface Summary {
  server: string;
  query: QueryName;
  reqPerSec: number;
  /** Slowest and fastest round, req/s. */
  reqPerSecRange: [number, number];
  p50Ms: number;
  p99Ms: number;
  errors: number;
  serverCpuMsPerReq: number;
  databaseCpuMsPerReq: number;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

/** Per server and query over all rounds: throughput of all timed seconds, median p50/p99 of the rounds, CPU per request. */
export function summarise(measurements: Measurement[]): Summary[] {
  const groups = new Map<string, Measurement[]>();
  for (const m of measurements) {
    const key = `${m.query}\u0000${m.server}`;
    groups.set(key, [...(groups.get(key) ?? []), m]);
  }
  return [...groups.values()].map((ms) => {
    const requests = ms.reduce((s, m) => s + m.requests, 0);
    const seconds = ms.reduce((s, m) => s + m.seconds, 0);
    const rates = ms.map((m) => m.requests / m.seconds);
    return {
      server: ms[0]!.server,
      query: ms[0]!.query,
      reqPerSec: requests / seconds,
      reqPerSecRange: [Math.min(...rates), Math.max(...rates)],
      p50Ms: median(ms.map((m) => m.p50Ms)),
      p99Ms: median(ms.map((m) => m.p99Ms)),
      errors: ms.reduce((s, m) => s + m.errors, 0),
      serverCpuMsPerReq: (ms.reduce((s, m) => s + m.serverCpu, 0) * 1000) / requests,
      databaseCpuMsPerReq: (ms.reduce((s, m) => s + m.databaseCpu, 0) * 1000) / requests,
    };
  });
}

export interface Goal {
  goal: string;
  measured: string;
  ratio: number;
  met: boolean;
  /** A point of comparison, not one of the issue's goals. */
  reference?: boolean;
}

/** Ratios of ours to PostGraphile 4 in the run before node:http replaced Express (docs/benchmarks.md): not to fall below. */
const EARLIER_RATIOS: Partial<Record<QueryName, number>> = { nested: 1.48, progress: 0.94 };

/** The issue's goals as ratios (≥ 1 met) from the summaries of one run. */
export function goals(summaries: Summary[], peakRss: Record<string, number>): Goal[] {
  const find = (server: string, query: QueryName) => summaries.find((s) => s.server === server && s.query === query);
  const rate = (server: string, query: QueryName) => find(server, query)?.reqPerSec;
  const result: Goal[] = [];
  const compare = (goal: string, a: number | undefined, b: number | undefined, factor = 1, reference = false) => {
    if (a === undefined || b === undefined) return;
    const ratio = a / (b * factor);
    result.push({
      goal,
      measured: `${a >= 10 ? a.toFixed(0) : a.toFixed(2)} vs ${b * factor >= 10 ? (b * factor).toFixed(0) : (b * factor).toFixed(2)} req/s`,
      ratio,
      met: ratio >= 1,
      reference,
    });
  };
  compare(`ours/PostgreSQL ≥ 0.8 × PostGraphile 4: ${QUERY_TITLES.record}`, rate('ours-postgresql', 'record'), rate('postgraphile', 'record'), 0.8);
  compare(`ours/PostgreSQL ≥ 2 × PostGraphile 4 with JWT: ${QUERY_TITLES.record}`, rate('ours-postgresql', 'record'), rate('postgraphile-jwt', 'record'), 2);
  for (const query of ['nested', 'progress'] as QueryName[]) {
    compare(
      `ours/PostgreSQL ≥ ${EARLIER_RATIOS[query]} × PostGraphile 4 (the earlier ratio): ${QUERY_TITLES[query]}`,
      rate('ours-postgresql', query),
      rate('postgraphile', query),
      EARLIER_RATIOS[query],
    );
  }
  const ourCpu = find('ours-postgresql', 'record')?.serverCpuMsPerReq;
  const apolloCpu = find('apollo-http', 'record')?.serverCpuMsPerReq;
  if (ourCpu !== undefined && apolloCpu !== undefined) {
    const ratio = (1.5 * apolloCpu) / ourCpu;
    result.push({
      goal: `ours/PostgreSQL CPU per request ≤ 1.5 × Apollo Server alone over node:http: ${QUERY_TITLES.record}`,
      measured: `${ourCpu.toFixed(2)} vs ${apolloCpu.toFixed(2)} ms`,
      ratio,
      met: ratio >= 1,
    });
  }
  compare('ours/PostgreSQL ≥ ½ raw limit: nested list', rate('ours-postgresql', 'nested'), rate('raw', 'nested'), 0.5);
  // Not goals: how far Apollo Server itself gets on either transport, for reading the first lines.
  compare(
    `Apollo Server alone over node:http vs PostGraphile 4: ${QUERY_TITLES.record}`,
    rate('apollo-http', 'record'),
    rate('postgraphile', 'record'),
    1,
    true,
  );
  compare(
    `Apollo Server alone over Express vs PostGraphile 4: ${QUERY_TITLES.record}`,
    rate('apollo-express', 'record'),
    rate('postgraphile', 'record'),
    1,
    true,
  );
  compare(
    `ours/PostgreSQL vs Apollo Server alone over node:http: ${QUERY_TITLES.record}`,
    rate('ours-postgresql', 'record'),
    rate('apollo-http', 'record'),
    1,
    true,
  );
  for (const query of ['record', 'nested', 'progress', 'bulkSave'] as QueryName[]) {
    compare(`ours/SQLite ≥ ours/PostgreSQL: ${QUERY_TITLES[query]}`, rate('ours-sqlite', query), rate('ours-postgresql', query));
  }
  for (const [server, mib] of Object.entries(peakRss)) {
    result.push({ goal: `peak RSS < 300 MB: ${server}`, measured: `${mib.toFixed(0)} MiB`, ratio: 300 / mib, met: mib < 300 });
  }
  return result;
}

export interface Report {
  machine: Record<string, string>;
  settings: Record<string, number | string>;
  summaries: Summary[];
  peakRssMiB: Record<string, number>;
  goals: Goal[];
  measurements: Measurement[];
}

const f1 = (n: number) => n.toFixed(1);
/** Requests per second: whole numbers, except for the slow saves. */
const rate = (n: number) => (n >= 10 ? n.toFixed(0) : n.toFixed(2));

export function renderMarkdown(report: Report): string {
  const lines = ['# API benchmark: our server vs PostGraphile 4 (with and without JWT) vs raw SQL (and Apollo Server alone)', ''];
  lines.push(...Object.entries(report.machine).map(([k, v]) => `- ${k}: ${v}`), '');
  lines.push(
    `Settings: ${Object.entries(report.settings)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}.`,
    '',
  );
  lines.push(
    '| query | server | req/s | (rounds min–max) | p50 ms | p99 ms | server CPU ms/req | PostgreSQL CPU ms/req | errors |',
    '|---|---|---:|---:|---:|---:|---:|---:|---:|',
  );
  for (const s of report.summaries) {
    lines.push(
      `| ${QUERY_TITLES[s.query]} | ${s.server} | ${rate(s.reqPerSec)} | ${s.reqPerSecRange.map(rate).join('–')} | ${f1(s.p50Ms)} | ${f1(s.p99Ms)} | ${s.serverCpuMsPerReq.toFixed(2)} | ${s.databaseCpuMsPerReq.toFixed(2)} | ${s.errors} |`,
    );
  }
  const rounds = [...new Set(report.measurements.map((m) => m.round))];
  const loads = rounds.map((round) => Math.max(...report.measurements.filter((m) => m.round === round).map((m) => m.loadAverage)));
  lines.push('', `Highest 1-minute load average per round: ${loads.map((l, i) => `round ${rounds[i]} ${l.toFixed(1)}`).join(', ')}.`);
  lines.push('', '| server | peak RSS MiB |', '|---|---:|');
  for (const [server, mib] of Object.entries(report.peakRssMiB)) lines.push(`| ${server} | ${mib.toFixed(0)} |`);
  lines.push('', '| goal | measured | ratio | met |', '|---|---|---:|---|');
  for (const g of report.goals) lines.push(`| ${g.goal} | ${g.measured} | ${g.ratio.toFixed(2)} | ${g.reference ? 'reference' : g.met ? 'yes' : '**no**'} |`);
  return lines.join('\n');
}

export function writeApiReport(dir: string, report: Report): string[] {
  fs.mkdirSync(dir, { recursive: true });
  const files = [path.join(dir, 'api-latest.md'), path.join(dir, 'api-latest.json')];
  fs.writeFileSync(files[0]!, `${renderMarkdown(report)}\n`);
  fs.writeFileSync(files[1]!, `${JSON.stringify(report, null, 2)}\n`);
  return files;
}
