import { Migration } from '@mikro-orm/migrations';

export class Migration20261121211001 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table \`tenants\` (\`id\` text not null, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`slug\` text not null, \`name\` text not null, primary key (\`id\`));`);
    this.addSql(`create unique index \`tenants_slug_unique\` on \`tenants\` (\`slug\`);`);

    this.addSql(`create table \`users\` (\`id\` text not null, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`email\` text not null, \`name\` text not null, \`password_hash\` text not null, \`active\` integer not null default true, \`must_change_password\` integer not null default false, primary key (\`id\`));`);
    this.addSql(`create unique index \`users_email_unique\` on \`users\` (\`email\`);`);

    this.addSql(`create table \`refresh_tokens\` (\`id\` text not null, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`tenant_id\` text not null, \`token_hash\` text not null, \`family_id\` text not null, \`user_id\` text not null, \`expires_at\` datetime not null, \`used_at\` datetime null, \`revoked_at\` datetime null, constraint \`refresh_tokens_user_id_foreign\` foreign key(\`user_id\`) references \`users\`(\`id\`) on delete cascade on update cascade, primary key (\`id\`));`);
    this.addSql(`create index \`refresh_tokens_tenant_id_index\` on \`refresh_tokens\` (\`tenant_id\`);`);
    this.addSql(`create unique index \`refresh_tokens_token_hash_unique\` on \`refresh_tokens\` (\`token_hash\`);`);
    this.addSql(`create index \`refresh_tokens_user_id_index\` on \`refresh_tokens\` (\`user_id\`);`);
    this.addSql(`create index \`refresh_tokens_tenant_id_family_id_index\` on \`refresh_tokens\` (\`tenant_id\`, \`family_id\`);`);

    this.addSql(`create table \`memberships\` (\`id\` text not null, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`tenant_id\` text not null, \`user_id\` text not null, \`role\` text not null, \`active\` integer not null default true, constraint \`memberships_user_id_foreign\` foreign key(\`user_id\`) references \`users\`(\`id\`) on delete cascade on update cascade, primary key (\`id\`));`);
    this.addSql(`create index \`memberships_tenant_id_index\` on \`memberships\` (\`tenant_id\`);`);
    this.addSql(`create index \`memberships_user_id_index\` on \`memberships\` (\`user_id\`);`);
    this.addSql(`create index \`memberships_tenant_id_role_index\` on \`memberships\` (\`tenant_id\`, \`role\`);`);
    this.addSql(`create unique index \`memberships_tenant_id_user_id_unique\` on \`memberships\` (\`tenant_id\`, \`user_id\`);`);
  }

}
