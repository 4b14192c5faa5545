/** Where summaries read the records projection's documents: a ProjectionStore, or a MemoryProjectionStore replayed "as known at". */
export interface RecordSource {
  scan<Doc>(category: string, options?: { prefix?: string }): AsyncIterable<Doc>;
}
