import { describe, expect, it } from 'vitest';
import { generateValue } from '../schema/generate-value.ts';
import { isValid } from '../schema/validate-value.ts';
import { message } from './conversation.ts';
import { conversationSuggester, summarySentence } from './conversation-suggester.ts';
import { readConversation } from './read-conversation.ts';

const POST =
  'Loving the new release from @acme! Setup took 3 minutes and the docs are great. ' +
  '#launch #devtools https://example.com/release';

function generate(schema: object, text = POST, extra: Parameters<typeof message>[] = []) {
  const context = readConversation([
    message('user', text),
    ...extra.map((args) => message(...args)),
  ]);
  const value = generateValue(schema, {
    seed: 'seed',
    suggester: conversationSuggester(context, 'seed'),
  });
  expect(isValid(schema, value), JSON.stringify(value)).toBe(true);
  return value as Record<string, unknown>;
}

const object = (properties: Record<string, object>) => ({
  type: 'object',
  properties,
  required: Object.keys(properties),
  additionalProperties: false,
});

describe('conversationSuggester: strings', () => {
  it('passes the user text to text-like fields', () => {
    const value = generate(object({ text: { type: 'string' }, postContent: { type: 'string' } }));
    expect(value.text).toBe(POST);
    expect(value.postContent).toBe(POST);
  });

  it('cuts the text to maxLength', () => {
    expect(generate(object({ text: { type: 'string', maxLength: 10 } })).text).toBe(
      POST.slice(0, 10),
    );
  });

  it('fills hashtags, mentions, links, emails, languages and ids from the text', () => {
    const value = generate(
      object({
        hashtag: { type: 'string' },
        mention: { type: 'string' },
        url: { type: 'string', format: 'uri' },
        contactEmail: { type: 'string', format: 'email' },
        language: { type: 'string' },
        postId: { type: 'string' },
      }),
    );
    expect(value).toMatchObject({
      hashtag: '#launch',
      mention: '@acme',
      url: 'https://example.com/release',
      contactEmail: 'offline@example.com',
      language: 'en',
    });
    expect(value.postId).toMatch(/^post_[0-9a-f]{12}$/);
  });

  it('takes places from proper nouns and titles from keywords', () => {
    const value = generate(
      object({ city: { type: 'string' }, title: { type: 'string' } }),
      'What is the weather like in Lisbon this weekend?',
    );
    expect(value.city).toBe('Lisbon');
    expect(value.title).toBe('Weather Lisbon Weekend');
  });

  it('writes a summary sentence for summary-like fields', () => {
    const value = generate(object({ summary: { type: 'string' } }));
    expect(value.summary).toMatch(/^About "Loving the new release/);
    expect(value.summary).toContain('sentiment: positive');
  });
});

describe('conversationSuggester: enums, numbers, booleans, lists', () => {
  it('chooses sentiment enums with the lexicon', () => {
    const schema = object({
      sentiment: { type: 'string', enum: ['negative', 'neutral', 'positive'] },
    });
    expect(generate(schema).sentiment).toBe('positive');
    expect(generate(schema, 'The update is slow and buggy, I hate it').sentiment).toBe('negative');
    expect(generate(schema, 'The meeting moved to Tuesday').sentiment).toBe('neutral');
    const upper = object({ mood: { enum: ['POSITIVE', 'NEGATIVE'] } });
    expect(generate(upper, 'good but bad').mood).toBe('POSITIVE');
  });

  it('chooses the enum option the text mentions first', () => {
    const schema = object({ priority: { enum: ['low', 'medium', 'high'] } });
    expect(generate(schema, 'This is high priority, not low').priority).toBe('high');
  });

  it('counts words, hashtags and characters, and scores sentiment within bounds', () => {
    const value = generate(
      object({
        wordCount: { type: 'integer' },
        hashtagCount: { type: 'integer' },
        length: { type: 'integer' },
        sentimentScore: { type: 'number', minimum: -1, maximum: 1 },
        confidence: { type: 'number', minimum: 0, maximum: 1 },
        rating: { type: 'integer', minimum: 1, maximum: 5 },
      }),
      'great launch #one #two',
    );
    expect(value).toEqual({
      wordCount: 4,
      hashtagCount: 2,
      length: 22,
      sentimentScore: 1,
      confidence: expect.closeTo(0.65, 5),
      rating: 5,
    });
  });

  it('hands out the numbers the user wrote, in order', () => {
    const value = generate(
      object({ a: { type: 'number' }, b: { type: 'number' } }),
      'add 12 and 30',
    );
    expect(value).toEqual({ a: 12, b: 30 });
    const bounded = generate(object({ small: { type: 'integer', maximum: 20 } }), 'pick 99 or 7');
    expect(bounded.small).toBe(7);
  });

  it('answers boolean questions about the text', () => {
    const value = generate(
      object({
        isPositive: { type: 'boolean' },
        hasHashtags: { type: 'boolean' },
        isQuestion: { type: 'boolean' },
      }),
    );
    expect(value).toEqual({ isPositive: true, hasHashtags: true, isQuestion: false });
  });

  it('fills lists of hashtags and keywords', () => {
    const value = generate(
      object({
        hashtags: { type: 'array', items: { type: 'string' } },
        keywords: { type: 'array', items: { type: 'string' }, maxItems: 2 },
      }),
    );
    expect(value.hashtags).toEqual(['#launch', '#devtools']);
    expect(value.keywords).toEqual(['loving', 'new']);
    const suggested = generate(
      object({ tags: { type: 'array', items: { type: 'string' } } }),
      'quiet morning coffee',
    );
    expect(suggested.tags).toEqual(['#quiet', '#morning', '#coffee']);
  });
});

describe('conversationSuggester: tool results', () => {
  it('reuses values a tool returned under the same name', () => {
    const schema = object({ words: { type: 'number' }, verdict: { type: 'string' } });
    const value = generate(schema, 'count my words', [
      ['assistant', '', { toolCalls: [{ id: 'c1', name: 'countWords', arguments: '{}' }] }],
      ['tool', '{"stats":{"words":42},"verdict":"fine"}', { toolCallId: 'c1' }],
    ]);
    expect(value).toEqual({ words: 42, verdict: 'fine' });
  });

  it('mentions tool results in summaries', () => {
    const context = readConversation([
      message('user', 'weather?'),
      message('assistant', '', { toolCalls: [{ id: 'c1', name: 'weather', arguments: '{}' }] }),
      message('tool', '{"temp":21}', { toolCallId: 'c1' }),
    ]);
    expect(summarySentence(context)).toContain('weather returned {"temp":21}');
  });
});
