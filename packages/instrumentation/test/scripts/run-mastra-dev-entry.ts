// Plays `mastra dev`: loads the project's Mastra entry and runs its agent, as the dev server does.
const { mastra } = await import('../../examples/mastra-dev-entry.ts');
const result = await mastra.getAgent('greeter').generate('hello from the playground');
console.log(JSON.stringify({ traceId: result.traceId }));
