import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { WARM_UPS, type QueryTiming } from './measure.js';

export interface DatabaseResult {
  database: 'sqlite' | 'postgresql';
  migrateSeconds: number;
  generateSeconds: number;
  loadSeconds: number;
  rows: Record<string, number>;
  queries: QueryTiming[];
}

const GOAL_MS = 100;
/** Hand-written SQL's time over HTTP, over ours, for the analyst questions. */
const RATIO_GOAL = 0.7;
const ms = (value: number) => value.toFixed(1);

/** A Markdown table per database, printed and written with the raw numbers beside it. */
export function writeReport(dir: string, results: DatabaseResult[], runs: number): { text: string; files: string[] } {
  // The load average says how much else the machine was doing; timings scale with it.
  const load = os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' / ');
  const machine = `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, Node ${process.version}, ${new Date().toISOString().slice(0, 10)}, load average ${load} at the end`;
  const lines = [
    `# Analyst query benchmark`,
    '',
    `Machine: ${machine}. ${runs} timed runs per query after ${WARM_UPS} warm-ups (an analyst question's API, SQL and yardstick runs in turn), over HTTP against the real app.`,
    '',
  ];
  for (const r of results) {
    lines.push(`## ${r.database}`, '');
    lines.push(
      `Rows: ${Object.entries(r.rows)
        .map(([table, n]) => `${table} ${n.toLocaleString('en')}${table === 'intake_tally' ? ' (written by the triggers)' : ''}`)
        .join(', ')}.`,
    );
    lines.push(
      `Migrate + reference data ${r.migrateSeconds.toFixed(1)} s; generate ${r.generateSeconds.toFixed(1)} s; bulk load ${r.loadSeconds.toFixed(1)} s.`,
      '',
    );
    lines.push('| query | p50 ms | p95 ms | heap per run KiB | response bytes |', '|---|---:|---:|---:|---:|');
    for (const q of r.queries.filter((q) => q.sqlHttpP50 === undefined)) {
      const flag = r.database === 'sqlite' && q.p50 >= GOAL_MS ? ' ⚠' : '';
      lines.push(`| ${q.name} | ${ms(q.p50)}${flag} | ${ms(q.p95)} | ${q.heapKiB} | ${q.responseBytes} |`);
    }
    lines.push(
      '',
      `Analyst questions (\`aggregateX\` over HTTP) beside the same question as hand-written SQL: run on the connection (the database's own time), and asked over HTTP of the plainest server (node:http, the same reading path, rows as JSON: the yardstick); ratio = SQL over HTTP p50 / API p50 (goal ≥ ${RATIO_GOAL}, API p50 < ${GOAL_MS} ms).`,
      '',
    );
    lines.push(
      '| question | API p50 ms | API p95 ms | SQL on the connection p50 ms | SQL over HTTP p50 ms | ratio | response bytes |',
      '|---|---:|---:|---:|---:|---:|---:|',
    );
    for (const q of r.queries.filter((q) => q.sqlHttpP50 !== undefined)) {
      const ratio = q.sqlHttpP50! / q.p50;
      const flag = q.p50 >= GOAL_MS || ratio < RATIO_GOAL ? ' ⚠' : '';
      lines.push(
        `| ${q.name.replace('question: ', '')} | ${ms(q.p50)} | ${ms(q.p95)} | ${ms(q.sqlP50!)} | ${ms(q.sqlHttpP50!)} | ${ratio.toFixed(2)}${flag} | ${q.responseBytes} |`,
      );
    }
    lines.push('');
  }
  const text = lines.join('\n');
  fs.mkdirSync(dir, { recursive: true });
  const files = [path.join(dir, 'latest.md'), path.join(dir, 'latest.json')];
  fs.writeFileSync(files[0]!, `${text}\n`);
  fs.writeFileSync(files[1]!, `${JSON.stringify({ machine, runs, results }, null, 2)}\n`);
  return { text, files };
}
