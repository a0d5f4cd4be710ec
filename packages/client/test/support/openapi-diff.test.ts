import { describe, expect, it } from 'vitest';
import { diffOpenApi, type OpenApiDocument } from './openapi-diff.ts';

type Schema = Record<string, unknown>;

/** A one-route document: POST /items with a request schema and a 200 response schema. */
function doc(
  request: Schema,
  response: Schema,
  extra: Partial<OpenApiDocument> = {},
): OpenApiDocument {
  return {
    openapi: '3.1.0',
    paths: {
      '/items': {
        post: {
          requestBody: { required: true, content: { 'application/json': { schema: request } } },
          responses: {
            '200': { description: 'ok', content: { 'application/json': { schema: response } } },
          },
        },
      },
    },
    components: { schemas: { PydanticUnset: { type: 'object', properties: {} } } },
    ...extra,
  };
}

const item: Schema = {
  type: 'object',
  required: ['id'],
  properties: {
    id: { type: 'string' },
    count: { type: 'integer', default: 0 },
    status: { type: 'string', enum: ['a', 'b'] },
    note: { anyOf: [{ type: 'string' }, { type: 'null' }] },
  },
};

describe('diffOpenApi', () => {
  it('finds nothing when the documents agree, whatever the $ref layout and annotations', () => {
    const ours = doc({ $ref: '#/components/schemas/Item' }, { $ref: '#/components/schemas/Item' });
    (ours.components as { schemas: Schema }).schemas.Item = {
      ...item,
      title: 'Ours',
      description: 'x',
    };
    expect(diffOpenApi(ours, doc(item, item))).toEqual([]);
  });

  it('reports type, enum, nullability, default and property drift with its location', () => {
    const ours = {
      ...item,
      properties: {
        id: { type: 'integer' },
        count: { type: 'integer', default: 1 },
        status: { type: 'string', enum: ['a', 'c'] },
        note: { type: 'string' },
        extra: { type: 'string' },
      },
    };
    expect(diffOpenApi(doc(ours, item), doc(item, item))).toEqual([
      'POST /items › request body: property "extra" does not exist on the server',
      'POST /items › request body › id: type differs — ours integer, server string',
      'POST /items › request body › count: default differs — ours 1, server 0',
      'POST /items › request body › status: enum values only in ours: "c"',
      'POST /items › request body › status: enum values only on the server: "b"',
      'POST /items › request body › note: nullability differs — ours not nullable, server nullable',
    ]);
  });

  it('requires the same required keys in requests, but lets responses require more', () => {
    const stricter = { ...item, required: ['id', 'count'] };
    expect(diffOpenApi(doc(stricter, stricter), doc(item, item))).toEqual([
      'POST /items › request body: "count" is required in ours but optional on the server',
    ]);
    const looser = { ...item, required: [] };
    expect(diffOpenApi(doc(item, looser), doc(item, item))).toEqual([
      'POST /items › response 200: "id" is required by the server but optional in ours',
    ]);
  });

  it('lets a node marked x-agl-narrowed be stricter, and only that node', () => {
    const narrowed = {
      ...item,
      'x-agl-narrowed': 'null is rejected by the handler',
      required: ['id', 'status'],
      properties: {
        ...(item.properties as Schema),
        note: { type: 'string' },
        status: { type: 'string', enum: ['a'] },
      },
    };
    expect(diffOpenApi(doc(narrowed, item), doc(item, item))).toEqual([
      'POST /items › request body › status: enum values only on the server: "b"',
    ]);
  });

  it('accepts a precise description of what the server leaves untyped', () => {
    const server = doc({}, { type: 'object', additionalProperties: true });
    expect(diffOpenApi(doc(item, item), server)).toEqual([]);
  });

  it('ignores the PydanticUnset marker the server publishes', () => {
    const server = doc(
      {
        type: 'object',
        properties: {
          status: { anyOf: [{ type: 'string' }, { $ref: '#/components/schemas/PydanticUnset' }] },
        },
      },
      item,
    );
    const ours = doc({ type: 'object', properties: { status: { type: 'string' } } }, item);
    expect(diffOpenApi(ours, server)).toEqual([]);
  });

  it('checks every route both ways, parameters and status codes', () => {
    const server = doc(item, item);
    const serverItems = (server.paths as Record<string, Record<string, Schema>>)[
      '/items'
    ] as Record<string, Schema>;
    serverItems.get = {
      parameters: [
        { name: 'limit', in: 'query', required: false, schema: { type: 'integer', default: -1 } },
      ],
      responses: { '200': { description: 'ok' } },
    };
    const ours = doc(item, item, {
      paths: {
        '/items': {
          post: {
            requestBody: { required: true, content: { 'application/json': { schema: item } } },
            responses: { '201': { description: 'created' } },
          },
        },
        '/other': { get: { responses: {} } },
      },
    });
    expect(diffOpenApi(ours, server)).toEqual([
      'GET /other: declared in ours, not served',
      'GET /items: served, missing in ours',
      'POST /items: response 200 is missing in ours',
    ]);
  });
});
