// Plays a serverless platform: one invocation of a handler, then the process ends at once, as a
// frozen or recycled function would. Nothing runs after the handler returns: no flush on exit.
const which = process.argv[2];
let output: unknown;
if (which === 'lambda') {
  const { handler } = await import('../../examples/lambda-handler.ts');
  const response = await handler({ text: 'hello from a lambda', userId: 'lambda-user' });
  output = JSON.parse(response.body);
} else {
  const { register } = await import('../../examples/nextjs-instrumentation.ts');
  await register();
  const { POST } = await import('../../examples/nextjs-route-handler.ts');
  const request = new Request('http://localhost/api/greet', {
    method: 'POST',
    body: JSON.stringify({ text: 'hello from a route', userId: 'route-user' }),
  });
  output = await (await POST(request)).json();
}
console.log(JSON.stringify(output));
process.exit(0);
