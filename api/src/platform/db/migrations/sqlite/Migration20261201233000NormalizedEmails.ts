import { Migration } from '@mikro-orm/migrations';

/** Emails are stored normalised (trimmed, lower case; NFC from the application). SQLite compares text exactly already. */
export class Migration20261201233000 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`update \`users\` set \`email\` = lower(trim(\`email\`));`);
  }

  override async down(): Promise<void> {}

}
