import { describe, expect, it } from 'vitest';
import { filePart } from './file-part.ts';

describe('filePart', () => {
  it('records a URL as a uri part with the modality of its media type', () => {
    expect(
      filePart('image/png', { type: 'url', url: new URL('https://example.test/a.png') }, 'a.png'),
    ).toEqual({
      type: 'uri',
      mime_type: 'image/png',
      modality: 'image',
      filename: 'a.png',
      uri: 'https://example.test/a.png',
    });
  });

  it('records bytes as base64 and keeps base64 text as it is', () => {
    expect(filePart('audio/wav', { type: 'data', data: new Uint8Array([104, 105]) })).toEqual({
      type: 'blob',
      mime_type: 'audio/wav',
      modality: 'audio',
      content: 'aGk=',
    });
    expect(filePart('application/pdf', { type: 'data', data: 'JVBERi0=' })).toEqual({
      type: 'blob',
      mime_type: 'application/pdf',
      content: 'JVBERi0=',
    });
  });

  it('inlines text files and names a provider reference by its media type only', () => {
    expect(filePart('text/plain', { type: 'text', text: 'notes' })).toEqual({
      type: 'file',
      mime_type: 'text/plain',
      content: 'notes',
    });
    expect(filePart('image/jpeg', { type: 'reference', reference: { openai: 'file-1' } })).toEqual({
      type: 'file',
      mime_type: 'image/jpeg',
      modality: 'image',
    });
  });
});
