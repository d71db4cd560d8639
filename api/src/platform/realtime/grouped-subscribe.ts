import { subscribe, type ExecutionArgs, type ExecutionResult } from 'graphql';
import { PushQueue } from './push-queue.js';

type Source = AsyncGenerator<ExecutionResult, void, void>;

interface Group {
  source: Source;
  members: Set<PushQueue<ExecutionResult>>;
}

export interface GroupedSubscribeOptions {
  /** Shapes a result (e.g. masks errors) once per event for the whole group. */
  format: (result: ExecutionResult) => ExecutionResult;
  /** Called with each shaped result; the transport serializes it once for all members. */
  onShared?: (result: ExecutionResult) => void;
}

/**
 * Subscribers that share a document, variables and visibility share one execution: the
 * subscription runs once per event and every member receives the same result object.
 * `key` returns null for operations that must run alone.
 */
export function createGroupedSubscribe(key: (args: ExecutionArgs) => string | null, options: GroupedSubscribeOptions) {
  const groups = new Map<string, Group>();
  const starting = new Map<string, Promise<Group | ExecutionResult>>();

  async function start(k: string, args: ExecutionArgs): Promise<Group | ExecutionResult> {
    const result = await subscribe(args);
    if (!(Symbol.asyncIterator in result)) return options.format(result);
    const group: Group = { source: result as Source, members: new Set() };
    groups.set(k, group);
    void (async () => {
      try {
        for await (const event of group.source) {
          const shaped = options.format(event);
          options.onShared?.(shaped);
          for (const member of group.members) member.push(shaped);
        }
      } finally {
        groups.delete(k);
        for (const member of group.members) member.end();
      }
    })();
    return group;
  }

  return {
    groups,
    async subscribe(args: ExecutionArgs) {
      const k = key(args);
      if (k === null) return subscribe(args);
      let group: Group | ExecutionResult | undefined = groups.get(k);
      if (!group) {
        let pending = starting.get(k);
        if (!pending) {
          pending = start(k, args).finally(() => starting.delete(k));
          starting.set(k, pending);
        }
        group = await pending;
      }
      if (!('members' in group)) return group;
      const joined = group;
      const member: PushQueue<ExecutionResult> = new PushQueue(() => {
        joined.members.delete(member);
        if (joined.members.size === 0 && groups.get(k) === joined) {
          groups.delete(k);
          void joined.source.return(undefined);
        }
      });
      joined.members.add(member);
      return member;
    },
  };
}
