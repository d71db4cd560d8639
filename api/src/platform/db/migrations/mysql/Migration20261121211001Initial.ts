import { Migration } from '@mikro-orm/migrations';

export class Migration20261121211001 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table \`tenants\` (\`id\` varchar(36) not null, \`created_at\` datetime(3) not null, \`updated_at\` datetime(3) not null, \`slug\` varchar(64) not null, \`name\` varchar(200) not null, primary key (\`id\`)) default character set utf8mb4 engine = InnoDB;`);
    this.addSql(`alter table \`tenants\` add unique \`tenants_slug_unique\`(\`slug\`);`);

    this.addSql(`create table \`users\` (\`id\` varchar(36) not null, \`created_at\` datetime(3) not null, \`updated_at\` datetime(3) not null, \`email\` varchar(254) not null, \`name\` varchar(200) not null, \`password_hash\` varchar(255) not null, \`active\` tinyint(1) not null default true, \`must_change_password\` tinyint(1) not null default false, primary key (\`id\`)) default character set utf8mb4 engine = InnoDB;`);
    this.addSql(`alter table \`users\` add unique \`users_email_unique\`(\`email\`);`);

    this.addSql(`create table \`refresh_tokens\` (\`id\` varchar(36) not null, \`created_at\` datetime(3) not null, \`updated_at\` datetime(3) not null, \`tenant_id\` varchar(36) not null, \`token_hash\` varchar(64) not null, \`family_id\` varchar(36) not null, \`user_id\` varchar(36) not null, \`expires_at\` datetime(3) not null, \`used_at\` datetime(3) null, \`revoked_at\` datetime(3) null, primary key (\`id\`)) default character set utf8mb4 engine = InnoDB;`);
    this.addSql(`alter table \`refresh_tokens\` add index \`refresh_tokens_tenant_id_index\`(\`tenant_id\`);`);
    this.addSql(`alter table \`refresh_tokens\` add unique \`refresh_tokens_token_hash_unique\`(\`token_hash\`);`);
    this.addSql(`alter table \`refresh_tokens\` add index \`refresh_tokens_user_id_index\`(\`user_id\`);`);
    this.addSql(`alter table \`refresh_tokens\` add index \`refresh_tokens_tenant_id_family_id_index\`(\`tenant_id\`, \`family_id\`);`);

    this.addSql(`create table \`memberships\` (\`id\` varchar(36) not null, \`created_at\` datetime(3) not null, \`updated_at\` datetime(3) not null, \`tenant_id\` varchar(36) not null, \`user_id\` varchar(36) not null, \`role\` varchar(16) not null, \`active\` tinyint(1) not null default true, primary key (\`id\`)) default character set utf8mb4 engine = InnoDB;`);
    this.addSql(`alter table \`memberships\` add index \`memberships_tenant_id_index\`(\`tenant_id\`);`);
    this.addSql(`alter table \`memberships\` add index \`memberships_user_id_index\`(\`user_id\`);`);
    this.addSql(`alter table \`memberships\` add index \`memberships_tenant_id_role_index\`(\`tenant_id\`, \`role\`);`);
    this.addSql(`alter table \`memberships\` add unique \`memberships_tenant_id_user_id_unique\`(\`tenant_id\`, \`user_id\`);`);

    this.addSql(`alter table \`refresh_tokens\` add constraint \`refresh_tokens_user_id_foreign\` foreign key (\`user_id\`) references \`users\` (\`id\`) on update cascade on delete cascade;`);

    this.addSql(`alter table \`memberships\` add constraint \`memberships_user_id_foreign\` foreign key (\`user_id\`) references \`users\` (\`id\`) on update cascade on delete cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table \`refresh_tokens\` drop foreign key \`refresh_tokens_user_id_foreign\`;`);

    this.addSql(`alter table \`memberships\` drop foreign key \`memberships_user_id_foreign\`;`);

    this.addSql(`drop table if exists \`tenants\`;`);

    this.addSql(`drop table if exists \`users\`;`);

    this.addSql(`drop table if exists \`refresh_tokens\`;`);

    this.addSql(`drop table if exists \`memberships\`;`);
  }

}
