import { Migration } from '@mikro-orm/migrations';
import { dropTallyTriggers, fillTally, tallyTriggers, type TallyShape } from './intake-tally-sql.js';

const KEYS = ['target_group', 'origin_code', 'source'];
const BEFORE: TallyShape = { keys: KEYS };
const AFTER: TallyShape = { keys: KEYS, records: true };

/**
 * The table of subtotals, with the count of intake rows or without (SQLite adds no NOT NULL column
 * without a default). With it the table is WITHOUT ROWID: its primary key (plan line first) holds
 * every column, so a join from plan lines reads a line's subtotals in one range of one B-tree rather
 * than looking each one up by rowid.
 */
const createTable = ({ keys, records }: TallyShape) => {
  const key = ['plan_id', ...keys].map((c) => `\`${c}\``).join(', ');
  const columns = keys.map((c) => `\`${c}\` text not null, `).join('');
  return `create table \`intake_tally\` (\`plan_id\` integer not null, ${columns}\`students\` integer not null, ${records ? '`records` integer not null, ' : ''}constraint \`intake_tally_plan_id_foreign\` foreign key(\`plan_id\`) references \`enrollment_plan\`(\`id\`) on delete cascade on update cascade, primary key (${key}))${records ? ' without rowid' : ''};`;
};

/**
 * Intake subtotals count their intake rows as well (`records`), so `aggregateIntakes` answers the
 * number of records and the mean per record from them (ADR 0043). The table holds only sums of
 * intakes: it is rebuilt from them.
 */
export class Migration20261206124500 extends Migration {
  override async up(): Promise<void> {
    this.rebuild(AFTER);
  }

  override async down(): Promise<void> {
    this.rebuild(BEFORE);
  }

  private rebuild(shape: TallyShape): void {
    for (const drop of dropTallyTriggers()) this.addSql(drop);
    this.addSql(`drop table \`intake_tally\`;`);
    this.addSql(createTable(shape));
    const indexed = shape.records ? ['plan_id', 'source', 'students', 'records'] : ['plan_id', 'source', 'students'];
    this.addSql(`create index \`intake_tally_${indexed.join('_')}_index\` on \`intake_tally\` (${indexed.map((c) => `\`${c}\``).join(', ')});`);
    this.addSql(fillTally(shape));
    for (const trigger of tallyTriggers(shape)) this.addSql(trigger);
  }
}
