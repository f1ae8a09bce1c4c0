// Wires the API machinery (defaulting, admission, validation, strict decoding) into the API server.

import { ApiPlugins } from './api-server';
import { admitDefaultTolerations, admitServiceAccount } from './defaults/admission';
import { Pod } from './types';

export const defaultPlugins: ApiPlugins = {
  applyDefaults: () => undefined,
  validate: () => [],
  unknownFields: () => [],
  admitPod(pod: Pod, rng) {
    admitServiceAccount(pod, rng.string(5));
    admitDefaultTolerations(pod);
  },
};
