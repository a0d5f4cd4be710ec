/** The endpoint as dashboards may show it: any `user:password@` part is removed. */
export function displayEndpoint(endpoint: string): string {
  try {
    const url = new URL(endpoint);
    if (url.username === '' && url.password === '') return endpoint.replace(/\/+$/, '');
    url.username = '';
    url.password = '';
    return url.toString().replace(/\/+$/, '');
  } catch {
    return endpoint.replace(/\/\/[^/@]*@/, '//');
  }
}
