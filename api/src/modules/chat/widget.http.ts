import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { MikroORM } from '@mikro-orm/core';
import { Router, type Request } from 'express';
import { CROSS_TENANT } from '../../platform/db/scope.js';
import { WidgetKey } from './chat.entity.js';

export interface WidgetRouteOptions {
  orm: MikroORM;
  clientDist: string;
  /** The key /widget-demo embeds when the address names none (the demo tenant's). */
  demoKey?: string;
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const originOf = (req: Request) => `${req.protocol}://${req.get('host')}`;

/**
 * The loader a website embeds with one tag: `<script src="…/widget.js" data-key="wk_…" async>`.
 * It mounts the widget frame (served from here) fixed in the page's corner and resizes it
 * when the frame opens or closes. Plain ES5-level JavaScript: it runs on any site.
 */
const LOADER = `(function () {
  var script = document.currentScript;
  if (!script || window.__sociodeskWidget) return;
  window.__sociodeskWidget = true;
  var base = new URL(script.src).origin;
  var params = new URLSearchParams({
    key: script.getAttribute('data-key') || '',
    locale: script.getAttribute('data-locale') || (navigator.language || 'en').slice(0, 2),
    host: location.origin,
    page: location.href.slice(0, 500)
  });
  ['visitor-id', 'visitor-hash', 'name', 'email'].forEach(function (a) {
    var v = script.getAttribute('data-' + a);
    if (v) params.set(a, v);
  });
  var frame = document.createElement('iframe');
  frame.src = base + '/widget/frame?' + params.toString();
  frame.title = 'Live chat';
  frame.setAttribute('data-sociodesk-widget', '');
  frame.allow = 'clipboard-write';
  var closed = 'position:fixed;bottom:16px;right:16px;width:76px;height:76px;border:0;z-index:2147483000;background:transparent;color-scheme:normal;';
  frame.style.cssText = closed;
  window.addEventListener('message', function (e) {
    if (e.origin !== base || !e.data || e.data.type !== 'sociodesk:size') return;
    var small = window.innerWidth < 480;
    frame.style.cssText = e.data.open
      ? 'position:fixed;z-index:2147483000;border:0;background:transparent;color-scheme:normal;' + (small ? 'inset:0;width:100%;height:100%;' : 'bottom:16px;right:16px;width:380px;height:620px;max-height:calc(100vh - 32px);')
      : closed;
  });
  (document.body || document.documentElement).appendChild(frame);
})();
`;

/** /widget.js (the loader), /widget/frame (the widget, framable only by the key's origins) and /widget-demo. */
export function widgetRoutes(options: WidgetRouteOptions): Router {
  const router = Router();
  const framePath = join(options.clientDist, 'widget.html');

  router.get('/widget.js', (_req, res) => {
    res.type('application/javascript').set('Cache-Control', 'public, max-age=300').set('Cross-Origin-Resource-Policy', 'cross-origin').send(LOADER);
  });

  router.get('/widget/frame', async (req, res, next) => {
    try {
      if (!existsSync(framePath)) return res.status(404).type('text').send('The widget is not built (npm run build -w client)');
      const value = typeof req.query.key === 'string' ? req.query.key : '';
      // The key names its tenant; only its allowed origins may frame the widget.
      const key = value ? await options.orm.em.fork({ clear: true, useContext: false }).findOne(WidgetKey, { key: value, revokedAt: null }, CROSS_TENANT) : null;
      // This server's own pages (/widget-demo) may frame it too.
      const ancestors = key ? ["'self'", ...key.allowedOrigins].join(' ') : "'none'";
      res.set(
        'Content-Security-Policy',
        `default-src 'self'; base-uri 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self' ws: wss:; frame-ancestors ${ancestors}; form-action 'self'; object-src 'none'`,
      );
      res.removeHeader('X-Frame-Options');
      res.set('Cache-Control', 'no-cache').type('html').send(readFileSync(framePath, 'utf8'));
    } catch (error) {
      next(error);
    }
  });

  router.get('/widget-demo', (req, res) => {
    const key = typeof req.query.key === 'string' && /^[\w-]{8,40}$/.test(req.query.key) ? req.query.key : options.demoKey;
    const locale = req.query.locale === 'id' ? 'id' : 'en';
    const snippet = `<script src="${originOf(req)}/widget.js" data-key="${escapeHtml(key ?? 'YOUR_WIDGET_KEY')}" data-locale="${locale}" async></script>`;
    res.type('html').set('Cache-Control', 'no-cache').send(`<!doctype html>
<html lang="${locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Toko Contoh: a demo website with the Sociodesk chat widget</title>
<style>
  body { font-family: system-ui, sans-serif; margin: 0; color: #1a1b1e; background: #f8f9fa; }
  header { background: #1864ab; color: #fff; padding: 24px 32px; }
  main { max-width: 760px; margin: 0 auto; padding: 24px 32px 120px; }
  pre { background: #fff; border: 1px solid #dee2e6; padding: 12px; white-space: pre-wrap; word-break: break-all; }
</style>
</head>
<body>
<header><h1>Toko Contoh</h1><p>A stand-in for a customer's website.</p></header>
<main>
  <h2>This page embeds the live chat widget</h2>
  <p>Open the chat bubble in the bottom-right corner. The widget is added with exactly this snippet:</p>
  <pre>${escapeHtml(snippet)}</pre>
  ${key ? '' : '<p><strong>No widget key:</strong> create one under Settings → Live chat and open /widget-demo?key=…</p>'}
</main>
${key ? snippet : ''}
</body>
</html>`);
  });
  return router;
}
