/**
 * The one spelling of an email address that is stored and compared: trimmed, Unicode NFC,
 * lower case. Columns compare it exactly (binary collation on MySQL/MariaDB), so accented
 * or differently composed variants are different addresses, never the same account.
 */
export function normalizeEmail(email: string): string {
  return email.trim().normalize('NFC').toLowerCase();
}
