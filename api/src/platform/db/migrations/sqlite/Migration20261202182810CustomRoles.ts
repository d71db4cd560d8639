import { Migration } from '@mikro-orm/migrations';

export class Migration20261202182810 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table \`roles\` (\`id\` text not null, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`tenant_id\` text not null, \`name\` text not null, \`base\` text not null, \`permissions\` json not null, primary key (\`id\`));`);
    this.addSql(`create index \`roles_tenant_id_index\` on \`roles\` (\`tenant_id\`);`);
    this.addSql(`create unique index \`roles_tenant_id_name_unique\` on \`roles\` (\`tenant_id\`, \`name\`);`);

    this.addSql(`alter table \`memberships\` add column \`custom_role_id\` text null;`);
  }

}
