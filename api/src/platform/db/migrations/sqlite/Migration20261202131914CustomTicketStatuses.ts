import { Migration } from '@mikro-orm/migrations';

export class Migration20261202131914 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table \`ticket_status_definitions\` (\`id\` text not null, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`tenant_id\` text not null, \`key\` text not null, \`name\` text not null, \`name_indonesian\` text null, \`category\` text not null, \`pauses_sla\` integer not null default false, \`position\` integer not null default 0, \`active\` integer not null default true, primary key (\`id\`));`);
    this.addSql(`create index \`ticket_status_definitions_tenant_id_index\` on \`ticket_status_definitions\` (\`tenant_id\`);`);
    this.addSql(`create unique index \`ticket_status_definitions_tenant_id_key_unique\` on \`ticket_status_definitions\` (\`tenant_id\`, \`key\`);`);

    this.addSql(`alter table \`tenants\` add column \`board_columns_per_status\` integer not null default false;`);

    this.addSql(`alter table \`tickets\` add column \`status_key\` text not null default 'OPEN';`);
    this.addSql(`alter table \`tickets\` add column \`status_pauses_sla\` integer not null default false;`);
    // Existing tickets have no status of the workspace: their key is their category.
    this.addSql(`update \`tickets\` set \`status_key\` = \`status\`;`);
    this.addSql(`create index \`tickets_tenant_id_status_key_index\` on \`tickets\` (\`tenant_id\`, \`status_key\`);`);
  }

}
