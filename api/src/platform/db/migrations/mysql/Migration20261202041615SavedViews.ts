import { Migration } from '@mikro-orm/migrations';

export class Migration20261202041615 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table \`saved_views\` (\`id\` varchar(36) not null, \`created_at\` datetime(3) not null, \`updated_at\` datetime(3) not null, \`tenant_id\` varchar(36) not null, \`name\` varchar(60) not null, \`filter\` json not null, \`shared\` tinyint(1) not null, \`owner_id\` varchar(36) not null, primary key (\`id\`)) default character set utf8mb4 engine = InnoDB;`);
    this.addSql(`alter table \`saved_views\` add index \`saved_views_tenant_id_index\`(\`tenant_id\`);`);
    this.addSql(`alter table \`saved_views\` add index \`saved_views_tenant_id_owner_id_index\`(\`tenant_id\`, \`owner_id\`);`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists \`saved_views\`;`);
  }

}
