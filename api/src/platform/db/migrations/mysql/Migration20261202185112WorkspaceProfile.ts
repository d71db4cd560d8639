import { Migration } from '@mikro-orm/migrations';

export class Migration20261202185112 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table \`tenants\` add \`logo_url\` varchar(500) null, add \`default_locale\` varchar(8) not null default 'en', add \`timezone\` varchar(64) null, add \`widget_color\` varchar(7) null, add \`widget_greeting\` varchar(300) null, add \`widget_greeting_indonesian\` varchar(300) null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table \`tenants\` drop column \`logo_url\`, drop column \`default_locale\`, drop column \`timezone\`, drop column \`widget_color\`, drop column \`widget_greeting\`, drop column \`widget_greeting_indonesian\`;`);
  }

}
