/**
 * Makes a server die with the process that started it, even on SIGKILL (Linux PR_SET_PDEATHSIG),
 * then becomes the server itself (argv[1:]) so signals reach it directly.
 */
export const PYTHON_LAUNCHER = [
  'import ctypes, os, signal, sys',
  'try:',
  '    ctypes.CDLL(None).prctl(1, signal.SIGTERM)',
  'except Exception:',
  '    pass',
  'os.execv(sys.argv[1], sys.argv[1:])',
].join('\n');

/** Keeps AGL's dependencies from reaching out to the internet on start-up. */
export const OFFLINE_ENV = {
  LITELLM_LOCAL_MODEL_COST_MAP: 'True',
  LITELLM_TELEMETRY: 'False',
  AGENTOPS_TELEMETRY_OPT_OUT: 'true',
  HF_HUB_OFFLINE: '1',
  PYTHONUNBUFFERED: '1',
} as const;
