import type { DocumentStore } from '@apollo/server';
import type { DocumentNode } from 'graphql';

/** How much of the query texts clients send is remembered per process (parsed documents, the request budget's verdicts). */
export const REMEMBERED_DOCUMENTS = {
  /**
   * Longest text remembered. Clients send the same few documents over and over; a longer one carries
   * its data inline (a bulk save's rows, with their versions) and is not sent again.
   */
  maxLength: 8 * 1024,
  /** Texts remembered at once. */
  count: 1000,
  /** Their text in all: a parsed document with its locations takes ten to twenty times its text. */
  totalLength: 2 * 1024 * 1024,
} as const;

/**
 * Apollo Server's parsed and validated documents by query hash, least recently used first out. Apollo's
 * own store keeps up to 30 MiB of them counted as JSON, whatever their length: the benchmark's bulk saves
 * (500 rows inline, each text used once) filled it with documents, their tokens and locations, and the
 * compiled operations and verdicts hanging off them. A document is kept only when its text is short.
 */
export class RememberedDocuments implements DocumentStore {
  private readonly documents = new Map<string, { document: DocumentNode; length: number }>();
  private totalLength = 0;

  async get(key: string): Promise<DocumentNode | undefined> {
    const entry = this.documents.get(key);
    if (!entry) return undefined;
    // Map keeps insertion order: moved to the end, it is the last to go.
    this.documents.delete(key);
    this.documents.set(key, entry);
    return entry.document;
  }

  async set(key: string, document: DocumentNode): Promise<void> {
    const length = document.loc?.end ?? Infinity;
    if (length > REMEMBERED_DOCUMENTS.maxLength || this.documents.has(key)) return;
    this.documents.set(key, { document, length });
    this.totalLength += length;
    for (const [oldest, entry] of this.documents) {
      if (this.documents.size <= REMEMBERED_DOCUMENTS.count && this.totalLength <= REMEMBERED_DOCUMENTS.totalLength) break;
      this.documents.delete(oldest);
      this.totalLength -= entry.length;
    }
  }

  async delete(key: string): Promise<boolean> {
    const entry = this.documents.get(key);
    if (entry) this.totalLength -= entry.length;
    return this.documents.delete(key);
  }
}
