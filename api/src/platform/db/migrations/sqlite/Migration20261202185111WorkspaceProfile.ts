import { Migration } from '@mikro-orm/migrations';

export class Migration20261202185111 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table \`tenants\` add column \`logo_url\` text null;`);
    this.addSql(`alter table \`tenants\` add column \`default_locale\` text not null default 'en';`);
    this.addSql(`alter table \`tenants\` add column \`timezone\` text null;`);
    this.addSql(`alter table \`tenants\` add column \`widget_color\` text null;`);
    this.addSql(`alter table \`tenants\` add column \`widget_greeting\` text null;`);
    this.addSql(`alter table \`tenants\` add column \`widget_greeting_indonesian\` text null;`);
  }

}
