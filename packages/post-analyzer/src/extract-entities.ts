export interface ExtractedEntities {
  /** Hashtags with the leading `#`, first spelling kept, case-insensitive duplicates removed. */
  hashtags: string[];
  /** Handles with the leading `@` (also `@user.bsky.social` and `@user@mastodon.social`). */
  mentions: string[];
  /** `http(s)://` and `www.` links, without trailing punctuation. */
  urls: string[];
}

const URL_PATTERN = /\b(?:https?:\/\/|www\.)[^\s<>"]+/giu;
// A hashtag needs at least one letter (`#2024` is not one) and must not follow a word
// character, `&` (HTML entities) or `/` (paths).
const HASHTAG_PATTERN =
  /(^|[^\p{L}\p{M}\p{N}_&/#])#([\p{L}\p{M}\p{N}_]*\p{L}[\p{L}\p{M}\p{N}_]*)/gu;
// A mention must not follow a word character, so e-mail addresses are not mentions.
const MENTION_PATTERN =
  /(^|[^\p{L}\p{N}_@.])@([A-Za-z0-9_]{1,30}(?:\.[A-Za-z0-9_-]+)*(?:@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+)?)/gu;

const TRAILING_PUNCTUATION = new Set(['.', ',', ';', ':', '!', '?', "'", '"', '…']);
const CLOSING_BRACKETS: Record<string, string> = { ')': '(', ']': '[', '}': '{' };

/** Pulls hashtags, mentions and links out of a post's text. Pure and deterministic. */
export function extractEntities(text: string): ExtractedEntities {
  const urls = uniqueInOrder([...text.matchAll(URL_PATTERN)].map((match) => trimUrl(match[0])));
  // Blank out links first so `https://site/#anchor` or `https://site/@user` yield nothing.
  const withoutUrls = text.replace(URL_PATTERN, (url) => ' '.repeat(url.length));
  const hashtags = uniqueInOrder(
    [...withoutUrls.matchAll(HASHTAG_PATTERN)].map((match) => `#${match[2]}`),
  );
  const mentions = uniqueInOrder(
    [...withoutUrls.matchAll(MENTION_PATTERN)].map((match) => `@${match[2]}`),
  );
  return { hashtags, mentions, urls };
}

function trimUrl(url: string): string {
  let end = url.length;
  while (end > 0) {
    const last = url[end - 1] ?? '';
    const opening = CLOSING_BRACKETS[last];
    const body = url.slice(0, end);
    if (TRAILING_PUNCTUATION.has(last)) {
      end -= 1;
    } else if (opening !== undefined && countOf(body, opening) < countOf(body, last)) {
      end -= 1;
    } else {
      break;
    }
  }
  return url.slice(0, end);
}

function countOf(text: string, char: string): number {
  return text.split(char).length - 1;
}

function uniqueInOrder(values: string[]): string[] {
  const seen = new Set<string>();
  const result: string[] = [];
  for (const value of values) {
    const key = value.toLowerCase();
    if (value.length > 1 && !seen.has(key)) {
      seen.add(key);
      result.push(value);
    }
  }
  return result;
}
