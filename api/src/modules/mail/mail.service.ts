import type { EntityManager } from '@mikro-orm/core';
import type { MailConfig } from '../../platform/config.js';
import { MailMessage } from './mail-message.entity.js';
import { renderMail, toLocale, type TemplateName, type TemplateParams } from './mail.templates.js';

export interface EnqueueMail<K extends TemplateName> {
  to: string;
  locale: string | null | undefined;
  template: K;
  params: TemplateParams[K];
  tenantId?: string | null;
}

/**
 * The outbox's only writer of new mail. `enqueue` adds a rendered row to the caller's
 * EntityManager, so the mail commits (or rolls back) with the change that causes it; call
 * `sent()` after the commit so the worker picks it up at once.
 */
export class MailService {
  constructor(
    private readonly config: Pick<MailConfig, 'publicUrl'>,
    private readonly kickWorker: () => void,
    private readonly now: () => number = Date.now,
  ) {}

  /** An absolute link into the web client. */
  link(path: string, query: Record<string, string> = {}): string {
    const url = new URL(path, `${this.config.publicUrl}/`);
    for (const [k, v] of Object.entries(query)) url.searchParams.set(k, v);
    return url.toString();
  }

  enqueue<K extends TemplateName>(em: EntityManager, mail: EnqueueMail<K>): MailMessage {
    const locale = toLocale(mail.locale);
    const rendered = renderMail(mail.template, locale, mail.params);
    return em.create(MailMessage, {
      template: mail.template,
      recipient: mail.to,
      locale,
      ...rendered,
      tenantId: mail.tenantId ?? null,
      nextAttemptAt: new Date(this.now()),
    });
  }

  /** Tells the worker that new mail has committed. */
  sent(): void {
    this.kickWorker();
  }
}
