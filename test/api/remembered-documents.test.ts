import { expect, test } from 'vitest';
import { parse } from 'graphql';
import { REMEMBERED_DOCUMENTS, RememberedDocuments } from '../../server/src/document-store.js';

/** Apollo Server's store of parsed documents: short texts only, least recently used out first. */
const document = (n: number, padding = '') => parse(`{ q${n}: __typename ${padding}\n}`);

test('a short document is kept; a longer one than the limit is not', async () => {
  const store = new RememberedDocuments();
  const short = document(1);
  await store.set('short', short);
  expect(await store.get('short')).toBe(short);
  const long = document(2, '#'.repeat(REMEMBERED_DOCUMENTS.maxLength));
  await store.set('long', long);
  expect(await store.get('long')).toBeUndefined();
  expect(await store.delete('short')).toBe(true);
  expect(await store.get('short')).toBeUndefined();
});

test('past the count, the least recently used document goes first', async () => {
  const store = new RememberedDocuments();
  for (let n = 0; n < REMEMBERED_DOCUMENTS.count; n++) await store.set(`d${n}`, document(n));
  // d0 is used again, so d1 is now the least recently used.
  expect(await store.get('d0')).toBeDefined();
  await store.set('newest', document(REMEMBERED_DOCUMENTS.count));
  expect(await store.get('d1')).toBeUndefined();
  expect(await store.get('d0')).toBeDefined();
  expect(await store.get('d2')).toBeDefined();
  expect(await store.get('newest')).toBeDefined();
});

test('past the total length of text, the oldest documents go until it fits', async () => {
  const store = new RememberedDocuments();
  const padding = '#'.repeat(REMEMBERED_DOCUMENTS.maxLength - 100);
  const fitting = Math.floor(REMEMBERED_DOCUMENTS.totalLength / document(0, padding).loc!.end);
  for (let n = 0; n <= fitting; n++) await store.set(`d${n}`, document(n, padding));
  expect(await store.get('d0')).toBeUndefined();
  expect(await store.get('d1')).toBeDefined();
  expect(await store.get(`d${fitting}`)).toBeDefined();
});
