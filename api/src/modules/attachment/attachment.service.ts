import type { EntityManager } from '@mikro-orm/core';
import type { Principal } from '../../platform/auth/principal.js';
import { badInput } from '../../platform/errors.js';
import { Attachment } from './attachment.entity.js';

/** The attachment rows' one writer besides the upload route: linking uploads to a message. */
export class AttachmentService {
  /**
   * Links the principal's unlinked uploads to a message, in the caller's transaction. One
   * conditional UPDATE claims the files: a concurrent post that linked one of them first (and
   * committed) makes this match fewer rows, so a file never ends up on two messages.
   */
  async linkToMessage(tx: EntityManager, p: Principal, ids: string[], link: { messageId: string; ticketId: string }): Promise<void> {
    if (!ids.length) return;
    const unique = [...new Set(ids)];
    const linked = await tx.nativeUpdate(Attachment, { id: { $in: unique }, tenantId: p.tenantId, uploaderId: p.userId, messageId: null }, link);
    if (linked !== unique.length) throw badInput({ attachmentIds: ['unknown, already used, or not uploaded by you'] });
  }
}
