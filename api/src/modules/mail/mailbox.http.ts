import type { MikroORM } from '@mikro-orm/core';
import { Router } from 'express';
import { MailMessage } from './mail-message.entity.js';

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title>
<style>
body{font-family:system-ui,-apple-system,'Segoe UI',sans-serif;margin:0;color:#1a1b1e;background:#f8f9fa}
header{background:#1c2a3a;color:#fff;padding:12px 16px}header a{color:#fff}
main{padding:16px;max-width:960px;margin:0 auto}
table{border-collapse:collapse;width:100%;background:#fff}th,td{text-align:left;padding:8px;border-bottom:1px solid #dee2e6;vertical-align:top}
td{word-break:break-word}a{color:#1864ab}
pre{white-space:pre-wrap;word-break:break-word;background:#fff;padding:12px;border:1px solid #dee2e6}
iframe{width:100%;height:420px;border:1px solid #dee2e6;background:#fff}
.note{color:#495057;font-size:14px}
</style></head>
<body><header><a href="/dev/mailbox">Dev mailbox</a> · <a href="/">Sociodesk</a></header><main>${body}</main></body></html>`;
}

/**
 * The development mailbox: every outbox row, newest first, and each message's text, HTML and
 * links. Only mounted outside production; it shows every recipient's mail to anyone.
 */
export function mailboxRoutes(orm: MikroORM): Router {
  const router = Router();
  router.get('/dev/mailbox', async (req, res) => {
    const em = orm.em.fork({ clear: true, useContext: false });
    const to = typeof req.query.to === 'string' ? req.query.to.trim().toLowerCase() : '';
    const mails = await em.find(MailMessage, to ? { recipient: to } : {}, { orderBy: { createdAt: 'desc', id: 'desc' }, limit: 100 });
    const rows = mails
      .map(
        (m) => `<tr><td>${esc(m.createdAt.toISOString().replace('T', ' ').slice(0, 19))}</td><td>${esc(m.recipient)}</td>
<td><a href="/dev/mailbox/${esc(m.id)}">${esc(m.subject)}</a></td><td>${esc(m.status)}</td></tr>`,
      )
      .join('\n');
    res.type('html').send(
      page(
        'Dev mailbox',
        `<h1>Dev mailbox</h1>
<p class="note">Mail the server sent while no SMTP server is configured (development only).${to ? ` Showing mail to ${esc(to)}.` : ''}</p>
<table><thead><tr><th scope="col">Queued (UTC)</th><th scope="col">To</th><th scope="col">Subject</th><th scope="col">Status</th></tr></thead>
<tbody>${rows || '<tr><td colspan="4">No mail yet.</td></tr>'}</tbody></table>`,
      ),
    );
  });
  router.get('/dev/mailbox/:id', async (req, res) => {
    const em = orm.em.fork({ clear: true, useContext: false });
    const mail = await em.findOne(MailMessage, { id: req.params.id });
    if (!mail) {
      res.status(404).type('html').send(page('Not found', '<h1>No such message</h1><p><a href="/dev/mailbox">Back to the mailbox</a></p>'));
      return;
    }
    const links = [...new Set(mail.text.match(/https?:\/\/\S+/g) ?? [])];
    res.type('html').send(
      page(
        mail.subject,
        `<h1>${esc(mail.subject)}</h1>
<p class="note">To ${esc(mail.recipient)} · ${esc(mail.locale.toUpperCase())} · ${esc(mail.status)}</p>
<h2>Links</h2><ul>${links.map((l) => `<li><a href="${esc(l)}">${esc(l)}</a></li>`).join('') || '<li>None</li>'}</ul>
<h2>HTML</h2><iframe title="HTML version of the message" sandbox srcdoc="${esc(mail.html)}"></iframe>
<h2>Plain text</h2><pre>${esc(mail.text)}</pre>`,
      ),
    );
  });
  return router;
}
