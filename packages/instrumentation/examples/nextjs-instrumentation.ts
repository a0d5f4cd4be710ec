// Next.js `instrumentation.ts` (project root): Next calls register() once per server runtime.
// AGL export only runs in the Node.js runtime; the Edge runtime has no place for it.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    await import('@agl/instrumentation/register');
  }
}
