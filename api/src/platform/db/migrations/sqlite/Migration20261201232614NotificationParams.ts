import { Migration } from '@mikro-orm/migrations';

/** Notifications are stored as a type with parameters (the client words them); the English title goes. */
export class Migration20261201232614 extends Migration {

  override async up(): Promise<void> {
    // SQLite cannot add a NOT NULL column to filled rows or drop columns in place: rebuild the table, keeping every row.
    this.addSql(`create table \`notifications__new\` (\`id\` text not null, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`tenant_id\` text not null, \`recipient_id\` text not null, \`type\` text not null, \`ticket_id\` text not null, \`event_id\` text not null, \`params\` json not null, \`read_at\` datetime null, primary key (\`id\`));`);
    this.addSql(`insert into \`notifications__new\` (\`id\`, \`created_at\`, \`updated_at\`, \`tenant_id\`, \`recipient_id\`, \`type\`, \`ticket_id\`, \`event_id\`, \`params\`, \`read_at\`)
      select n.\`id\`, n.\`created_at\`, n.\`updated_at\`, n.\`tenant_id\`, n.\`recipient_id\`, n.\`type\`, n.\`ticket_id\`, n.\`event_id\`,
        coalesce((select json_object('ticketNumber', t.\`number\`, 'ticketTitle', t.\`title\`) from \`tickets\` t where t.\`id\` = n.\`ticket_id\`), json_object('ticketNumber', 0, 'ticketTitle', '')),
        n.\`read_at\`
      from \`notifications\` n;`);
    this.addSql(`drop table \`notifications\`;`);
    this.addSql(`alter table \`notifications__new\` rename to \`notifications\`;`);
    this.addSql(`create index \`notifications_tenant_id_index\` on \`notifications\` (\`tenant_id\`);`);
    this.addSql(`create index \`notifications_tenant_id_recipient_id_read_at_id_index\` on \`notifications\` (\`tenant_id\`, \`recipient_id\`, \`read_at\`, \`id\`);`);
  }

}
