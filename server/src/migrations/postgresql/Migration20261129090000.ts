import { Migration } from '@mikro-orm/migrations';

/**
 * Announces every committed write to the tables that server instances cache (the request's user,
 * the city list) on the `table_changed` channel, with the table's name: each instance listens and
 * drops what it cached from that table (see common/table-cache.ts). PostgreSQL sends a transaction's
 * identical notifications once, after it commits, and none if it rolls back.
 */
export class Migration20261129090000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create function notify_table_changed() returns trigger language plpgsql as $$
begin
  perform pg_notify('table_changed', tg_table_name);
  return null;
end $$;`);
    for (const table of ['app_user', 'city']) {
      this.addSql(
        `create trigger ${table}_changed after insert or update or delete or truncate on "${table}" for each statement execute function notify_table_changed();`,
      );
    }
  }

  override async down(): Promise<void> {
    for (const table of ['app_user', 'city']) this.addSql(`drop trigger ${table}_changed on "${table}";`);
    this.addSql(`drop function notify_table_changed();`);
  }
}
