// `npm start`: set up what is missing, then serve the API and the admin (SQLite migrated and seeded).
import { bootstrap, run } from './bootstrap.mjs';

const pnpm = bootstrap();
run(pnpm, ['--filter', 'server', 'run', 'start']);
