// The one task every stack test gives its app: a weather question over two cities, answered with
// a `weather` tool (the scripted server asks for it twice, then answers).

export const WEATHER_SYSTEM = 'You answer weather questions. Use the weather tool for each city.';
export const WEATHER_QUESTION = 'What is the weather in Paris and Berlin?';
export const WEATHER_TOOL_DESCRIPTION = 'The forecast for a city';

/** The `weather` tool's parameters as JSON Schema. */
export const WEATHER_PARAMETERS = {
  type: 'object' as const,
  properties: { city: { type: 'string' as const } },
  required: ['city'],
  additionalProperties: false,
};

const FORECASTS: Record<string, unknown> = {
  Paris: { city: 'Paris', forecast: 'sunny' },
  Berlin: { city: 'Berlin', forecast: 'rainy' },
};

/** What the `weather` tool returns for a city. */
export async function forecast({ city }: { city: string }): Promise<unknown> {
  return FORECASTS[city] ?? { error: `unknown city ${city}` };
}
