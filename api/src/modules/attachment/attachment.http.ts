import type { MikroORM } from '@mikro-orm/core';
import { Router, type Request, type Response } from 'express';
import multer from 'multer';
import { hasScope, type Principal } from '../../platform/auth/principal.js';
import { Scope } from '../../platform/auth/scopes.js';
import { scopeForPrincipal } from '../../platform/db/scope.js';
import type { RequestScope } from '../../platform/graphql/caller.js';
import { requestScope, type Logger } from '../../platform/logger.js';
import type { FileStorage } from '../../platform/storage/storage.js';
import { Attachment } from './attachment.entity.js';

export interface AttachmentRoutesOptions {
  orm: MikroORM;
  storage: FileStorage;
  maxBytes: number;
  allowedTypes: string[];
  logger: Logger;
  /**
   * Whether the principal may read the message a file is linked to: the conversation's
   * rule (the ticket's visibility, internal notes, API key scopes), not a copy of it.
   */
  mayReadMessage(scope: RequestScope, messageId: string): Promise<boolean>;
}

function fail(res: Response, status: number, code: string, message: string, fields?: Record<string, string[]>, extra: Record<string, unknown> = {}) {
  res.status(status).json({ errors: [{ message, extensions: { code, fields, ...extra, requestId: requestScope.getStore()?.requestId } }] });
}

/** The temporary-password rule GraphQL enforces (auth directive): such a principal may only change it. */
function refusedTemporaryPassword(res: Response, principal: Principal): boolean {
  if (!principal.mustChangePassword) return false;
  fail(res, 403, 'FORBIDDEN', 'Change your temporary password first', undefined, { reason: 'PASSWORD_CHANGE_REQUIRED' });
  return true;
}

/** POST /uploads (multipart, field "file") and GET /attachments/:id, both behind the same auth as /graphql. */
export function attachmentRoutes(options: AttachmentRoutesOptions): Router {
  const router = Router();
  const upload = multer({ storage: multer.memoryStorage(), limits: { fileSize: options.maxBytes, files: 1, fields: 5 } }).single('file');
  const principalOf = (res: Response): Principal | null => res.locals.principal ?? null;

  router.post('/uploads', (req: Request, res: Response) => {
    const principal = principalOf(res);
    if (!principal) return fail(res, 401, 'UNAUTHENTICATED', 'Authentication required');
    if (refusedTemporaryPassword(res, principal)) return;
    if (!hasScope(principal, Scope.MESSAGES_WRITE)) return fail(res, 403, 'FORBIDDEN', 'This API key lacks the scope messages:write');
    upload(req, res, (err: unknown) => {
      handleUpload(err).catch((error: unknown) => {
        options.logger.error({ err: error }, 'upload failed');
        if (!res.headersSent) fail(res, 500, 'INTERNAL_SERVER_ERROR', 'Upload failed');
      });
    });
    const handleUpload = async (err: unknown) => {
      if (err instanceof multer.MulterError) {
        if (err.code === 'LIMIT_FILE_SIZE') {
          return fail(res, 413, 'BAD_USER_INPUT', `File is larger than ${options.maxBytes} bytes`, { file: [`must be at most ${options.maxBytes} bytes`] });
        }
        return fail(res, 400, 'BAD_USER_INPUT', err.message, { file: [err.message] });
      }
      if (err) return fail(res, 400, 'BAD_USER_INPUT', 'Malformed upload', { file: ['could not be read'] });
      const file = req.file;
      if (!file) return fail(res, 400, 'BAD_USER_INPUT', 'No file in field "file"', { file: ['is required'] });
      const type = file.mimetype.toLowerCase();
      if (!options.allowedTypes.includes(type)) {
        return fail(res, 415, 'BAD_USER_INPUT', `File type ${type} is not allowed`, { file: [`type ${type} is not allowed`] });
      }
      const em = scopeForPrincipal(options.orm, principal);
      const attachment = em.create(Attachment, {
        uploaderId: principal.userId,
        filename: safeFilename(file.originalname),
        contentType: type,
        size: file.size,
        storageKey: '',
      });
      attachment.storageKey = `${principal.tenantId}/${attachment.id}`;
      await options.storage.put(attachment.storageKey, file.buffer);
      try {
        await em.flush();
      } catch (error) {
        await options.storage.remove(attachment.storageKey);
        throw error;
      }
      res.status(201).json({ id: attachment.id, filename: attachment.filename, contentType: attachment.contentType, size: attachment.size, url: attachment.url });
    };
  });

  router.get('/attachments/:id', async (req: Request, res: Response) => {
    const principal = principalOf(res);
    if (!principal) return fail(res, 401, 'UNAUTHENTICATED', 'Authentication required');
    if (refusedTemporaryPassword(res, principal)) return;
    const em = scopeForPrincipal(options.orm, principal);
    const attachment = await em.findOne(Attachment, { id: String(req.params.id) });
    if (!attachment || !(await mayDownload(options, { em, principal }, attachment))) return fail(res, 404, 'NOT_FOUND', 'Attachment not found');
    // RFC 6266: an ASCII fallback plus filename*=UTF-8'' so any file name makes a valid header.
    res.attachment(attachment.filename);
    res.setHeader('Content-Type', attachment.contentType);
    res.setHeader('Content-Length', String(attachment.size));
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Cache-Control', 'private, max-age=300');
    options.storage.read(attachment.storageKey).on('error', () => res.destroy()).pipe(res);
  });

  return router;
}

/**
 * Busboy reads multipart file names as latin1, but browsers send them as raw UTF-8: decode
 * them again when the bytes are valid UTF-8. Control characters, quotes and slashes go.
 */
function safeFilename(original: string): string {
  let name = original;
  if (Array.from(name).every((ch) => ch.codePointAt(0)! <= 0xff)) {
    try {
      name = new TextDecoder('utf-8', { fatal: true }).decode(Buffer.from(name, 'latin1'));
    } catch {
      // Not UTF-8: keep the latin1 reading.
    }
  }
  const unsafe = (ch: string) => ch.codePointAt(0)! < 0x20 || ch.codePointAt(0) === 0x7f || ch === '"' || ch === '\\' || ch === '/';
  return Array.from(name, (ch) => (unsafe(ch) ? '_' : ch)).slice(0, 255).join('') || 'file';
}

/** Unlinked files: only the uploader. Linked files: whoever may read the message. */
async function mayDownload(options: AttachmentRoutesOptions, scope: RequestScope, a: Attachment): Promise<boolean> {
  if (!a.messageId || !a.ticketId) return a.uploaderId === scope.principal.userId;
  return options.mayReadMessage(scope, a.messageId);
}
