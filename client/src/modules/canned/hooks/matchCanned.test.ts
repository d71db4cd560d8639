import { describe, expect, it } from 'vitest';
import { matchCanned } from './useCannedSlash';

const item = (id: string, title: string, body: string) => ({ __typename: 'CannedResponse' as const, id, title, body, shared: true, ownerId: 'u', updatedAt: '', viewerCanManage: false });

describe('the / picker search', () => {
  it('matches titles and texts without regard to case, at most eight', () => {
    const items = [item('1', 'Greeting', 'Hi {{customer.name}}'), item('2', 'Refunds', 'Your REFUND is on its way'), ...Array.from({ length: 10 }, (_, i) => item(`x${i}`, `Other ${i}`, 'text'))];
    expect(matchCanned(items, 'GREET').map((c) => c.id)).toEqual(['1']);
    expect(matchCanned(items, 'refund').map((c) => c.id)).toEqual(['2']);
    expect(matchCanned(items, '')).toHaveLength(8);
    expect(matchCanned(items, 'nothing')).toEqual([]);
  });
});
