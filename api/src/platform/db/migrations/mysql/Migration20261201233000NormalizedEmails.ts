import { Migration } from '@mikro-orm/migrations';

/**
 * Emails are stored normalised (trimmed, lower case; NFC from the application) and compared
 * exactly: a binary collation, so accented variants (`ágent@…`) are not the same address.
 */
export class Migration20261201233000 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`update \`users\` set \`email\` = lower(trim(\`email\`));`);
    this.addSql(`alter table \`users\` modify \`email\` varchar(254) character set utf8mb4 collate utf8mb4_bin not null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table \`users\` modify \`email\` varchar(254) character set utf8mb4 not null;`);
  }

}
