import { describe, expect, it } from 'vitest';
import { sameServer } from '../../shared/sync/server-address';

// The offline sign-in and the sync cursors both ask whether an address names the server they were made with.

describe('sameServer', () => {
  it.each([
    ['https://sync.example.jp', 'https://sync.example.jp/'],
    ['https://SYNC.example.jp/karte', 'https://sync.example.jp/karte/'],
    ['https://sync.example.jp:443', 'https://sync.example.jp'],
    ['http://127.0.0.1:8787', 'http://127.0.0.1:8787//'],
  ])('takes %s and %s for one server', (a, b) => {
    expect(sameServer(a, b)).toBe(true);
  });

  it.each([
    ['https://sync.example.jp', 'http://sync.example.jp'],
    ['https://sync.example.jp', 'https://sync.example.jp:8443'],
    ['https://sync.example.jp/a', 'https://sync.example.jp/b'],
    ['https://sync.example.jp', 'https://other.example.jp'],
  ])('tells %s from %s', (a, b) => {
    expect(sameServer(a, b)).toBe(false);
  });
});
