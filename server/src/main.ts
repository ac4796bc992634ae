import 'reflect-metadata';
import http from 'node:http';
import { readEnv } from './env.js';
import { openOrm, migrate } from './orm.js';
import { seed } from './seeders/index.js';
import { createApp } from './app.js';

async function main(): Promise<void> {
  const env = readEnv();
  const args = new Set(process.argv.slice(2));
  const orm = await openOrm({ databaseUrl: env.databaseUrl });
  if (args.has('--migrate')) await migrate(orm);
  if (args.has('--seed')) {
    for (const what of await seed(orm, { demo: env.demoData })) console.log(`Seeded ${what}`);
  }
  const app = await createApp({ orm, adminDist: env.adminDist });
  const server = http.createServer(app.express);
  server.listen(env.port, () => {
    const base = `http://localhost:${env.port}`;
    console.log(`GraphQL API: ${base}/graphql\nAdmin:       ${base}/`);
  });

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: draining requests and closing the database`);
    server.close();
    server.closeIdleConnections();
    await app.stop();
    await orm.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
