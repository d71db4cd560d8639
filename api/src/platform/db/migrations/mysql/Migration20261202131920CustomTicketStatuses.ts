import { Migration } from '@mikro-orm/migrations';

export class Migration20261202131920 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table \`ticket_status_definitions\` (\`id\` varchar(36) not null, \`created_at\` datetime(3) not null, \`updated_at\` datetime(3) not null, \`tenant_id\` varchar(36) not null, \`key\` varchar(40) not null, \`name\` varchar(60) not null, \`name_indonesian\` varchar(60) null, \`category\` varchar(16) not null, \`pauses_sla\` tinyint(1) not null default false, \`position\` int not null default 0, \`active\` tinyint(1) not null default true, primary key (\`id\`)) default character set utf8mb4 engine = InnoDB;`);
    this.addSql(`alter table \`ticket_status_definitions\` add index \`ticket_status_definitions_tenant_id_index\`(\`tenant_id\`);`);
    this.addSql(`alter table \`ticket_status_definitions\` add unique \`ticket_status_definitions_tenant_id_key_unique\`(\`tenant_id\`, \`key\`);`);

    this.addSql(`alter table \`tenants\` add \`board_columns_per_status\` tinyint(1) not null default false;`);

    this.addSql(`alter table \`tickets\` add \`status_key\` varchar(40) not null default 'OPEN', add \`status_pauses_sla\` tinyint(1) not null default false;`);
    // Existing tickets have no status of the workspace: their key is their category.
    this.addSql(`update \`tickets\` set \`status_key\` = \`status\`;`);
    this.addSql(`alter table \`tickets\` add index \`tickets_tenant_id_status_key_index\`(\`tenant_id\`, \`status_key\`);`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists \`ticket_status_definitions\`;`);

    this.addSql(`alter table \`tickets\` drop index \`tickets_tenant_id_status_key_index\`;`);
    this.addSql(`alter table \`tickets\` drop column \`status_key\`, drop column \`status_pauses_sla\`;`);

    this.addSql(`alter table \`tenants\` drop column \`board_columns_per_status\`;`);
  }

}
