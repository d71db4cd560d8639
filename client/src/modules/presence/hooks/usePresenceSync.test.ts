import { expect, it } from 'vitest';
import { sendInOrder } from './usePresenceSync';

it('sends a presence change only after the one before it settled, even a failed one', async () => {
  const log: string[] = [];
  const first = sendInOrder(async () => {
    log.push('first sent');
    await new Promise((resolve) => setTimeout(resolve, 30));
    log.push('first answered');
    throw new Error('refused');
  });
  const second = sendInOrder(async () => {
    log.push('second sent');
    return 'BUSY';
  });
  await expect(first).rejects.toThrow('refused');
  await expect(second).resolves.toBe('BUSY');
  expect(log).toEqual(['first sent', 'first answered', 'second sent']);
});
