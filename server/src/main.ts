import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { createHttpServer } from './http/http-server.js';
import { readEnv } from './env.js';
import { personalDataKeys } from './modules/student/personal-data-keys.js';
import { openOrm, migrate, closeOrm } from './orm.js';
import { seed } from './seeders/index.js';
import { createApp } from './app.js';
import { useDurationOverrides } from './modules/program/durations.js';
import { TokenService } from './auth/tokens.js';
import { ensureFirstAdmin } from './modules/user/first-admin.js';
import { systemClock, todayIn } from './common/clock.js';
import { deliverAlerts, realTransport } from './modules/alerts/alert-webhook.js';

/** How often alerts not yet delivered go to ALERT_WEBHOOK_URL. */
const ALERT_ROUND_MS = 60 * 60 * 1000;
import { guardProcess } from './process-guard.js';

async function main(): Promise<void> {
  guardProcess();
  const env = readEnv();
  // Refuses to start in production without the keys of personal data, before anything is served.
  personalDataKeys();
  const orm = await openOrm({
    databaseUrl: env.databaseUrl,
    poolMax: env.databasePoolMax,
    statementTimeoutMs: env.statementTimeoutMs,
    sqliteReaders: env.sqliteReaders,
  });
  if (env.migrateOnStart) await migrate(orm);
  // the demo's programmes take the configured lengths too
  useDurationOverrides(env.programDurations);
  if (env.seedOnStart) {
    for (const what of await seed(orm, { demo: env.demoData, today: env.demoToday })) console.log(`Seeded ${what}`);
  }
  const created = await ensureFirstAdmin(orm, env.adminUsername, env.adminPassword);
  if (created) console.log(created);
  if (!env.jwtSecret) console.warn('JWT_SECRET is not set: tokens are signed with a key that lasts until this process stops');
  const tokens = new TokenService(env.jwtSecret ?? randomBytes(32).toString('hex'), env.tokenTtlMinutes * 60);
  const httpServer = createHttpServer();
  const app = await createApp({
    orm,
    adminDist: env.adminDist,
    httpServer,
    shutdownGraceMs: env.shutdownGraceMs,
    queryLimits: env.queryLimits,
    listenUrl: env.databaseListenUrl,
    tokens,
    trustedProxies: env.trustProxy,
    production: env.production,
    programDurations: env.programDurations,
    alertReminderDays: env.alertReminderDays,
  });
  httpServer.listen(env.port, () => {
    const base = `http://localhost:${env.port}`;
    console.log(`GraphQL API: ${base}/graphql\nAdmin:       ${base}/`);
  });

  const webhook = env.alertWebhook;
  const alertRounds = webhook
    ? setInterval(() => {
        deliverAlerts(orm.em.fork(), webhook, todayIn(systemClock), env.alertReminderDays, realTransport)
          .then(({ delivered, failed }) => (delivered || failed) && console.log(`Alerts: ${delivered} delivered, ${failed} to retry`))
          .catch((error) => console.error('Alert delivery failed:', error));
      }, ALERT_ROUND_MS)
    : null;

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    if (alertRounds) clearInterval(alertRounds);
    console.log(`${signal}: finishing in-flight requests, then closing the database`);
    await app.stop();
    await closeOrm(orm);
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
