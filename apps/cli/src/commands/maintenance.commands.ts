import { MemoryProjectionStore, PROJECTIONS, ProjectionRunner } from '@sunshine/projections';
import { StoredEvent } from '@sunshine/event-store';
import { CliError, EXIT } from '../cli-error';
import { withReader, withRuntime } from '../open';
import { Progress } from '../progress';

/** `sunshine rebuild-projections`: drops every read model and replays the whole log into it. */
export const rebuildProjections = () =>
  withRuntime(
    async (runtime) => {
      const head = await runtime.events.headPosition();
      const progress = new Progress('重建读模型 rebuilding read models', head ? Number(head) || undefined : undefined);
      const runner = new ProjectionRunner(runtime.events, runtime.reads, PROJECTIONS, {
        onProgress: (n) => progress.update(n),
      });
      const started = Date.now();
      await runner.rebuild();
      progress.done(
        `读模型已重建至位置 ${runner.position() ?? '（空）'}，用时 ${((Date.now() - started) / 1000).toFixed(1)} 秒 (rebuilt to position ${runner.position() ?? 'none'})`,
      );
      return EXIT.ok;
    },
    { quietCatchUp: true },
  );

/**
 * `sunshine replay [--known-at] [--to-position]`: replays the log prefix through the projections in
 * memory, leaving the stored read models alone, and prints what it saw. Read-only: it works
 * while the server holds the store.
 */
export const replay = (options: { knownAt?: string; toPosition?: string }) =>
  withReader(async (runtime) => {
    if (options.knownAt !== undefined && Number.isNaN(Date.parse(options.knownAt)))
      throw new CliError(`--known-at 不是有效的时间 (not an ISO timestamp): ${options.knownAt}`, EXIT.usage);
    const knownAt = options.knownAt ? new Date(options.knownAt).toISOString() : undefined;
    const progress = new Progress('重放 replaying');
    const counts: Record<string, number> = {};
    let last: StoredEvent | undefined;
    // Everything else as the store answers it (its methods live on its prototype), the log cut at the prefix.
    const prefix = Object.assign(Object.create(runtime.events) as typeof runtime.events, {
      readAll: async (o: { after?: string; limit: number }) => {
        const page = await runtime.events.readAll(o);
        const kept: StoredEvent[] = [];
        for (const event of page) {
          if (knownAt && event.metadata.recordedAt > knownAt) break;
          if (options.toPosition && runtime.events.comparePositions(event.position, options.toPosition) > 0) break;
          kept.push(event);
          counts[event.type] = (counts[event.type] ?? 0) + 1;
          last = event;
        }
        return kept;
      },
    });
    const memory = new MemoryProjectionStore();
    const runner = new ProjectionRunner(prefix, memory, PROJECTIONS, { onProgress: (n) => progress.update(n) });
    await runner.catchUp();
    const total = Object.values(counts).reduce((a, b) => a + b, 0);
    progress.done(`重放了 ${total} 个事件 (replayed ${total} events)`);
    process.stdout.write(
      `${JSON.stringify({ events: total, position: last?.position ?? null, recordedAt: last?.metadata.recordedAt ?? null, byType: counts }, null, 2)}\n`,
    );
    return EXIT.ok;
  });
