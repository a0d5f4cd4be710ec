// `import '@agl/instrumentation/register'` as the first import of the app: turns on export to
// Agent Lightning from AGL_* environment variables (nothing happens unless AGL_ENABLED=true).
import { registerAgl } from './register-agl.ts';

registerAgl();
