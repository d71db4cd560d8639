import { Migration } from '@mikro-orm/migrations';

export class Migration20261202182817 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table \`roles\` (\`id\` varchar(36) not null, \`created_at\` datetime(3) not null, \`updated_at\` datetime(3) not null, \`tenant_id\` varchar(36) not null, \`name\` varchar(60) not null, \`base\` varchar(16) not null, \`permissions\` json not null, primary key (\`id\`)) default character set utf8mb4 engine = InnoDB;`);
    this.addSql(`alter table \`roles\` add index \`roles_tenant_id_index\`(\`tenant_id\`);`);
    this.addSql(`alter table \`roles\` add unique \`roles_tenant_id_name_unique\`(\`tenant_id\`, \`name\`);`);

    this.addSql(`alter table \`memberships\` add \`custom_role_id\` varchar(36) null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists \`roles\`;`);

    this.addSql(`alter table \`memberships\` drop column \`custom_role_id\`;`);
  }

}
