import { ApiError } from '../api-error.ts';

/** `created` of the offline model: fixed, so that the listing is deterministic too. */
const MODEL_CREATED = 1_735_689_600;

export function modelObject(id: string) {
  return { id, object: 'model', created: MODEL_CREATED, owned_by: 'agl-offline' };
}

export function listModels(model: string) {
  return { object: 'list', data: [modelObject(model)] };
}

export function retrieveModel(model: string, requested: string) {
  if (requested !== model) {
    throw new ApiError(
      404,
      `The model '${requested}' does not exist. This server offers '${model}'.`,
      {
        param: 'model',
        code: 'model_not_found',
      },
    );
  }
  return modelObject(model);
}
