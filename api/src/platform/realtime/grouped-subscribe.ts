import { subscribe, type ExecutionArgs, type ExecutionResult, type GraphQLError } from 'graphql';
import { PushQueue } from './push-queue.js';

type Source = AsyncGenerator<ExecutionResult, void, void>;

/** Where a member's results go: straight onto its socket, already serialized. */
export interface MemberSink {
  write(json: string): void;
}

interface Member {
  sink: MemberSink;
  /** Handed to graphql-ws; it only ends (when the group ends or the client unsubscribes). */
  queue: PushQueue<ExecutionResult>;
}

interface Group {
  source: Source;
  members: Set<Member>;
}

export interface GroupedSubscribeOptions {
  /** Shapes a result (e.g. masks errors) once per event for the whole group. */
  format: (result: ExecutionResult) => ExecutionResult;
  /**
   * The access check (@auth) of one subscriber, run for every member before it joins or
   * starts a group: the group's execution checked only the member that started it.
   */
  admit?: (args: ExecutionArgs) => readonly GraphQLError[];
}

/**
 * Subscribers that share a document, variables and visibility share one execution: the
 * subscription runs once per event, the result is serialized once, and the same JSON is
 * written to every member's socket. `key` returns null for operations that must run alone.
 */
export function createGroupedSubscribe(key: (args: ExecutionArgs) => string | null, options: GroupedSubscribeOptions) {
  const groups = new Map<string, Group>();
  const starting = new Map<string, Promise<Group | ExecutionResult>>();

  async function start(k: string, args: ExecutionArgs): Promise<Group | ExecutionResult> {
    const result = await subscribe(args);
    // A failed setup (e.g. NOT_FOUND) goes back unformatted: the transport formats it like any single result.
    if (!(Symbol.asyncIterator in result)) return result;
    const group: Group = { source: result as Source, members: new Set() };
    groups.set(k, group);
    void (async () => {
      try {
        for await (const event of group.source) {
          const json = JSON.stringify(options.format(event));
          for (const member of group.members) member.sink.write(json);
        }
      } finally {
        if (groups.get(k) === group) groups.delete(k);
        for (const member of [...group.members]) member.queue.end();
      }
    })();
    return group;
  }

  return {
    groups,
    async subscribe(args: ExecutionArgs, sink: MemberSink) {
      const k = key(args);
      if (k === null) return subscribe(args);
      const refused = options.admit?.(args);
      if (refused?.length) return { errors: refused } satisfies ExecutionResult;
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
      const member: Member = {
        sink,
        queue: new PushQueue<ExecutionResult>(() => {
          joined.members.delete(member);
          if (joined.members.size === 0 && groups.get(k) === joined) {
            groups.delete(k);
            void joined.source.return(undefined);
          }
        }),
      };
      joined.members.add(member);
      return member.queue;
    },
  };
}
