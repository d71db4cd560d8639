import { Migration } from '@mikro-orm/migrations';

export class Migration20261202040634 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table \`macros\` (\`id\` varchar(36) not null, \`created_at\` datetime(3) not null, \`updated_at\` datetime(3) not null, \`tenant_id\` varchar(36) not null, \`name\` varchar(120) not null, \`actions\` json not null, \`shared\` tinyint(1) not null, \`owner_id\` varchar(36) not null, primary key (\`id\`)) default character set utf8mb4 engine = InnoDB;`);
    this.addSql(`alter table \`macros\` add index \`macros_tenant_id_index\`(\`tenant_id\`);`);
    this.addSql(`alter table \`macros\` add index \`macros_tenant_id_owner_id_index\`(\`tenant_id\`, \`owner_id\`);`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists \`macros\`;`);
  }

}
