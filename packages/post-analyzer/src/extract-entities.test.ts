import { describe, expect, it } from 'vitest';
import { extractEntities } from './extract-entities.ts';

describe('extractEntities', () => {
  it('finds hashtags, mentions and links in order of first appearance', () => {
    const result = extractEntities(
      'Shipping v2 today 🚀 #launch #DevTools thanks @maria_dev and @ops! Docs: https://example.com/docs.',
    );
    expect(result).toEqual({
      hashtags: ['#launch', '#DevTools'],
      mentions: ['@maria_dev', '@ops'],
      urls: ['https://example.com/docs'],
    });
  });

  it('removes case-insensitive duplicates and keeps the first spelling', () => {
    expect(extractEntities('#AI #ai #Ai @Bob @bob').hashtags).toEqual(['#AI']);
    expect(extractEntities('#AI #ai #Ai @Bob @bob').mentions).toEqual(['@Bob']);
  });

  it('does not take e-mail addresses for mentions', () => {
    expect(extractEntities('write to support@example.com or ping @help').mentions).toEqual([
      '@help',
    ]);
  });

  it('keeps federated and domain handles whole, without trailing sentence dots', () => {
    const { mentions } = extractEntities(
      'cc @alice.bsky.social and @bob@mastodon.social, also @carol.',
    );
    expect(mentions).toEqual(['@alice.bsky.social', '@bob@mastodon.social', '@carol']);
  });

  it('ignores number-only tags, HTML entities and tags glued to words', () => {
    const { hashtags } = extractEntities('#2024 was C# heavy &#39; issue#12 but #2024goals');
    expect(hashtags).toEqual(['#2024goals']);
  });

  it('supports non-Latin hashtags', () => {
    expect(extractEntities('Великий день #запуск #東京 #café').hashtags).toEqual([
      '#запуск',
      '#東京',
      '#café',
    ]);
  });

  it('does not read anchors or paths inside links as hashtags or mentions', () => {
    const result = extractEntities(
      'see https://example.com/@team/page#section and www.example.org',
    );
    expect(result).toEqual({
      hashtags: [],
      mentions: [],
      urls: ['https://example.com/@team/page#section', 'www.example.org'],
    });
  });

  it('strips unbalanced closing brackets but keeps balanced ones', () => {
    const { urls } = extractEntities(
      '(see https://en.wikipedia.org/wiki/Mastra_(software)) and (https://example.com/a)',
    );
    expect(urls).toEqual([
      'https://en.wikipedia.org/wiki/Mastra_(software)',
      'https://example.com/a',
    ]);
  });

  it('returns empty lists for plain text', () => {
    expect(extractEntities('nothing to see here')).toEqual({
      hashtags: [],
      mentions: [],
      urls: [],
    });
  });
});
