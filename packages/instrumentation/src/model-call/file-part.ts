import type { GenAiPart, PromptMessage } from './sdk-types.ts';

type FileData = Extract<PromptMessage['content'][number], { type: 'file' }>['data'];

/** A file in a prompt or an answer as a GenAI part: `uri`, base64 `blob` or inline `file`. */
export function filePart(mediaType: string, data: FileData, filename?: string): GenAiPart {
  const modality = mediaType.split('/')[0];
  const base: GenAiPart = { mime_type: mediaType };
  if (modality === 'image' || modality === 'audio' || modality === 'video')
    base.modality = modality;
  if (filename !== undefined) base.filename = filename;
  switch (data.type) {
    case 'url':
      return { type: 'uri', ...base, uri: data.url.href };
    case 'data':
      return {
        type: 'blob',
        ...base,
        content:
          typeof data.data === 'string' ? data.data : Buffer.from(data.data).toString('base64'),
      };
    case 'text':
      return { type: 'file', ...base, content: data.text };
    default:
      return { type: 'file', ...base };
  }
}
